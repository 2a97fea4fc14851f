import type { ISemanticColors } from '@fluentui/react/lib/Styling';

/** The part of an SPFx section theme (IReadonlyTheme) the components use; every field optional, like the theme's. */
export interface IPhotoSyncTheme {
  semanticColors?: Partial<ISemanticColors>;
}

import type { ISemanticColors } from '@fluentui/react/lib/Styling';
import { TeamsThemeName } from '../../logic/host';
import { IPhotoSyncTheme } from './components/IPhotoSyncTheme';

/** The colours the components use, in each of Teams' themes. */
type TeamsColors = Pick<ISemanticColors,
  'bodyBackground' | 'bodyText' | 'bodySubtext' | 'bodyStandoutBackground' | 'bodyDivider' | 'messageText' |
  'successBackground' | 'warningBackground' | 'errorBackground' | 'infoIcon' | 'successIcon' | 'warningIcon' | 'errorIcon' |
  'primaryButtonBackground' | 'primaryButtonBackgroundHovered' | 'primaryButtonText' | 'primaryButtonBorder' |
  'buttonBackground' | 'buttonBackgroundHovered' | 'buttonText' | 'buttonBorder' | 'buttonBackgroundDisabled' |
  'buttonTextDisabled' | 'focusBorder'>;

/**
 * Teams' own colours for its default, dark and high-contrast themes (Fluent UI's Teams themes), which SPFx does not
 * give a web part in Teams: it passes the SharePoint site's theme (docs/dev/platform-facts.md#teams). High contrast
 * keeps every text and the focus ring at 7:1 or more against black (WCAG AAA): white text, black on cyan buttons,
 * a yellow focus ring.
 */
const COLORS: Record<TeamsThemeName, TeamsColors> = {
  default: {
    bodyBackground: '#ffffff', bodyText: '#242424', bodySubtext: '#616161', bodyStandoutBackground: '#f5f5f5', bodyDivider: '#e0e0e0',
    messageText: '#242424', successBackground: '#f1faf1', warningBackground: '#fff9f5', errorBackground: '#fdf3f4',
    infoIcon: '#616161', successIcon: '#107c10', warningIcon: '#bc4b09', errorIcon: '#c50f1f',
    primaryButtonBackground: '#5b5fc7', primaryButtonBackgroundHovered: '#4f52b2', primaryButtonText: '#ffffff', primaryButtonBorder: '#5b5fc7',
    buttonBackground: '#ffffff', buttonBackgroundHovered: '#f5f5f5', buttonText: '#242424', buttonBorder: '#d1d1d1',
    buttonBackgroundDisabled: '#f0f0f0', buttonTextDisabled: '#bdbdbd', focusBorder: '#000000'
  },
  dark: {
    bodyBackground: '#292929', bodyText: '#ffffff', bodySubtext: '#d6d6d6', bodyStandoutBackground: '#1f1f1f', bodyDivider: '#3d3d3d',
    messageText: '#ffffff', successBackground: '#052505', warningBackground: '#411200', errorBackground: '#3f1011',
    infoIcon: '#d6d6d6', successIcon: '#54b054', warningIcon: '#faa06b', errorIcon: '#dc626d',
    primaryButtonBackground: '#4f52b2', primaryButtonBackgroundHovered: '#444791', primaryButtonText: '#ffffff', primaryButtonBorder: '#4f52b2',
    buttonBackground: '#292929', buttonBackgroundHovered: '#3d3d3d', buttonText: '#ffffff', buttonBorder: '#666666',
    buttonBackgroundDisabled: '#141414', buttonTextDisabled: '#5c5c5c', focusBorder: '#ffffff'
  },
  contrast: {
    bodyBackground: '#000000', bodyText: '#ffffff', bodySubtext: '#ffffff', bodyStandoutBackground: '#000000', bodyDivider: '#ffffff',
    messageText: '#ffffff', successBackground: '#000000', warningBackground: '#000000', errorBackground: '#000000',
    infoIcon: '#ffffff', successIcon: '#3ff23f', warningIcon: '#ffff01', errorIcon: '#ff3b3b',
    primaryButtonBackground: '#1aebff', primaryButtonBackgroundHovered: '#ffff01', primaryButtonText: '#000000', primaryButtonBorder: '#1aebff',
    buttonBackground: '#000000', buttonBackgroundHovered: '#000000', buttonText: '#ffffff', buttonBorder: '#ffffff',
    buttonBackgroundDisabled: '#000000', buttonTextDisabled: '#3ff23f', focusBorder: '#ffff01'
  }
};

export function teamsTheme(name: TeamsThemeName): IPhotoSyncTheme {
  return { semanticColors: COLORS[name] };
}

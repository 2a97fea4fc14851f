import { ComparisonSensitivity } from '../../logic/photoComparison/comparePhotos';

export type PhotoSize = 'small' | 'medium' | 'large';

/** How long each person's last check is kept, so that a visit where nothing changed downloads no photo. */
export type KeepCheck = 'off' | 'day' | 'threeDays' | 'week';

/** What a site owner sets in the property pane (and the workbench's property panel). */
export interface IProfilePhotoSyncWebPartProps {
  /** Heading above the photos; empty means the localized default. */
  title: string;
  description: string;
  showResyncButton: boolean;
  /** Compare as soon as the page opens, or only when the person selects Check. */
  checkOnLoad: boolean;
  /** Upload without a click when the photos differ. Off by default: a write should follow a person's decision. */
  autoResync: boolean;
  photoSize: PhotoSize;
  showTimestamps: boolean;
  showTroubleshooting: boolean;
  sensitivity: ComparisonSensitivity;
  keepCheck: KeepCheck;
}

/** Defaults for an intranet home page: check on load, offer Resync, never write on its own. Mirrored in the manifest. */
export const DEFAULT_WEB_PART_PROPERTIES: IProfilePhotoSyncWebPartProps = {
  title: '',
  description: '',
  showResyncButton: true,
  checkOnLoad: true,
  autoResync: false,
  photoSize: 'medium',
  showTimestamps: true,
  showTroubleshooting: true,
  sensitivity: 'standard',
  keepCheck: 'day'
};

/** Hours a kept check may be shown again, for each choice (its versions are read again on every visit). */
export const KEEP_CHECK_HOURS: Record<KeepCheck, number> = { off: 0, day: 24, threeDays: 72, week: 168 };

/** Displayed photo side in CSS pixels for each size option. */
export const PHOTO_SIDE_PX: Record<PhotoSize, number> = { small: 72, medium: 120, large: 176 };

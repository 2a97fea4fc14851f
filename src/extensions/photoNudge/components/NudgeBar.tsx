import * as React from 'react';
import { mergeStyleSets } from '@fluentui/react/lib/Styling';
import type { ISemanticColors } from '@fluentui/react/lib/Styling';
import { ISyncState } from '../../../logic/syncController/ISyncState';
import { describeSurface, ISurface } from '../../../logic/syncController/surface';
import { describeStatus, formatString, IStatusMessage, timeOfDay } from '../../../logic/statusMessage';
import { ActionButton } from '../../../webparts/profilePhotoSync/components/actionButton';
import { usePhotoUrl } from '../../../webparts/profilePhotoSync/components/usePhotoUrl';

export interface INudgeBarProps {
  state: ISyncState;
  strings: IProfilePhotoSyncWebPartStrings;
  /** The page's regional format, for a "try again after" time. */
  locale: string;
  /** Days "Not now" keeps the bar away. */
  quietDays: number;
  /** The page that carries the web part, when the admin named one. */
  photoPageUrl: string | undefined;
  colors: Partial<ISemanticColors>;
  onResync: () => void;
  onNotNow: () => void;
}

/** Side of each photo in the bar, in CSS pixels: small enough for one line on a phone. */
const PHOTO_SIDE: number = 40;

/** The one bar on a page describes its Not now with this element. */
const NOT_NOW_HINT_ID: string = 'profile-photo-sync-nudge-not-now';

/**
 * The nudge: one line in the page's Top placeholder that says SharePoint shows another photo, with both photos small,
 * Resync (the web part's own, through the same controller), the photo page when there is one, and Not now. Props
 * only: what it says comes from the same describeStatus and describeSurface as the web part.
 */
export function NudgeBar(props: INudgeBarProps): React.ReactElement {
  const { state, strings, locale, quietDays, photoPageUrl, colors, onResync, onNotNow } = props;
  const surface: ISurface = describeSurface(state);
  const microsoft365Url: string | undefined = usePhotoUrl(state.microsoft365Photo?.image);
  const sharePointUrl: string | undefined = usePhotoUrl(state.sharePointImage);
  const isPlaceholder: boolean = state.verdict?.kind === 'placeholder';
  const status: IStatusMessage = describeStatus(state, { canEditPage: false, appFrame: false, showResyncButton: true, showManualSteps: false });
  const words: string[] = state.phase === 'ready'
    ? [isPlaceholder ? strings.NudgePlaceholderMessage : strings.NudgeOutOfSyncMessage]
    : [...(status.title ? [strings[status.title]] : []), ...status.body.map((key) => status.retryAt === undefined ? strings[key] : formatString(strings[key], timeOfDay(status.retryAt, locale)))];
  const notNowHint: string = formatString(strings.NudgeNotNowHint, String(quietDays));
  const classes = mergeStyleSets({
    bar: {
      display: 'flex',
      flexWrap: 'wrap',
      alignItems: 'center',
      gap: '8px 12px',
      padding: '8px 16px',
      boxSizing: 'border-box',
      width: '100%',
      background: colors.warningBackground,
      color: colors.messageText || colors.bodyText,
      borderBottom: `1px solid ${colors.bodyDivider}`,
      fontSize: 14,
      selectors: { '@media (forced-colors: active)': { borderBottom: '1px solid CanvasText' } }
    },
    photos: { display: 'flex', gap: 4, flex: '0 0 auto' },
    photo: { width: PHOTO_SIDE, height: PHOTO_SIDE, borderRadius: '50%', objectFit: 'cover', background: colors.bodyStandoutBackground, display: 'block' },
    text: { flex: '1 1 240px', margin: 0, minWidth: 0 },
    actions: { display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' },
    link: { color: colors.messageLink || colors.link, fontWeight: 600, selectors: { ':focus-visible': { outline: `2px solid ${colors.focusBorder || colors.bodyText}`, outlineOffset: 2 } } },
    notNow: {
      background: 'transparent', border: 0, padding: '6px 4px', font: 'inherit', fontWeight: 600, color: colors.messageLink || colors.link, cursor: 'pointer', textDecoration: 'underline',
      selectors: { ':focus-visible': { outline: `2px solid ${colors.focusBorder || colors.bodyText}`, outlineOffset: 2 } }
    },
    hidden: { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' }
  });
  return (
    <section className={classes.bar} aria-label={strings.NudgeRegionLabel} data-testid="photo-nudge">
      <div className={classes.photos}>
        {microsoft365Url && <img className={classes.photo} src={microsoft365Url} alt={strings.Microsoft365PhotoAlt} title={strings.Microsoft365PhotoAlt} />}
        {sharePointUrl && <img className={classes.photo} src={sharePointUrl} alt={isPlaceholder ? strings.SharePointPlaceholderAlt : strings.SharePointPhotoAlt} title={isPlaceholder ? strings.SharePointPlaceholderAlt : strings.SharePointPhotoAlt} />}
      </div>
      {/* A live region: a screen reader hears the outcome of a resync started from here. */}
      <p className={classes.text} role="status" aria-live="polite" aria-busy={surface.busy}>{words.join(' ')}</p>
      <div className={classes.actions}>
        {surface.offersResync && (
          <ActionButton text={strings.ResyncButton} busyText={strings.ResyncBusyLabel} busy={surface.resyncing} primary={true} onClick={onResync} colors={colors} />
        )}
        {photoPageUrl && <a className={classes.link} href={photoPageUrl}>{strings.NudgeOpenPhotoPage}</a>}
        <span id={NOT_NOW_HINT_ID} className={classes.hidden}>{notNowHint}</span>
        <button type="button" className={classes.notNow} aria-describedby={NOT_NOW_HINT_ID} title={notNowHint} onClick={onNotNow}>
          {strings.NudgeNotNow}
        </button>
      </div>
    </section>
  );
}

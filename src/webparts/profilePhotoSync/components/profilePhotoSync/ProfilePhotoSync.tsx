import * as React from 'react';
import { getTheme, mergeStyleSets } from '@fluentui/react/lib/Styling';
import type { ISemanticColors } from '@fluentui/react/lib/Styling';
import { ISyncState } from '../../../../logic/syncController/ISyncState';
import { API_ACCESS_URL, describeStatus, formatString, IStatusMessage, timeOfDay } from '../../../../logic/statusMessage';
import { describeSurface, ISurface } from '../../../../logic/syncController/surface';
import { IProfilePhotoSyncWebPartProps, PHOTO_SIDE_PX } from '../../IProfilePhotoSyncWebPartProps';
import { IPhotoSyncTheme } from '../IPhotoSyncTheme';
import { usePhotoUrl } from '../usePhotoUrl';
import { PhotoCard } from '../photoCard';
import { StatusMessage } from '../statusMessage';
import { ActionButton } from '../actionButton';
import { ManualSteps } from '../manualSteps';

export type IDisplaySettings = Pick<IProfilePhotoSyncWebPartProps,
  'title' | 'description' | 'showResyncButton' | 'photoSize' | 'showTimestamps' | 'showTroubleshooting'>;

export interface IProfilePhotoSyncProps {
  state: ISyncState;
  settings: IDisplaySettings;
  strings: IProfilePhotoSyncWebPartStrings;
  /** BCP 47 tag of the page's language, for dates. */
  locale: string;
  /** A page editor reads which permission to approve, and where. */
  canEditPage: boolean;
  /**
   * In Teams, Outlook or the Microsoft 365 app the web part is the whole page: there is no page to reload (the words
   * say to open the app again), and it paints its theme's background itself.
   */
  appFrame: boolean;
  theme: IPhotoSyncTheme | undefined;
  onCheck: () => void;
  onResync: () => void;
}

export function ProfilePhotoSync(props: IProfilePhotoSyncProps): React.ReactElement {
  const { state, settings, strings, locale, canEditPage, appFrame, theme, onCheck, onResync } = props;
  const colors: Partial<ISemanticColors> = { ...getTheme().semanticColors, ...(theme && theme.semanticColors) };
  const side: number = PHOTO_SIDE_PX[settings.photoSize] || PHOTO_SIDE_PX.medium;
  const microsoft365Url: string | undefined = usePhotoUrl(state.microsoft365Photo && state.microsoft365Photo.image);
  const servedUrl: string | undefined = usePhotoUrl(state.sharePointImage);
  // While SharePoint's picture cache still serves the previous picture, show the copy SharePoint stored: its
  // PictureUrl on the My Site host displays in an <img> without CORS (only reading its pixels would need CORS).
  const awaitingCache: boolean = (state.resync !== undefined && state.resync.outcome === 'cached') ||
    (state.phase === 'ready' && state.verdict !== undefined && state.verdict.kind === 'awaitingCache');
  const storedUrl: string | undefined = awaitingCache && state.sharePointProfile ? largeThumbnail(state.sharePointProfile.pictureUrl) : undefined;
  const sharePointUrl: string | undefined = storedUrl || servedUrl;

  const statusRef: React.RefObject<HTMLDivElement> = React.useRef<HTMLDivElement>(null);
  const focusInside: React.MutableRefObject<boolean> = React.useRef<boolean>(false);
  // When a step ends and the button that had focus is gone (Resync after success), focus the outcome instead of
  // leaving a keyboard or screen reader user at the top of the page. Never take focus the person did not give us.
  React.useEffect(() => {
    const focusLost: boolean = document.activeElement === null || document.activeElement === document.body;
    if (statusRef.current && focusInside.current && focusLost) {
      statusRef.current.focus();
    }
  }, [state.phase]);

  const status: IStatusMessage = describeStatus(state, {
    canEditPage,
    appFrame,
    showResyncButton: settings.showResyncButton,
    showManualSteps: settings.showTroubleshooting
  });
  const surface: ISurface = describeSurface(state);
  const loading: boolean = surface.checking;
  const resyncBusy: boolean = surface.resyncing;
  const showResync: boolean = settings.showResyncButton && surface.offersResync;
  // A server that asked for a pause is not sent the upload again before the time it gave (the controller refuses too).
  const waitingForServer: boolean = useUntil(surface.retryAt);
  const profile = state.sharePointProfile;
  const title: string = settings.title || strings.DefaultTitle;
  const isPlaceholder: boolean = profile !== undefined && profile.isPlaceholder;

  const classes = mergeStyleSets({
    root: {
      color: colors.bodyText, fontSize: 14, display: 'flex', flexDirection: 'column', gap: 16,
      ...(appFrame ? { background: colors.bodyBackground, minHeight: '100vh', padding: 20, boxSizing: 'border-box' } : {})
    },
    // Whatever a site owner types, it wraps: an unbroken 8,000-character title must not widen the page.
    title: { margin: 0, fontSize: 20, fontWeight: 600, overflowWrap: 'anywhere', wordBreak: 'break-word' },
    description: { margin: '4px 0 0', color: colors.bodySubtext, overflowWrap: 'anywhere', wordBreak: 'break-word', whiteSpace: 'pre-line' },
    photos: { display: 'flex', flexWrap: 'wrap', gap: 24, alignItems: 'flex-start' },
    actions: { display: 'flex', flexWrap: 'wrap', gap: 8 }
  });

  return (
    <section
      className={classes.root}
      aria-label={title}
      onFocus={() => { focusInside.current = true; }}
      onBlur={(event: React.FocusEvent<HTMLElement>) => {
        focusInside.current = event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget);
      }}
    >
      <header>
        <h2 className={classes.title}>{title}</h2>
        {settings.description ? <p className={classes.description}>{settings.description}</p> : undefined}
      </header>
      <div className={classes.photos}>
        <PhotoCard
          label={strings.Microsoft365PhotoLabel}
          imageUrl={microsoft365Url}
          alt={strings.Microsoft365PhotoAlt}
          emptyText={state.verdict && state.verdict.kind === 'noMicrosoft365Photo' ? strings.NoMicrosoft365Photo : strings.PhotoUnavailable}
          loading={loading || (state.phase !== 'notChecked' && state.microsoft365Photo !== undefined && !microsoft365Url)}
          side={side}
          caption={undefined}
          reserveCaption={settings.showTimestamps}
          colors={colors}
        />
        <PhotoCard
          label={strings.SharePointPhotoLabel}
          imageUrl={sharePointUrl}
          alt={isPlaceholder ? strings.SharePointPlaceholderAlt : strings.SharePointPhotoAlt}
          emptyText={strings.PhotoUnavailable}
          loading={loading || (state.sharePointImage !== undefined && !sharePointUrl)}
          side={side}
          caption={settings.showTimestamps && profile ? changeCaption(profile.pictureChangedAt, isPlaceholder, strings, locale) : undefined}
          reserveCaption={settings.showTimestamps}
          colors={colors}
        />
      </div>
      <StatusMessage
        ref={statusRef}
        tone={status.tone}
        title={status.title && strings[status.title]}
        paragraphs={status.body.map((key) => status.retryAt === undefined ? strings[key] : formatString(strings[key], timeOfDay(status.retryAt, locale)))}
        link={status.link === 'apiAccess' ? { href: API_ACCESS_URL, text: strings.ApiAccessLink } : undefined}
        busy={status.busy}
        colors={colors}
      />
      {/* Check first: Resync appears after it when a check finds a difference, and nothing moves. */}
      <div className={classes.actions}>
        <ActionButton
          text={state.phase === 'notChecked' ? strings.CheckButton : strings.CheckAgainButton}
          busy={loading}
          disabled={resyncBusy}
          primary={state.phase === 'notChecked'}
          onClick={onCheck}
          colors={colors}
        />
        {showResync ? (
          <ActionButton text={strings.ResyncButton} busyText={strings.ResyncBusyLabel} busy={resyncBusy} disabled={waitingForServer} primary={true} onClick={onResync} colors={colors} />
        ) : undefined}
      </div>
      {status.showManualSteps ? (
        <ManualSteps
          title={strings.TroubleshootingTitle}
          steps={[strings.TroubleshootingStep1, strings.TroubleshootingStep2, strings.TroubleshootingStep3, strings.TroubleshootingStep4]}
          note={strings.OtherAppsNote}
          colors={colors}
        />
      ) : undefined}
    </section>
  );
}

/** True until the given time (ms since 1970) has come; re-renders when it does. */
function useUntil(at: number | undefined): boolean {
  const [, setTick] = React.useState<number>(0);
  const waiting: boolean = at !== undefined && at > Date.now();
  React.useEffect(() => {
    if (!waiting || at === undefined) {
      return undefined;
    }
    const timer: ReturnType<typeof setTimeout> = setTimeout(() => setTick((tick) => tick + 1), at - Date.now());
    return () => clearTimeout(timer);
  }, [at, waiting]);
  return waiting;
}

/** PictureUrl names the medium thumbnail (72 px); the large one beside it suits a photo shown at up to 176 px. */
function largeThumbnail(pictureUrl: string | undefined): string | undefined {
  return pictureUrl && pictureUrl.replace(/_MThumb\.jpg(?=\?|$)/i, '_LThumb.jpg');
}

/**
 * The clock time to try again at, in the page's regional format (a time needs no plural forms), rounded up to the
 * minute: "after 14:35" must not be earlier than the server asked.
 */
function changeCaption(changedAt: Date | undefined, isPlaceholder: boolean, strings: IProfilePhotoSyncWebPartStrings, locale: string): string | undefined {
  if (isPlaceholder) {
    return undefined;
  }
  if (!changedAt) {
    return strings.NoChangeDate;
  }
  try {
    const formatted: string = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(changedAt);
    return formatString(strings.LastChangedLabel, formatted);
  } catch {
    // A date no formatter takes (Invalid Date, out of range) is no date; never an error that takes the view down.
    return strings.NoChangeDate;
  }
}

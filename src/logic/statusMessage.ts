import { PhotoSyncErrorKind } from './PhotoSyncError';
import { ISyncState } from './syncController/ISyncState';
import { serverRetryAt } from './syncController/surface';
import { canResync } from './verdict';

export type StringKey = keyof IProfilePhotoSyncWebPartStrings;
export type MessageTone = 'info' | 'success' | 'warning' | 'error';

/** What the status area says, as string keys: which strings to show is logic; the words live in loc/. */
export interface IStatusMessage {
  tone: MessageTone;
  title: StringKey | undefined;
  body: StringKey[];
  /** True while a step runs: the area shows a spinner and is announced as busy. */
  busy: boolean;
  /** Show the manual steps from the support articles. */
  showManualSteps: boolean;
  /** When a throttling server said to try again (ms since 1970): the "{0}" of ReasonThrottledUntil. */
  retryAt?: number;
  /** A page editor is told where the permission is approved: a link to the admin center's API access page. */
  link?: 'apiAccess';
}

/** The SharePoint admin center's API access page, as Microsoft's documentation links it. */
export const API_ACCESS_URL: string = 'https://admin.microsoft.com/sharepoint?page=webApiPermissionManagement&modern=true';

export interface IStatusOptions {
  canEditPage: boolean;
  /** In an app frame (Teams, Outlook, the Microsoft 365 app) there is no page to reload or come back to. */
  appFrame: boolean;
  showResyncButton: boolean;
  showManualSteps: boolean;
}

/**
 * In an app frame (Teams, Outlook, the Microsoft 365 app) these messages speak of the app, not of a page or a web
 * part: there is no page to reload or come back to.
 */
const APP_FRAME_WORDS: Partial<Record<StringKey, StringKey>> = {
  ReasonPermissionUser: 'ReasonPermissionUserApp',
  ReasonPermissionEditor: 'ReasonPermissionEditorApp',
  ReasonAccountChanged: 'ReasonAccountChangedApp',
  ReasonBadResponse: 'ReasonBadResponseApp',
  ReasonSignedOut: 'ReasonSignedOutApp',
  VerdictNoPhotoBody: 'VerdictNoPhotoBodyApp'
};

function reasonKeys(reason: PhotoSyncErrorKind, canEditPage: boolean, retryAt?: number): StringKey[] {
  switch (reason) {
    case 'permissionMissing':
      // Everyone reads "ask your administrator"; a page editor also reads what exactly to approve, and where.
      return canEditPage ? ['ReasonPermissionUser', 'ReasonPermissionEditor'] : ['ReasonPermissionUser'];
    case 'throttled': return [retryAt === undefined ? 'ReasonThrottled' : 'ReasonThrottledUntil'];
    case 'network': return ['ReasonNetwork'];
    case 'timeout': return ['ReasonTimeout'];
    case 'accountChanged': return ['ReasonAccountChanged'];
    case 'badResponse': return ['ReasonBadResponse'];
    case 'invalidImage': return ['ReasonInvalidImage'];
    case 'signedOut': return ['ReasonSignedOut'];
    default: return ['ReasonUnexpected'];
  }
}

export function describeStatus(state: ISyncState, options: IStatusOptions): IStatusMessage {
  const message: IStatusMessage = describeForPage(state, options);
  return options.appFrame ? { ...message, body: message.body.map((key) => APP_FRAME_WORDS[key] || key) } : message;
}

function describeForPage(state: ISyncState, options: IStatusOptions): IStatusMessage {
  const quiet: IStatusMessage = { tone: 'info', title: undefined, body: [], busy: false, showManualSteps: false };
  switch (state.phase) {
    case 'notChecked':
      return { ...quiet, body: ['NotCheckedMessage'] };
    case 'checking':
      return { ...quiet, body: ['CheckingMessage'], busy: true };
    case 'syncing':
      return { ...quiet, body: ['ResyncUploading'], busy: true };
    case 'verifying':
      return { ...quiet, body: ['ResyncVerifying'], busy: true };
    case 'done':
      return describeSettledResync(state);
    case 'failed':
      return describeFailedResync(state, options);
    default:
      return describeVerdict(state, options);
  }
}

/** A resync after which no second upload is offered. */
function describeSettledResync(state: ISyncState): IStatusMessage {
  const quiet: IStatusMessage = { tone: 'success', title: undefined, body: [], busy: false, showManualSteps: false };
  const resync = state.resync;
  switch (resync && resync.outcome) {
    case 'cached':
      return { ...quiet, title: 'ResyncCachedTitle', body: ['ResyncCachedBody', 'OtherAppsNote'] };
    case 'unconfirmed': {
      // Said when the server asked for a pause: the same "try again after" as any throttled request.
      const retryAt: number | undefined = serverRetryAt(state);
      const body: StringKey[] = retryAt === undefined ? ['ResyncUnconfirmedBody'] : ['ResyncUnconfirmedBody', 'ReasonThrottledUntil'];
      return withRetryAt({ ...quiet, tone: 'warning', title: 'ResyncUnconfirmedTitle', body }, retryAt);
    }
    case 'unknown':
      return { ...quiet, tone: 'warning', title: 'ResyncUnknownTitle', body: ['ResyncUnknownBody'] };
    default:
      return { ...quiet, title: 'ResyncDoneTitle', body: ['ResyncDoneBody', 'OtherAppsNote'] };
  }
}

function describeFailedResync(state: ISyncState, options: IStatusOptions): IStatusMessage {
  const resync = state.resync;
  const manual: boolean = options.showManualSteps;
  // Point to the steps only when the site owner lets them show.
  const pointer: StringKey[] = manual ? ['ManualStepsPointer'] : [];
  if (resync && resync.outcome === 'refused') {
    return { tone: 'error', title: 'ResyncRefusedTitle', body: ['ResyncRefusedBody', ...pointer], busy: false, showManualSteps: manual };
  }
  if (resync && resync.outcome === 'notTakenYet') {
    return { tone: 'warning', title: 'ResyncNotTakenTitle', body: ['ResyncNotTakenBody', ...pointer], busy: false, showManualSteps: manual };
  }
  const reason: PhotoSyncErrorKind = resync && resync.outcome === 'failed' ? resync.reason : 'unexpected';
  const retryAt: number | undefined = serverRetryAt(state);
  return withLink(withRetryAt({ tone: 'error', title: 'ResyncFailedTitle', body: reasonKeys(reason, options.canEditPage, retryAt), busy: false, showManualSteps: false }, retryAt));
}

function describeVerdict(state: ISyncState, options: IStatusOptions): IStatusMessage {
  const verdict = state.verdict;
  // Without the Resync button the manual steps are the only remedy the web part can offer.
  const manual: boolean = options.showManualSteps && !options.showResyncButton && canResync(verdict);
  const syncOff: StringKey[] = canResync(verdict) && state.sharePointProfile?.pullsFromMicrosoft365 === false ? ['SyncTurnedOffNote'] : [];
  if (!verdict) {
    return { tone: 'info', title: undefined, body: [], busy: false, showManualSteps: false };
  }
  switch (verdict.kind) {
    case 'inSync':
      return { tone: 'success', title: 'VerdictInSyncTitle', body: ['VerdictInSyncBody'], busy: false, showManualSteps: false };
    case 'outOfSync':
      return { tone: 'warning', title: 'VerdictOutOfSyncTitle', body: ['VerdictOutOfSyncBody', ...syncOff], busy: false, showManualSteps: manual };
    case 'placeholder':
      return { tone: 'warning', title: 'VerdictPlaceholderTitle', body: ['VerdictPlaceholderBody', ...syncOff], busy: false, showManualSteps: manual };
    case 'noMicrosoft365Photo':
      return { tone: 'info', title: 'VerdictNoPhotoTitle', body: ['VerdictNoPhotoBody'], busy: false, showManualSteps: false };
    case 'awaitingCache':
      return { tone: 'success', title: 'ResyncCachedTitle', body: ['ResyncCachedBody'], busy: false, showManualSteps: false };
    default:
      return withLink(withRetryAt({
        tone: 'error', title: 'VerdictCantCheckTitle', body: reasonKeys(verdict.reason, options.canEditPage, serverRetryAt(state)), busy: false, showManualSteps: false
      }, serverRetryAt(state)));
  }
}

function withRetryAt(message: IStatusMessage, retryAt: number | undefined): IStatusMessage {
  return retryAt === undefined ? message : { ...message, retryAt };
}

/** Where the editor's permission message is shown, the link to the page it names goes with it. */
function withLink(message: IStatusMessage): IStatusMessage {
  return message.body.indexOf('ReasonPermissionEditor') >= 0 ? { ...message, link: 'apiAccess' } : message;
}

/** "{0}"-style placeholders, as in the SPFx loc files. */
export function formatString(template: string, ...values: string[]): string {
  return template.replace(/\{(\d+)\}/g, (match: string, index: string) => {
    const value: string | undefined = values[Number(index)];
    return value === undefined ? match : value;
  });
}

/** A time later today (or tomorrow) in the page's regional format, rounded up to the minute: the "{0}" of ReasonThrottledUntil. */
export function timeOfDay(at: number, locale: string): string {
  const minute: number = 60 * 1000;
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(new Date(Math.ceil(at / minute) * minute));
}

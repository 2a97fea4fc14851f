import { BaseApplicationCustomizer } from '@microsoft/sp-application-base';
import { IPerson, personKey } from '../../logic/identity';
import { nudgeStep } from '../../logic/nudge/nudgePolicy';
import { DAY_MS, INudgeSettings, normalizeNudgeSettings } from '../../logic/nudge/nudgeSettings';
import { BrowserNudgeQuiet, BrowserRecentCheckStore } from '../../services/recentCheckStore/BrowserRecentCheckStore';
import { WEB_PART_MARKER } from '../../logic/nudge/webPartMarker';
import type { INudge } from './nudgeCheck';

/** What an admin types in the Tenant Wide Extensions list; read through normalizeNudgeSettings, whatever it holds. */
export type IPhotoNudgeProperties = Record<string, unknown>;

/** Longest wait for the browser to be idle before the nudge looks anyway, in milliseconds. */
const IDLE_TIMEOUT_MS: number = 5000;

/**
 * The nudge: on every page of the tenant, it tells a person once per quiet period, in the Top placeholder, that
 * SharePoint shows an older photo of them or a placeholder, and offers the web part's Resync. This part loads on every
 * page, so it does almost nothing: onInit returns at once; once the page is idle it reads one small local record, and
 * inside the quiet period that is all (no request). Only a check that is due loads the rest (nudgeCheck).
 */
export default class PhotoNudgeApplicationCustomizer extends BaseApplicationCustomizer<IPhotoNudgeProperties> {
  private _settings: INudgeSettings = normalizeNudgeSettings(undefined);
  /** A look is scheduled or done for this page; true for good once a check ran or was not due. */
  private _looked: boolean = false;
  private _scheduled: boolean = false;
  private _nudge: INudge | undefined;
  private _disposed: boolean = false;

  public onInit(): Promise<void> {
    this._settings = normalizeNudgeSettings(this.properties);
    if (this._settings.enabled) {
      // SharePoint keeps the customizer across in-page navigation: a page that deferred the look gets another.
      this.context.application.navigatedEvent.add(this, this._onNavigated);
      this._scheduleLook();
    }
    return Promise.resolve();
  }

  public onDispose(): void {
    this._disposed = true;
    this._nudge?.dispose();
    this._nudge = undefined;
  }

  protected onPlaceholdersChanged(): void {
    this._nudge?.placeholdersChanged();
  }

  private _onNavigated(): void {
    if (!this._looked) {
      this._scheduleLook();
    }
  }

  private _scheduleLook(): void {
    if (this._scheduled || this._disposed) {
      return;
    }
    this._scheduled = true;
    whenIdle(() => {
      this._scheduled = false;
      this._look();
    });
  }

  /** The part on every page view: a few reads of local storage, well under a millisecond. */
  private _look(): void {
    if (this._disposed || this._looked) {
      return;
    }
    // A page that carries the web part has its surface already; the nudge looks again on the next page.
    if (document.querySelector(`[${WEB_PART_MARKER}]`)) {
      return;
    }
    this._looked = true;
    const pageContext = this.context.pageContext;
    const person: IPerson = { loginName: pageContext.user.loginName, objectId: pageContext.aadInfo?.userId?.toString() };
    const key: string = personKey(person);
    const storage = (): Storage => window.localStorage;
    const recentChecks: BrowserRecentCheckStore = new BrowserRecentCheckStore(storage);
    const quiet: BrowserNudgeQuiet = new BrowserNudgeQuiet(storage);
    const quietForMs: number = this._settings.quietDays * DAY_MS;
    if (!key || nudgeStep(key, recentChecks.recall(), quiet.recall(key), Date.now(), quietForMs) === 'quiet') {
      return;
    }
    import(/* webpackChunkName: 'photo-nudge-check' */ './nudgeCheck')
      .then((check) => check.checkAndNudge({ context: this.context, settings: this._settings, person, recentChecks, quiet, observer: this }))
      .then((nudge: INudge | undefined) => {
        if (this._disposed) {
          nudge?.dispose();
        } else {
          this._nudge = nudge;
        }
      })
      .catch(() => {
        // The nudge never stands in the page's way: whatever failed, the page goes on without it.
      });
  }
}

/** Runs once the browser is idle (after the page has rendered), or after IDLE_TIMEOUT_MS at the latest. */
function whenIdle(run: () => void): void {
  const idle = (window as { requestIdleCallback?: (callback: () => void, options: { timeout: number }) => number }).requestIdleCallback;
  if (idle) {
    idle.call(window, run, { timeout: IDLE_TIMEOUT_MS });
  } else {
    setTimeout(run, 1);
  }
}

import { FetchFunction } from '../transport/FetchTransport';

/** Asks the host for a new SharePoint session; true when SharePoint set one. */
export type RenewSession = () => Promise<boolean>;

/** SharePoint requests, and how many times the session under them was renewed so far. */
export interface ISharePointSession {
  fetch: FetchFunction;
  /**
   * Successful renewals so far. A write is only as safe as the identity check before it: an answer read under one
   * session does not vouch for a write sent under the next (see SharePointProfileService.prepareUpload).
   */
  renewals: () => number;
}

/** Reads may be sent again after a renewal; a write may not: its identity check has to pass again first. */
const SAFE_METHODS: ReadonlyArray<string> = ['GET', 'HEAD'];
/** contextinfo writes nothing: it hands out a request digest. */
const CONTEXT_INFO: RegExp = /\/_api\/contextinfo(?:$|\?)/i;
/** Longest wait for the host's token and SharePoint's sign-in together; teams-js itself never gives up. */
export const RENEWAL_TIMEOUT_MS: number = 10000;

/** The page's own requests, on a SharePoint page, where SPFx has no session to renew for the web part. */
export function pageSession(send: FetchFunction): ISharePointSession {
  return { fetch: send, renewals: () => 0 };
}

/**
 * SharePoint requests that renew an expired session the way SPFx does in Teams (docs/dev/platform-facts.md#teams):
 * a 401 asks for one renewal, shared by every request refused meanwhile (and none when a renewal already finished
 * after the request was sent), then a read is sent once more. A write is not sent again: its 401 goes back to the
 * caller, who sees the renewal count change and checks identity again before writing. A renewal that failed, or took
 * longer than RENEWAL_TIMEOUT_MS, is not tried again: the person then reads that the sign-in expired.
 */
export function renewingSession(send: FetchFunction, renew: RenewSession, timeoutMs: number = RENEWAL_TIMEOUT_MS): ISharePointSession {
  let renewal: Promise<boolean> | undefined;
  let failed: boolean = false;
  let renewals: number = 0;

  const renewOnce = (): Promise<boolean> => {
    if (failed) {
      return Promise.resolve(false);
    }
    if (!renewal) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timedOut: Promise<boolean> = new Promise((resolve) => { timer = setTimeout(() => resolve(false), timeoutMs); });
      renewal = Promise.race([renew().catch(() => false), timedOut]).then((renewed: boolean) => {
        clearTimeout(timer);
        failed = !renewed;
        renewals += renewed ? 1 : 0;
        renewal = undefined;
        return renewed;
      });
    }
    return renewal;
  };

  const fetch: FetchFunction = async (url: string, init: RequestInit): Promise<Response> => {
    const sentUnder: number = renewals;
    const response: Response = await send(url, init);
    if (response.status !== 401 || (init.signal && init.signal.aborted)) {
      return response;
    }
    // Refused under a session that has since been renewed: the new one may take it.
    const renewed: boolean = renewals !== sentUnder || await renewOnce();
    const method: string = (init.method || 'GET').toUpperCase();
    const repeatable: boolean = SAFE_METHODS.indexOf(method) >= 0 || CONTEXT_INFO.test(url);
    return renewed && repeatable && !(init.signal && init.signal.aborted) ? send(url, init) : response;
  };

  return { fetch, renewals: () => renewals };
}

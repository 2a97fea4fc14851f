import { FetchFunction } from '../transport/FetchTransport';

/** Asks the host for a new SharePoint session; true when SharePoint set one. */
export type RenewSession = () => Promise<boolean>;

/** Reads may be sent again after a renewal; a write may not: its identity check has to pass again first. */
const SAFE_METHODS: ReadonlyArray<string> = ['GET', 'HEAD'];
/** contextinfo writes nothing: it hands out a request digest. */
const CONTEXT_INFO: RegExp = /\/_api\/contextinfo(?:$|\?)/i;

/**
 * SharePoint requests that renew an expired session the way SPFx does in Teams (docs/dev/platform-facts.md#teams):
 * a 401 asks for one renewal, shared by every request refused meanwhile, then a read is sent once more. A write is
 * not sent again: its 401 goes back to the caller, whose next attempt starts with the identity check. A renewal that
 * failed is not tried again, and a request refused again right after a renewal gets its 401: the person then reads
 * that the sign-in expired.
 */
export function renewingFetch(send: FetchFunction, renew: RenewSession): FetchFunction {
  let renewal: Promise<boolean> | undefined;
  let failed: boolean = false;

  const renewOnce = (): Promise<boolean> => {
    if (failed) {
      return Promise.resolve(false);
    }
    if (!renewal) {
      renewal = renew().catch(() => false).then((renewed: boolean) => {
        failed = !renewed;
        renewal = undefined;
        return renewed;
      });
    }
    return renewal;
  };

  return async (url: string, init: RequestInit): Promise<Response> => {
    const response: Response = await send(url, init);
    if (response.status !== 401) {
      return response;
    }
    const renewed: boolean = await renewOnce();
    const method: string = (init.method || 'GET').toUpperCase();
    const repeatable: boolean = SAFE_METHODS.indexOf(method) >= 0 || CONTEXT_INFO.test(url);
    return renewed && repeatable && !(init.signal && init.signal.aborted) ? send(url, init) : response;
  };
}

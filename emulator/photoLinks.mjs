/**
 * SharePoint Online answers userphoto.aspx with a 302 to its front door's cache,
 * `/_vti_bin/afdcache.ashx/_userprofile/userphoto.jpg?_oat_=<expiry>_<signature>&P1=…&P2=…&P3=1&P4=…&size=L&accountName=…`
 * (docs/dev/platform-facts.md#the-afdcache-redirect). As in captured links: one signed base for the whole tenant,
 * valid for hours, with the size and the account appended unsigned, and no picture version anywhere. So the URL of a
 * person's photo does not change when the photo does, and anything that caches by URL can show the previous one.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** How long one signed base works, in seconds: captured links were good for 7.8 to 14.6 hours. */
export const PHOTO_LINK_LIFETIME_SECONDS = 10 * 60 * 60;

/** A new base is handed out once the current one has less than this left, so that no link dies in use. */
const RENEW_BEFORE_SECONDS = 2 * 60 * 60;

export const AFD_CACHE_PATH = '/_vti_bin/afdcache.ashx/_userprofile/userphoto.jpg';

export class PhotoLinkSigner {
  #secret = randomBytes(32);
  /** @type {{ expiresAt: number, query: string } | undefined} expiresAt in seconds since 1970 */
  #base;

  /**
   * @param {string} accountName as the caller gave it (UPN or claims name); resolved when the link is opened
   * @param {'S'|'M'|'L'} size
   * @param {number} [now] ms since 1970
   * @returns {string} the path and query of the link
   */
  link(accountName, size, now = Date.now()) {
    const seconds = Math.floor(now / 1000);
    if (!this.#base || this.#base.expiresAt - seconds < RENEW_BEFORE_SECONDS) {
      const expiresAt = seconds + PHOTO_LINK_LIFETIME_SECONDS;
      const signature = this.#sign(String(expiresAt));
      const query = new URLSearchParams({
        _oat_: `${expiresAt}_${signature}`,
        P1: String(expiresAt),
        P2: randomBytes(4).readUInt32BE(0).toString(),
        P3: '1',
        P4: this.#sign(`P4${expiresAt}`).slice(0, 43),
      });
      this.#base = { expiresAt, query: query.toString() };
    }
    return `${AFD_CACHE_PATH}?${this.#base.query}&${new URLSearchParams({ size, accountName }).toString()}`;
  }

  /**
   * @param {Record<string, unknown>} query the link's query
   * @param {number} [now] ms since 1970
   * @returns {{ accountName: string, size: 'S'|'M'|'L' } | undefined} undefined when the base is forged or expired
   */
  open(query, now = Date.now()) {
    const match = /^(\d+)_([0-9a-f]{64})$/.exec(String(query._oat_ ?? ''));
    if (!match) return undefined;
    const [, expiry, signature] = match;
    const expected = Buffer.from(this.#sign(expiry));
    const actual = Buffer.from(signature);
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return undefined;
    if (Number(expiry) <= now / 1000) return undefined;
    const size = /^[SML]$/i.test(String(query.size)) ? /** @type {'S'|'M'|'L'} */ (String(query.size).toUpperCase()) : 'S';
    return { accountName: String(query.accountName ?? query.accountname ?? ''), size };
  }

  /** @param {string} text @returns {string} */
  #sign(text) {
    return createHmac('sha256', this.#secret).update(text).digest('hex');
  }
}

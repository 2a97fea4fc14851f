/**
 * SharePoint Online answers userphoto.aspx with a 302 to a signed, time-limited afdcache URL
 * (`/_vti_bin/afdcache.ashx/_userprofile/userphoto.jpg?_oat_=...`), which answers 403 once the token is stale
 * (docs/dev/platform-facts.md#the-afdcache-redirect). The emulator signs the subject and size with an HMAC and an expiry, so links need no storage.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** How long a signed photo link works, in seconds. The real lifetime is not documented; minutes is what is seen. */
export const PHOTO_LINK_LIFETIME_SECONDS = 300;

export const AFD_CACHE_PATH = '/_vti_bin/afdcache.ashx/_userprofile/userphoto.jpg';

export class PhotoLinkSigner {
  #secret = randomBytes(32);

  /**
   * @param {string | undefined} subjectId the seeded user whose photo it is; undefined for the placeholder
   * @param {'S'|'M'|'L'} size
   * @param {string | number | undefined} version the picture timestamp: a new photo must get a new URL, because the
   *   image is cached for a day under the URL it was served from
   * @returns {string} the path and query of the signed link
   */
  link(subjectId, size, version) {
    const claims = { s: subjectId ?? '', z: size, v: version ?? '', e: Math.floor(Date.now() / 1000) + PHOTO_LINK_LIFETIME_SECONDS };
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${AFD_CACHE_PATH}?_oat_=${payload}.${this.#sign(payload)}`;
  }

  /**
   * @param {unknown} token the _oat_ query value
   * @returns {{ subjectId: string | undefined, size: 'S'|'M'|'L' } | undefined} undefined when forged or expired
   */
  open(token) {
    const [payload, signature] = String(token ?? '').split('.');
    if (!payload || !signature) return undefined;
    const expected = Buffer.from(this.#sign(payload));
    const actual = Buffer.from(signature);
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return undefined;
    const { s, z, e } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return e > Date.now() / 1000 ? { subjectId: s || undefined, size: z } : undefined;
  }

  /** @param {string} text @returns {string} */
  #sign(text) {
    return createHmac('sha256', this.#secret).update(text).digest('base64url');
  }
}

/**
 * The emulator's in-memory world: users with their SharePoint and Microsoft 365 photos, request digests, faults,
 * latency and scenario options. `reset()` restores the seed without re-rendering any image.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { FaultList } from './faults.mjs';
import { imageSize } from './images.mjs';
import { toSharePointSeconds } from './timestamps.mjs';
import { TokenIssuer } from './tokens.mjs';

/**
 * @typedef {import('./images.mjs').Thumbnails} Thumbnails
 * @typedef {import('./images.mjs').ThumbnailSizes} ThumbnailSizes
 */

/**
 * What SharePoint keeps of a profile picture: the three thumbnails it generated from the image it received.
 * @typedef {object} SharePointPicture
 * @property {number} width of the image SharePoint received
 * @property {number} height
 * @property {Thumbnails} thumbnails
 */

/**
 * @typedef {object} SharePointPhotoState
 * @property {number | undefined} timestamp SPS-PictureTimestamp, seconds since 0001-01-01 UTC; undefined = never set
 * @property {number} placeholderState SPS-PicturePlaceholderState: 0 = a real picture, 1 = placeholder
 * @property {number} exchangeSyncState SPS-PictureExchangeSyncState: 1 = SharePoint pulls from Microsoft 365
 * @property {SharePointPicture | undefined} picture what the thumbnails and userphoto.aspx serve now
 * @property {{ picture: SharePointPicture, visibleAt: number } | undefined} pending an accepted upload SharePoint
 *   does not serve yet (`stale` scenario); visibleAt in ms since 1970
 */

/**
 * The Microsoft 365 photo as Graph holds it.
 * @typedef {object} GraphPhoto
 * @property {Buffer} bytes the original JPEG, served by `/me/photo/$value`
 * @property {number} width
 * @property {number} height
 * @property {string} etag quoted, as in `@odata.mediaEtag`
 * @property {Map<number, Promise<Buffer>>} squares resized copies by side in pixels, made on first request
 * @property {boolean} storedInEntra stored in Entra ID only: metadata id `default`, and the sized paths answer 404
 */

/**
 * @typedef {object} UserIdentity
 * @property {string} id also the scenario name
 * @property {string} upn
 * @property {string} displayName
 * @property {string} objectId Entra object id (msOnline-ObjectId)
 * @property {string} jobTitle
 * @property {string} department
 * @property {string} office
 * @property {SharePointPicture} [servedByPhotoService] set when SharePoint's new photo service already serves the
 *   Microsoft 365 photo through userphoto.aspx, whatever the profile properties and the My Site files still say
 *   (MC653734: docs/dev/platform-facts.md#mc653734-and-the-new-image-service)
 * @property {boolean} [uploadsDisabled] local uploads to the My Site host are turned off (MC653734):
 *   SetMyProfilePicture answers as `options.uploadsDisabledAnswer` says
 * @property {boolean} consentMissing the token service refuses User.Read with AADSTS65001
 * @property {number} graphThrottledRequests how many of the first Graph requests after a reset answer 429
 * @property {boolean} uploadsRefused SetMyProfilePicture answers 403 Access denied
 * @property {boolean} pictureCacheLags userphoto.aspx serves the previous picture for `options.staleForMs` after an upload
 */

/**
 * @typedef {UserIdentity & { graphPhoto: GraphPhoto | undefined, sharePoint: Omit<SharePointPhotoState, 'pending'> }} SeedUser
 */

/**
 * @typedef {object} Seed
 * @property {SeedUser[]} users
 * @property {Thumbnails} placeholder the grey silhouette userphoto.aspx serves when there is no picture
 * @property {ThumbnailSizes} thumbnailSizes
 */

/**
 * @typedef {UserIdentity & {
 *   graphPhoto: GraphPhoto | undefined,
 *   sharePoint: SharePointPhotoState,
 *   uploads: number,
 *   refusedUploads: number,
 *   ignoredUploads: number,
 *   lastUpload?: { bytes: number, contentType: string | null, width: number, height: number },
 *   graphRequests: number,
 *   editedProperties: Map<string, string>,
 * }} UserState
 * `uploads` counts accepted SetMyProfilePicture calls, `refusedUploads` the ones the tenant refused,
 * `ignoredUploads` the ones it answered 200 and dropped (uploads disabled), `lastUpload`
 * says what the last accepted one carried,
 * `graphRequests` the authenticated Graph requests (the `throttled` scenario throttles the first ones).
 */

/**
 * @typedef {object} ScenarioOptions
 * @property {number} staleForMs how long the `stale` scenario keeps serving the old picture after an upload
 * @property {200 | 204} uploadSuccessStatus SetMyProfilePicture's success status, unverified on the real service
 * @property {NoPhotoAnswer} noPhotoAnswer how Graph says a person has no photo
 * @property {200 | 400 | 403} uploadsDisabledAnswer how SetMyProfilePicture answers a user whose local uploads are
 *   off: 200 and nothing changes, 400 ArgumentException or 403 Access denied (which one is unverified)
 * @property {string} throttleRetryAfter the Retry-After the 429s of a user with graphThrottledRequests carry: seconds, fractional ones
 *   (`2.128`) and long ones (`120`) included, as Graph sends them (docs/dev/platform-facts.md#throttling)
 */

/**
 * The faces Graph's "no photo" has had (docs/dev/platform-facts.md#no-photo): 404 with `ImageNotFound` (today),
 * `ErrorItemNotFound` (older) or `ErrorEntityNotFound` (2024), or the documented 200 with a 1×1 GIF.
 * @typedef {'ImageNotFound' | 'ErrorItemNotFound' | 'ErrorEntityNotFound' | 'oneByOneGif'} NoPhotoAnswer
 */
export const NO_PHOTO_ANSWERS = Object.freeze(['ImageNotFound', 'ErrorItemNotFound', 'ErrorEntityNotFound', 'oneByOneGif']);

/** Seconds a request digest stays valid (`FormDigestTimeoutSeconds`, docs/dev/platform-facts.md#contextinfo-and-the-request-digest). */
export const DIGEST_LIFETIME_SECONDS = 1800;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * SharePoint names the thumbnails after the UPN with `@` and `.` turned into `_` (docs/dev/platform-facts.md#where-the-photos-live).
 * @param {string} upn
 * @returns {string}
 */
export function pictureFileName(upn) {
  return upn.replace(/[@.]/g, '_');
}

/**
 * @param {Buffer} jpeg
 * @param {{ storedInEntra?: boolean }} [options]
 * @returns {Promise<GraphPhoto>}
 */
export async function createGraphPhoto(jpeg, { storedInEntra = false } = {}) {
  const { width, height } = await imageSize(jpeg);
  // Graph's etags look like "BA09D118": 8 hex digits, quotes included.
  const etag = `"${createHash('sha1').update(jpeg).digest('hex').slice(0, 8).toUpperCase()}"`;
  return { bytes: jpeg, width, height, etag, squares: new Map(), storedInEntra };
}

export class EmulatorState {
  /** @type {Map<string, UserState>} */
  users = new Map();
  faults = new FaultList();
  tokens = new TokenIssuer();
  /** Added to every request on every origin, in ms. */
  latencyMs = 0;
  /** CORS preflights Graph answered since the last reset (browsers do not show them to page scripts or Playwright). */
  graphPreflights = 0;
  /** @type {Set<string>} users whose SharePoint session cookie has expired, until a sign-in renews it */
  expiredSessions = new Set();
  /** @type {ScenarioOptions} */
  options;
  /** @type {Map<string, { userId: string, expiresAt: number }>} digest value → owner and expiry (ms since 1970) */
  #digests = new Map();
  #seed;
  #defaultOptions;

  /**
   * @param {Seed} seed
   * @param {ScenarioOptions} options
   */
  constructor(seed, options) {
    this.#seed = seed;
    this.#defaultOptions = Object.freeze({ ...options });
    this.options = { ...options };
    this.reset();
  }

  get placeholder() {
    return this.#seed.placeholder;
  }

  get thumbnailSizes() {
    return this.#seed.thumbnailSizes;
  }

  /** Restores photos, timestamps, counters, faults, latency and options. Digests and tokens stay valid. */
  reset() {
    this.users = new Map(
      this.#seed.users.map((u) => [
        u.id,
        { ...u, sharePoint: { ...u.sharePoint, pending: undefined }, uploads: 0, refusedUploads: 0, ignoredUploads: 0, lastUpload: undefined, graphRequests: 0, editedProperties: new Map() },
      ]),
    );
    this.faults.clear();
    this.latencyMs = 0;
    this.graphPreflights = 0;
    this.expiredSessions.clear();
    this.options = { ...this.#defaultOptions };
  }

  /**
   * A new user shaped like a seeded one (its photos, profile and scenario flags), under its own id, UPN and object id,
   * until the next reset: tests that run side by side each get a person of their own.
   * @param {string} id
   * @param {string} like the seeded user to copy
   * @returns {UserState}
   */
  addUserLike(id, like) {
    const model = this.#seed.users.find((u) => u.id === like);
    if (!model) throw new RangeError(`No seeded user '${like}'.`);
    if (this.users.has(id)) throw new RangeError(`User '${id}' exists.`);
    /** @type {UserState} */
    const user = {
      ...model, id, upn: `${id}@${model.upn.split('@')[1]}`, objectId: randomUUID(),
      sharePoint: { ...model.sharePoint, pending: undefined }, uploads: 0, refusedUploads: 0, ignoredUploads: 0, lastUpload: undefined,
      graphRequests: 0, editedProperties: new Map(),
    };
    this.users.set(id, user);
    return user;
  }

  /**
   * @param {string | undefined} accountName a UPN or a claims name (`i:0#.f|membership|upn`), any case
   * @returns {UserState | undefined}
   */
  findUserByAccount(accountName) {
    const upn = accountName?.split('|').pop()?.toLowerCase();
    return [...this.users.values()].find((u) => u.upn === upn);
  }

  /**
   * @param {string} name the `<name>` of `<name>_MThumb.jpg`, any case
   * @returns {UserState | undefined}
   */
  findUserByPictureName(name) {
    return [...this.users.values()].find((u) => pictureFileName(u.upn) === name.toLowerCase());
  }

  /**
   * The picture SharePoint stored: its thumbnails in the My Site host's library, updated as soon as an upload is taken.
   * @param {UserState} user
   * @returns {SharePointPicture | undefined}
   */
  storedSharePointPicture(user) {
    return user.sharePoint.pending?.picture ?? user.sharePoint.picture;
  }

  /**
   * What SharePoint's front-door cache serves through userphoto.aspx: in the `stale` scenario the previous picture,
   * for `options.staleForMs` after an upload.
   * @param {UserState} user
   * @param {number} [now] ms since 1970
   * @returns {SharePointPicture | undefined}
   */
  visibleSharePointPicture(user, now = Date.now()) {
    const sp = user.sharePoint;
    if (sp.pending && sp.pending.visibleAt <= now) {
      sp.picture = sp.pending.picture;
      sp.pending = undefined;
    }
    return sp.picture;
  }

  /**
   * Records an accepted SetMyProfilePicture. The timestamp becomes "now", kept strictly increasing so that two
   * uploads within one second still give PictureUrl a new `?t=`. In the `stale` scenario the front-door cache behind
   * userphoto.aspx keeps serving the old picture for `options.staleForMs` while the My Site files are already new
   * (field reports of the new image showing a day later: docs/dev/platform-facts.md#the-afdcache-redirect).
   * @param {UserState} user
   * @param {SharePointPicture} picture
   * @param {number} [now] ms since 1970
   * @param {{ bytes: number, contentType: string | null }} [request] what the upload carried, for tests to check
   */
  acceptUpload(user, picture, now = Date.now(), request = { bytes: 0, contentType: null }) {
    const sp = user.sharePoint;
    user.lastUpload = { ...request, width: picture.width, height: picture.height };
    sp.timestamp = Math.max(toSharePointSeconds(new Date(now)), (sp.timestamp ?? 0) + 1);
    sp.placeholderState = 0;
    user.uploads += 1;
    if (user.pictureCacheLags) {
      sp.pending = { picture, visibleAt: now + this.options.staleForMs };
    } else {
      sp.picture = picture;
      sp.pending = undefined;
    }
  }

  /**
   * @param {UserState} user
   * @param {number} [now] ms since 1970
   * @returns {string} a FormDigestValue: `0x<hex>,<date> -0000` like SharePoint's
   */
  issueDigest(user, now = Date.now()) {
    // Expired digests are remembered for a day, so that SharePoint can still call them timed out rather than invalid.
    for (const [value, digest] of this.#digests) if (digest.expiresAt <= now - DAY_MS) this.#digests.delete(value);
    const value = `0x${randomBytes(64).toString('hex').toUpperCase()},${digestDate(new Date(now))}`;
    this.#digests.set(value, { userId: user.id, expiresAt: now + DIGEST_LIFETIME_SECONDS * 1000 });
    return value;
  }

  /**
   * A digest is only good for the user it was issued to, and only until it expires. SharePoint tells the two failures
   * apart: a digest it issued that has expired has timed out (-2130575252); anything else, a missing, unknown or
   * another user's digest, is invalid (-2130575251) (docs/dev/platform-facts.md#contextinfo-and-the-request-digest).
   * @param {string | undefined} value
   * @param {UserState} user
   * @param {number} [now] ms since 1970
   * @returns {'valid' | 'timedOut' | 'invalid'}
   */
  digestStatus(value, user, now = Date.now()) {
    const digest = value === undefined ? undefined : this.#digests.get(value);
    if (digest === undefined || digest.userId !== user.id) return 'invalid';
    return digest.expiresAt > now ? 'valid' : 'timedOut';
  }

  /** Makes every digest issued so far time out, as if 30 minutes had passed. */
  expireDigests(now = Date.now()) {
    for (const digest of this.#digests.values()) digest.expiresAt = Math.min(digest.expiresAt, now);
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** @param {Date} d @returns {string} e.g. `22 Nov 2026 10:00:00 -0000` */
function digestDate(d) {
  const two = (/** @type {number} */ n) => String(n).padStart(2, '0');
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  return `${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${time} -0000`;
}

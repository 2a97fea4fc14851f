/**
 * The SharePoint site origin: the REST endpoints the web part uses (`/_api`, paths case-insensitive as on the real
 * service, where pnpjs sends them in lower case) and `/_layouts/15/userphoto.aspx` (docs/dev/platform-facts.md#3-sharepoint-rest).
 */
import express from 'express';
import { makeThumbnails, readUpload, UnreadableImageError } from './images.mjs';
import { odataFormat, resourceNotFound, sendOData, sendSharePointError, SP_ERRORS } from './odata.mjs';
import { myPropertiesBody, PERSON_PROPERTY_NAMES } from './profile.mjs';
import { cookieUser, setSessionCookie, signedInUser } from './session.mjs';
import { DIGEST_LIFETIME_SECONDS } from './state.mjs';
import { AFD_CACHE_PATH, PhotoLinkSigner } from './photoLinks.mjs';

/** SetMyProfilePicture's limit: "4.76 MB", 5,000,000 bytes in the CSOM docs (docs/dev/platform-facts.md#setmyprofilepicture). */
const MAX_PICTURE_BYTES = 5_000_000;

const LIBRARY_VERSION = '16.0.26712.12004';
const API = /^\/_api(?:\/|$)/i;
const CONTEXT_INFO = /^\/_api\/contextinfo$/i;
/** Where SPFx in Teams trades a Teams single sign-on token for a new session cookie (docs/dev/platform-facts.md#teams). */
const NATIVE_CLIENT_AUTHENTICATE = /^\/_api\/sp\.oauth\.nativeclient\/authenticate$/i;
const PEOPLE_MANAGER = '^\\/_api\\/sp\\.userprofiles\\.peoplemanager\\/';
/** @param {string} method @returns {RegExp} a People Manager method, with or without the `()` some clients add */
const peopleManager = (method) => new RegExp(`${PEOPLE_MANAGER}${method}(?:\\(\\))?$`, 'i');

/**
 * @param {import('./state.mjs').EmulatorState} state
 * @param {{ siteUrl: string, mySiteHostUrl: string }} urls
 * @returns {import('express').Router}
 */
export function sharePointRoutes(state, urls) {
  const router = express.Router();
  const photoLinks = new PhotoLinkSigner();

  // Before the session check: this is how a person without a valid session cookie gets one.
  router.post(NATIVE_CLIENT_AUTHENTICATE, (req, res) => {
    const token = /^Bearer\s+(\S+)/i.exec(req.get('authorization') ?? '')?.[1];
    const claims = token === undefined ? undefined : state.tokens.verify(token);
    const user = claims && state.users.get(claims.sub);
    if (!claims || !user || claims.aud.replace(/\/$/, '') !== new URL(urls.siteUrl).origin) {
      return sendSharePointError(req, res, SP_ERRORS.notSignedIn);
    }
    // A token for another person than the cookie named signs that person in: the cookie follows the token.
    if (cookieUser(state, req)?.id !== user.id || state.expiredSessions.has(user.id)) setSessionCookie(res, user);
    state.expiredSessions.delete(user.id);
    res.status(200).end();
  });

  router.use((req, res, next) => {
    if (!API.test(req.path)) return next();
    const user = signedInUser(state, req);
    if (!user) return sendSharePointError(req, res, SP_ERRORS.notSignedIn);
    res.locals.user = user;
    // odata=nometadata is an OData 3 format: with OData-Version 4.0 (SPHttpClient's default) SharePoint answers 406
    // (docs/dev/platform-facts.md#406-for-nometadata-with-odata-version-40).
    if (/odata=nometadata/i.test(req.get('accept') ?? '') && (req.get('odata-version') ?? '').trim() === '4.0') {
      return sendSharePointError(req, res, SP_ERRORS.notAcceptable);
    }
    // Every POST but contextinfo needs the digest contextinfo hands out (docs/dev/platform-facts.md#contextinfo-and-the-request-digest).
    if (req.method === 'POST' && !CONTEXT_INFO.test(req.path)) {
      const digest = state.digestStatus(req.get('x-requestdigest'), user);
      if (digest !== 'valid') return sendSharePointError(req, res, digest === 'timedOut' ? SP_ERRORS.timedOutDigest : SP_ERRORS.invalidDigest);
    }
    next();
  });

  router.post(CONTEXT_INFO, (req, res) => {
    const info = {
      FormDigestTimeoutSeconds: DIGEST_LIFETIME_SECONDS,
      FormDigestValue: state.issueDigest(res.locals.user),
      LibraryVersion: LIBRARY_VERSION,
      SiteFullUrl: urls.siteUrl + (res.locals.webPath ?? ''),
      SupportedSchemaVersions: ['14.0.0.0', '15.0.0.0'],
      WebFullUrl: urls.siteUrl + (res.locals.webPath ?? ''),
    };
    const format = odataFormat(req);
    if (format === 'verbose') {
      const versions = { __metadata: { type: 'Collection(Edm.String)' }, results: info.SupportedSchemaVersions };
      const verbose = { __metadata: { type: 'SP.ContextWebInformation' }, ...info, SupportedSchemaVersions: versions };
      return sendOData(req, res, 200, { d: { GetContextWebInformation: verbose } });
    }
    if (format === 'minimalmetadata') {
      return sendOData(req, res, 200, { 'odata.metadata': `${urls.siteUrl}/_api/$metadata#SP.ContextWebInformation`, ...info });
    }
    sendOData(req, res, 200, info);
  });

  // `$select` narrows the answer to the named properties, as OData does: a few hundred bytes instead of a few
  // kilobytes (docs/dev/platform-facts.md#getmyproperties).
  router.get(peopleManager('getmyproperties'), (req, res) => {
    const raw = lowerCaseKeys(req.query).$select;
    const select = typeof raw === 'string' && raw.trim() !== '' ? raw.split(',').map((name) => name.trim()).filter(Boolean) : undefined;
    const unknown = select?.find((name) => !PERSON_PROPERTY_NAMES.some((known) => known.toLowerCase() === name.toLowerCase()));
    if (unknown) {
      return sendSharePointError(req, res, {
        status: 400, code: '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
        message: `The property '${unknown}' does not exist on type 'SP.UserProfiles.PersonProperties'. Make sure to only use property names that are defined by the type.`,
      });
    }
    sendOData(req, res, 200, myPropertiesBody(res.locals.user, urls, odataFormat(req), select));
  });

  // The body is the raw image whatever the Content-Type says: pnpjs sends it as application/json.
  // The parser's own limit only guards memory; SharePoint's 5,000,000-byte limit is checked below.
  router.post(peopleManager('setmyprofilepicture'), express.raw({ type: () => true, limit: '100mb' }), async (req, res) => {
    /** @type {import('./state.mjs').UserState} */
    const user = res.locals.user;
    if (user.uploadsRefused) {
      user.refusedUploads += 1;
      return sendSharePointError(req, res, SP_ERRORS.accessDenied);
    }
    if (user.uploadsDisabled) {
      // Local uploads turned off by the new photo service: which answer comes is unverified, so each is modelled.
      const answer = state.options.uploadsDisabledAnswer;
      if (answer === 200) {
        user.ignoredUploads += 1;
        return sendNullResult(req, res, 200, 'SetMyProfilePicture');
      }
      user.refusedUploads += 1;
      return sendSharePointError(req, res, answer === 400 ? SP_ERRORS.invalidParameter : SP_ERRORS.accessDenied);
    }
    const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    // Which body SharePoint gives an oversized picture is unverified; the ArgumentException it gives any other bad
    // picture is the most plausible, and clients must treat every 400 here the same way.
    if (bytes.length === 0 || bytes.length > MAX_PICTURE_BYTES) return sendSharePointError(req, res, SP_ERRORS.invalidParameter);
    try {
      const upload = await readUpload(bytes);
      const thumbnails = await makeThumbnails(upload.image, state.thumbnailSizes);
      state.acceptUpload(user, { width: upload.width, height: upload.height, thumbnails }, Date.now(), { bytes: bytes.length, contentType: req.get('content-type') ?? null });
    } catch (error) {
      if (error instanceof UnreadableImageError) return sendSharePointError(req, res, SP_ERRORS.invalidParameter);
      throw error;
    }
    sendNullResult(req, res, state.options.uploadSuccessStatus, 'SetMyProfilePicture');
  });

  router.post(peopleManager('setsinglevalueprofileproperty'), express.json({ type: () => true }), (req, res) => {
    /** @type {import('./state.mjs').UserState} */
    const user = res.locals.user;
    const { accountName, propertyName, propertyValue } = req.body ?? {};
    if (typeof propertyName !== 'string' || typeof propertyValue !== 'string') {
      return sendSharePointError(req, res, SP_ERRORS.invalidParameter);
    }
    if (state.findUserByAccount(accountName) !== user) return sendSharePointError(req, res, SP_ERRORS.accessDenied);
    if (/^(PictureURL$|SPS-Picture)/i.test(propertyName)) return sendSharePointError(req, res, SP_ERRORS.propertyNotEditable);
    user.editedProperties.set(propertyName, propertyValue);
    sendNullResult(req, res, 200, 'SetSingleValueProfileProperty');
  });

  router.all(API, (req, res) => {
    sendSharePointError(req, res, resourceNotFound(req.path.replace(API, '')));
  });

  router.get(/^\/_layouts\/15\/userphoto\.aspx$/i, (req, res) => {
    const user = signedInUser(state, req);
    if (!user) return res.status(401).type('text/plain').send('Sign in first: set the emulator-user cookie.');
    const query = lowerCaseKeys(req.query);
    const size = /^[SML]$/i.test(String(query.size)) ? /** @type {'S'|'M'|'L'} */ (String(query.size).toUpperCase()) : 'S';
    // Any tenant user may see anyone's photo; an unknown account gets the silhouette, never a 404 (docs/dev/platform-facts.md#the-placeholder-silhouette).
    const accountName = query.accountname === undefined ? user.upn : String(query.accountname);
    // As SharePoint Online does: a redirect to its front door's cache, with a signed base valid for hours.
    res.redirect(302, photoLinks.link(accountName, size));
  });

  router.get(AFD_CACHE_PATH, (req, res) => {
    const link = photoLinks.open(req.query);
    if (!link) return res.status(403).type('text/plain').send('Time-Limited URL validation failed.');
    const subject = state.findUserByAccount(link.accountName);
    const picture = subject && (subject.servedByPhotoService ?? state.visibleSharePointPicture(subject));
    res
      .set('Cache-Control', 'private, max-age=86400') // "cached for about a day"
      .type('image/jpeg')
      .send(picture ? picture.thumbnails[link.size] : state.placeholder[link.size]);
  });

  router.use(
    /** @type {import('express').ErrorRequestHandler} */
    (error, req, res, next) => {
      if (res.headersSent) return next(error);
      if (error.type === 'entity.too.large') return sendSharePointError(req, res, SP_ERRORS.invalidParameter);
      if (error.status >= 400 && error.status < 500) {
        return sendSharePointError(req, res, {
          status: error.status, code: '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', message: error.message,
        });
      }
      sendSharePointError(req, res, { status: 500, code: '-2146232832, Microsoft.SharePoint.SPException', message: String(error) });
    },
  );

  return router;
}

/**
 * The success answer of a method returning nothing.
 * @param {import('express').Request} req
 * @param {import('express').Response} res
 * @param {number} status 200, or 204 for an empty body
 * @param {string} method
 */
function sendNullResult(req, res, status, method) {
  if (status === 204) return void res.status(204).end();
  sendOData(req, res, status, odataFormat(req) === 'verbose' ? { d: { [method]: null } } : { 'odata.null': true });
}

/**
 * SharePoint reads query parameter names case-insensitively (`AccountName=` works like `accountname=`).
 * @param {Record<string, unknown>} query
 * @returns {Record<string, unknown>}
 */
function lowerCaseKeys(query) {
  return Object.fromEntries(Object.entries(query).map(([k, v]) => [k.toLowerCase(), v]));
}

/**
 * The Microsoft Graph origin: the `/v1.0/me/photo` family (docs/dev/platform-facts.md#4-microsoft-graph-photo-api), with Graph's CORS, error bodies,
 * authentication and throttling.
 */
import { randomUUID } from 'node:crypto';
import express from 'express';
import sharp from 'sharp';
import { readUpload, sharePointPictureOf, squareJpeg, toJpeg, UnreadableImageError } from './images.mjs';
import { createGraphPhoto } from './state.mjs';
import { GRAPH_AUDIENCE, USER_READ } from './tokens.mjs';

/** Square sizes Graph derives from a photo (docs/dev/platform-facts.md#photo-sizes), in pixels. */
const STANDARD_SIDES = Object.freeze([48, 64, 96, 120, 240, 360, 432, 504, 648]);

/** `PUT /me/photo/$value` accepts up to 4 MB (docs/dev/platform-facts.md#writing-the-photo). */
const MAX_PUT_BYTES = 4 * 1024 * 1024;

const VALUE = '(?:\\$|%24)value'; // some clients percent-encode the `$`
const ME = '^\\/v1\\.0\\/me\\/';
const route = (/** @type {string} */ path) => new RegExp(`${ME}${path}$`, 'i');

/**
 * CORS as the real Graph does it, plus request ids; mounted before faults so injected answers carry them too.
 * @param {import('express').Request} req
 * @param {import('express').Response} res
 * @param {import('express').NextFunction} next
 */
export function graphResponseHeaders(req, res, next) {
  // Graph answers any origin with `*`, which a browser accepts only for requests sent without credentials
  // (docs/dev/platform-facts.md#cors).
  res.set('Access-Control-Allow-Origin', '*');
  res.set('Access-Control-Expose-Headers', 'ETag, Location, Retry-After, request-id, client-request-id');
  res.locals.requestId = randomUUID();
  res.locals.clientRequestId = req.get('client-request-id') ?? res.locals.requestId;
  res.set({ 'request-id': res.locals.requestId, 'client-request-id': res.locals.clientRequestId });
  next();
}

/**
 * @param {import('./state.mjs').EmulatorState} state
 * @param {{ graphUrl: string }} urls
 * @returns {import('express').Router}
 */
export function graphRoutes(state, urls) {
  const router = express.Router();

  router.options(/.*/, (req, res) => {
    state.graphPreflights += 1;
    res
      .set({
        'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
        'Access-Control-Allow-Headers': req.get('access-control-request-headers') ?? 'Authorization, Content-Type',
        'Access-Control-Max-Age': '3600',
      })
      .status(200)
      .end();
  });

  router.use((req, res, next) => {
    const token = /^Bearer\s+(\S+)/i.exec(req.get('authorization') ?? '')?.[1];
    const claims = token === undefined ? undefined : state.tokens.verify(token);
    const user = claims && claims.aud === GRAPH_AUDIENCE ? state.users.get(claims.sub) : undefined;
    if (!claims || !user) {
      res.set('WWW-Authenticate', 'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"');
      const message = token === undefined ? 'Access token is empty.' : 'Access token validation failure. Invalid audience.';
      return sendGraphError(res, 401, 'InvalidAuthenticationToken', message);
    }
    user.graphRequests += 1;
    if (user.graphRequests <= user.graphThrottledRequests) {
      res.set('Retry-After', state.options.throttleRetryAfter);
      return sendGraphError(res, 429, 'TooManyRequests', 'Too many requests. Please retry after the time given in the Retry-After header.');
    }
    // A token minted without consent lacks User.Read (only `/_emulator/token?force=true` makes one); the photo API
    // answers it as Exchange does (docs/dev/platform-facts.md#authentication-and-permission-errors).
    if (!claims.scp.split(' ').includes(USER_READ)) {
      return sendGraphError(res, 403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
    }
    res.locals.user = user;
    next();
  });

  /** @param {import('./state.mjs').UserState} user @param {string} path */
  const context = (user, path) => `${urls.graphUrl}/v1.0/$metadata#users('${user.objectId}')/${path}`;

  // Whom the token speaks for: `GET /me` with `$select` answers just the properties asked for, without `$select`
  // Graph's default set (docs/dev/platform-facts.md#who-graph-answers-for).
  router.get(/^\/v1\.0\/me$/i, (req, res) => {
    /** @type {import('./state.mjs').UserState} */
    const user = res.locals.user;
    const all = {
      businessPhones: [], displayName: user.displayName, givenName: user.displayName.split(' ')[0], jobTitle: user.jobTitle ?? null,
      mail: user.upn, mobilePhone: null, officeLocation: user.office ?? null, preferredLanguage: null,
      surname: user.displayName.split(' ').slice(1).join(' '), userPrincipalName: user.upn, id: user.objectId,
    };
    const select = String(req.query.$select ?? req.query['%24select'] ?? '').split(',').map((name) => name.trim()).filter(Boolean);
    if (select.length === 0) return sendGraphJson(res, 200, { '@odata.context': `${urls.graphUrl}/v1.0/$metadata#users/$entity`, ...all });
    const unknown = select.find((name) => !Object.prototype.hasOwnProperty.call(all, name));
    if (unknown) {
      return sendGraphError(res, 400, 'BadRequest', `Could not find a property named '${unknown}' on type 'microsoft.graph.user'.`);
    }
    const picked = Object.fromEntries(select.map((name) => [name, /** @type {Record<string, unknown>} */ (all)[name]]));
    sendGraphJson(res, 200, { '@odata.context': `${urls.graphUrl}/v1.0/$metadata#users(${select.join(',')})/$entity`, ...picked });
  });

  router.get(route('photo'), (req, res) => {
    if (!res.locals.user.graphPhoto && state.options.noPhotoAnswer === 'oneByOneGif') {
      // What Graph's documentation describes for a person without a photo.
      return sendGraphJson(res, 200, {
        '@odata.context': context(res.locals.user, 'photo/$entity'),
        '@odata.mediaContentType': 'image/gif',
        '@odata.mediaEtag': '',
        id: '1x1', width: 1, height: 1,
      });
    }
    const photo = photoOr404(res, state.options.noPhotoAnswer);
    if (!photo) return;
    const { id, width, height } = original(photo);
    sendGraphJson(res, 200, {
      '@odata.context': context(res.locals.user, 'photo/$entity'),
      '@odata.mediaContentType': 'image/jpeg',
      '@odata.mediaEtag': photo.etag,
      id, width, height,
    });
  });

  router.get(route(`photo\\/${VALUE}`), (req, res) => {
    if (!res.locals.user.graphPhoto && state.options.noPhotoAnswer === 'oneByOneGif') {
      return res.status(200).set({ 'Content-Type': 'image/gif', 'Content-Length': String(ONE_BY_ONE_GIF.length), 'Cache-Control': 'private' }).end(ONE_BY_ONE_GIF);
    }
    const photo = photoOr404(res, state.options.noPhotoAnswer);
    if (photo) sendPhotoBytes(res, photo, photo.bytes);
  });

  router.get(route('photos'), (req, res) => {
    // Without a photo the list answers 404 too (docs/dev/platform-facts.md#no-photo).
    const photo = photoOr404(res, noPhotoCode(state));
    if (!photo) return;
    const value = photoSizes(photo).map((size) => ({ '@odata.mediaEtag': photo.etag, ...size }));
    sendGraphJson(res, 200, { '@odata.context': context(res.locals.user, 'photos'), value });
  });

  router.get(route('photos\\/([^/]+)'), (req, res) => {
    const found = sizeOr404(res, req.params[0], noPhotoCode(state));
    if (!found) return;
    sendGraphJson(res, 200, {
      '@odata.context': context(res.locals.user, 'photos/$entity'),
      '@odata.mediaContentType': 'image/jpeg',
      '@odata.mediaEtag': found.photo.etag,
      ...found.size,
    });
  });

  router.get(route(`photos\\/([^/]+)\\/${VALUE}`), async (req, res) => {
    const found = sizeOr404(res, req.params[0], noPhotoCode(state));
    if (!found) return;
    const { photo, size } = found;
    // What /me/photos lists for a photo stored in Entra ID is undocumented; modelled at its least helpful: the
    // standard sizes are listed and none of them can be read.
    if (photo.storedInEntra) return sendImageNotFound(res);
    if (size.id === original(photo).id) return sendPhotoBytes(res, photo, photo.bytes);
    let resized = photo.squares.get(size.width);
    if (!resized) {
      resized = squareJpeg(sharp(photo.bytes), size.width);
      photo.squares.set(size.width, resized);
    }
    sendPhotoBytes(res, photo, await resized);
  });

  // Lets tests change the Microsoft 365 photo. Simplification: User.Read is enough here, where the real Graph
  // wants User.ReadWrite.
  router.put(route(`photo\\/${VALUE}`), express.raw({ type: () => true, limit: '100mb' }), async (req, res) => {
    const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    // The exact error for an oversized photo is unverified.
    if (bytes.length > MAX_PUT_BYTES) return sendGraphError(res, 413, 'RequestEntityTooLarge', 'The photo is larger than 4 MB.');
    try {
      const { image } = await readUpload(bytes);
      const jpeg = await toJpeg(image);
      res.locals.user.graphPhoto = await createGraphPhoto(jpeg);
      // Where SharePoint's new photo service serves the Microsoft 365 photo, userphoto.aspx follows it while the
      // profile's PictureUrl and timestamp stay as they were (docs/dev/platform-facts.md#mc653734-and-the-new-image-service).
      // How soon is not published; modelled at once, the case a kept SharePoint picture would get wrong.
      if (res.locals.user.servedByPhotoService) {
        res.locals.user.servedByPhotoService = await sharePointPictureOf(jpeg, state.thumbnailSizes);
      }
    } catch (error) {
      if (error instanceof UnreadableImageError) return sendGraphError(res, 400, 'ErrorInvalidImage', 'The photo could not be read.');
      throw error;
    }
    res.status(200).end();
  });

  router.all(/.*/, (req, res) => {
    const segment = req.path.split('/').filter(Boolean).pop() ?? '';
    sendGraphError(res, 400, 'BadRequest', `Resource not found for the segment '${segment}'.`);
  });

  router.use(
    /** @type {import('express').ErrorRequestHandler} */
    (error, req, res, next) => {
      if (res.headersSent) return next(error);
      sendGraphError(res, error.status >= 400 && error.status < 500 ? error.status : 500, 'generalException', String(error.message ?? error));
    },
  );

  return router;
}

/**
 * Graph's own JSON Content-Type; `setHeader` and `end` keep express from reordering its parameters.
 * @param {import('express').Response} res
 * @param {number} status
 * @param {unknown} body
 */
function sendGraphJson(res, status, body) {
  res.status(status);
  res.setHeader('Content-Type', 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8');
  res.end(JSON.stringify(body));
}

/**
 * @param {import('express').Response} res
 * @param {number} status
 * @param {string} code
 * @param {string} message
 */
function sendGraphError(res, status, code, message) {
  sendGraphJson(res, status, {
    error: {
      code,
      message,
      innerError: {
        date: new Date().toISOString().slice(0, 19),
        'request-id': res.locals.requestId,
        'client-request-id': res.locals.clientRequestId,
      },
    },
  });
}

/**
 * The 404 code for a person without a photo on paths the 1×1 GIF answer does not cover.
 * @param {import('./state.mjs').EmulatorState} state
 */
function noPhotoCode(state) {
  return state.options.noPhotoAnswer === 'oneByOneGif' ? 'ImageNotFound' : state.options.noPhotoAnswer;
}

/** The smallest transparent GIF: what Graph's documentation says `/me/photo/$value` returns without a photo. */
const ONE_BY_ONE_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** The messages that come with each code (docs/dev/platform-facts.md#no-photo). */
const NO_PHOTO_MESSAGES = Object.freeze({
  ImageNotFound: "Exception of type 'Microsoft.Fast.Profile.Core.Exception.ImageNotFoundException' was thrown.",
  ErrorEntityNotFound: "Exception of type 'Microsoft.Fast.Profile.Core.Exception.ImageNotFoundException' was thrown.",
  ErrorItemNotFound: "The photo wasn't found.",
});

/**
 * @param {import('express').Response} res
 * @param {string} [code] which of Graph's "no photo" codes to answer with
 */
function sendImageNotFound(res, code = 'ImageNotFound') {
  const known = /** @type {keyof typeof NO_PHOTO_MESSAGES} */ (code in NO_PHOTO_MESSAGES ? code : 'ImageNotFound');
  sendGraphError(res, 404, known, NO_PHOTO_MESSAGES[known]);
}

/**
 * @param {import('express').Response} res
 * @param {string} [code] the "no photo" code to answer with
 * @returns {import('./state.mjs').GraphPhoto | undefined} the signed-in user's photo, or undefined after answering 404
 */
function photoOr404(res, code) {
  /** @type {import('./state.mjs').GraphPhoto | undefined} */
  const photo = res.locals.user.graphPhoto;
  if (!photo) sendImageNotFound(res, code);
  return photo;
}

/**
 * @param {import('express').Response} res
 * @param {string} id e.g. `240x240`
 * @param {string} [code] the "no photo" code to answer with
 */
function sizeOr404(res, id, code) {
  const photo = photoOr404(res, code);
  const size = photo && photoSizes(photo).find((s) => s.id === id.toLowerCase());
  if (photo && !size) sendImageNotFound(res);
  return photo && size ? { photo, size } : undefined;
}

/**
 * @typedef {{ id: string, width: number, height: number }} PhotoSize
 */

/** @param {import('./state.mjs').GraphPhoto} photo @returns {PhotoSize} */
function original(photo) {
  // A photo stored in Entra ID is described as `default`, whatever its size (docs/dev/platform-facts.md#photo-metadata).
  return { id: photo.storedInEntra ? 'default' : `${photo.width}x${photo.height}`, width: photo.width, height: photo.height };
}

/**
 * A square photo comes in every standard size up to its own; a photo of any other shape (possible when it is
 * stored only in Entra ID) only in its original size.
 * @param {import('./state.mjs').GraphPhoto} photo
 * @returns {PhotoSize[]}
 */
function photoSizes(photo) {
  if (photo.storedInEntra) return STANDARD_SIDES.filter((side) => side < photo.width).map((side) => ({ id: `${side}x${side}`, width: side, height: side }));
  if (photo.width !== photo.height) return [original(photo)];
  const sides = STANDARD_SIDES.filter((side) => side <= photo.width);
  if (!sides.includes(photo.width)) sides.push(photo.width);
  return sides.map((side) => ({ id: `${side}x${side}`, width: side, height: side }));
}

/**
 * @param {import('express').Response} res
 * @param {import('./state.mjs').GraphPhoto} photo
 * @param {Buffer} bytes
 */
function sendPhotoBytes(res, photo, bytes) {
  // `end`, not `send`: express would answer If-None-Match with 304, which Graph does not support (docs/dev/platform-facts.md#photo-bytes).
  res
    .status(200)
    .set({ 'Content-Type': 'image/jpeg', 'Content-Length': String(bytes.length), ETag: photo.etag, 'Cache-Control': 'private' })
    .end(bytes);
}

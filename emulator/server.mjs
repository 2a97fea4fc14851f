/**
 * Starts the local emulator of a SharePoint Online tenant: the site, the My Site host and Microsoft Graph, each on
 * its own origin like the real services (see docs/dev/contracts.md and docs/dev/platform-facts.md).
 */
import { existsSync } from 'node:fs';
import express from 'express';
import { controlRoutes } from './control.mjs';
import { faultsAndLatency } from './faults.mjs';
import { cookieUser } from './session.mjs';
import { graphResponseHeaders, graphRoutes } from './graph.mjs';
import { mySiteRoutes } from './mysite.mjs';
import { renderSeed } from './seed.mjs';
import { sharePointRoutes } from './sharepoint.mjs';
import { EmulatorState } from './state.mjs';

/**
 * @typedef {object} EmulatorOptions
 * @property {number} [sitePort] 0 = any free port
 * @property {number} [mySitePort]
 * @property {number} [graphPort]
 * @property {string} [host] interface to listen on and host name in the URLs
 * @property {string} [workbenchDir] a folder served at the site root, with index.html
 * @property {boolean} [quiet] false = log every request
 * @property {number} [largeThumbnailSize] largest width of `_LThumb.jpg` and userphoto.aspx?size=L, which keep the
 *   photo's aspect ratio (docs/dev/platform-facts.md#userphotoaspx-and-the-thumbnails)
 * @property {number} [staleForMs] `stale` scenario: how long SharePoint keeps serving the old picture after an upload
 * @property {200 | 204} [uploadSuccessStatus] SetMyProfilePicture's success status (unverified which, docs/dev/platform-facts.md#setmyprofilepicture)
 * @property {import('./state.mjs').NoPhotoAnswer} [noPhotoAnswer] how Graph answers for a person without a photo
 * @property {string} [throttleRetryAfter] the Retry-After of the `throttled` user's 429s, in seconds
 * @property {200 | 400 | 403} [uploadsDisabledAnswer] SetMyProfilePicture's answer when local uploads are off
 */

/**
 * @typedef {object} Emulator
 * @property {string} siteUrl
 * @property {string} mySiteHostUrl
 * @property {string} graphUrl
 * @property {EmulatorState} state
 * @property {() => Promise<void>} reset
 * @property {() => Promise<void>} close
 */

/**
 * @param {EmulatorOptions} [options]
 * @returns {Promise<Emulator>}
 */
export async function startEmulator(options = {}) {
  const {
    sitePort = 4321, mySitePort = 4322, graphPort = 4323, host = 'localhost', workbenchDir, quiet = true,
    largeThumbnailSize = 300, staleForMs = 10 * 60 * 1000, uploadSuccessStatus = 200, noPhotoAnswer = 'ImageNotFound',
    throttleRetryAfter = '1', uploadsDisabledAnswer = 200,
  } = options;
  if (workbenchDir !== undefined && !existsSync(workbenchDir)) {
    throw new Error(`The workbench folder ${workbenchDir} does not exist. Build it first: node scripts/build-workbench.mjs`);
  }

  const state = new EmulatorState(await renderSeed({ largeThumbnailSize }), { staleForMs, uploadSuccessStatus, noPhotoAnswer, throttleRetryAfter, uploadsDisabledAnswer });
  // Filled in once the servers listen (ports may be 0); handlers only read them while answering requests.
  const urls = { siteUrl: '', mySiteHostUrl: '', graphUrl: '' };

  const site = newApp('site', quiet);
  site.use('/_emulator', controlRoutes(state, urls));
  // Faults given a user apply to that user's requests only, so tests can run side by side.
  // The person the session cookie names, also while that session has expired.
  const sessionUser = (/** @type {import('express').Request} */ req) => cookieUser(state, req)?.id;
  const tokenUser = (/** @type {import('express').Request} */ req) => {
    const token = /^Bearer\s+(\S+)/i.exec(req.get('authorization') ?? '')?.[1];
    return token === undefined ? undefined : state.tokens.verify(token)?.sub;
  };
  site.use(faultsAndLatency(state, 'site', sessionUser));
  site.use(siteCollectionPaths);
  site.use(sharePointRoutes(state, urls));
  if (workbenchDir !== undefined) site.use(express.static(workbenchDir));

  const mySite = newApp('mysite', quiet);
  mySite.use(faultsAndLatency(state, 'mysite', sessionUser));
  mySite.use(mySiteRoutes(state));

  const graph = newApp('graph', quiet);
  graph.use(graphResponseHeaders);
  graph.use(faultsAndLatency(state, 'graph', tokenUser));
  graph.use(graphRoutes(state, urls));

  /** @type {import('node:http').Server[]} */
  const servers = [];
  try {
    for (const [app, port, key] of /** @type {const} */ ([[site, sitePort, 'siteUrl'], [mySite, mySitePort, 'mySiteHostUrl'], [graph, graphPort, 'graphUrl']])) {
      const server = await listen(app, port, host);
      servers.push(server);
      urls[key] = `http://${host}:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}`;
    }
  } catch (error) {
    await closeAll(servers);
    throw error;
  }

  return {
    ...urls,
    state,
    reset: async () => state.reset(),
    close: () => closeAll(servers),
  };
}

/**
 * Every site collection of the tenant answers on the site origin: `/sites/<name>/_api/…` and
 * `/sites/<name>/_layouts/15/…` are served as the root site's, with the site's own URL kept in `res.locals.webPath`
 * (a Teams tab runs on its team's site, docs/dev/platform-facts.md#teams).
 * @type {import('express').RequestHandler}
 */
function siteCollectionPaths(req, res, next) {
  const match = /^\/(?:sites|teams)\/[^/]+(?=\/_api(?:\/|$|\?)|\/_layouts\/)/i.exec(req.url);
  if (match) {
    res.locals.webPath = match[0];
    req.url = req.url.slice(match[0].length);
  }
  next();
}

/**
 * @param {string} origin name used in the request log
 * @param {boolean} quiet
 * @returns {import('express').Express}
 */
function newApp(origin, quiet) {
  const app = express();
  app.disable('x-powered-by');
  // Express would add ETags and answer If-None-Match with 304 on its own; neither SharePoint's REST answers nor
  // Graph's photos do (docs/dev/platform-facts.md#photo-bytes).
  app.set('etag', false);
  if (!quiet) {
    app.use((req, res, next) => {
      const started = Date.now();
      res.on('finish', () => console.log(`${origin.padEnd(6)} ${req.method} ${req.originalUrl} → ${res.statusCode} (${Date.now() - started} ms)`));
      next();
    });
  }
  return app;
}

/**
 * @param {import('express').Express} app
 * @param {number} port
 * @param {string} host
 * @returns {Promise<import('node:http').Server>}
 */
function listen(app, port, host) {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    server.once('listening', () => resolve(server));
    server.once('error', reject);
  });
}

/**
 * @param {import('node:http').Server[]} servers
 * @returns {Promise<void>}
 */
async function closeAll(servers) {
  await Promise.all(
    servers.map(
      (server) =>
        new Promise((resolve) => {
          server.close(() => resolve(undefined));
          server.closeAllConnections();
        }),
    ),
  );
}

/**
 * The control surface on the site origin (`/_emulator/*`, docs/dev/contracts.md): configuration, Graph tokens,
 * reset, faults, latency, scenario options and a view of the state. Never faulted, never delayed.
 */
import express from 'express';
import { InvalidFaultError } from './faults.mjs';
import { myPropertiesBody } from './profile.mjs';
import { DIGEST_LIFETIME_SECONDS, NO_PHOTO_ANSWERS } from './state.mjs';
import { GRAPH_AUDIENCE, TOKEN_LIFETIME_SECONDS, USER_READ } from './tokens.mjs';

/**
 * @param {import('./state.mjs').EmulatorState} state
 * @param {{ siteUrl: string, mySiteHostUrl: string, graphUrl: string }} urls
 * @returns {import('express').Router}
 */
export function controlRoutes(state, urls) {
  const router = express.Router();
  router.use(express.json());

  router.get('/config', (req, res) => {
    const users = [...state.users.values()].map((u) => ({ id: u.id, upn: u.upn, displayName: u.displayName, scenario: u.id, objectId: u.objectId }));
    res.json({ ...urls, users });
  });

  // What SharePoint writes into every page it serves for the signed-in user (legacyPageContext): a request digest,
  // which SPFx and pnpjs use for writes before they ask contextinfo for one
  // (docs/dev/platform-facts.md#contextinfo-and-the-request-digest).
  router.get('/page-context', (req, res) => {
    const user = state.users.get(String(req.query.user ?? ''));
    if (!user) return res.status(404).json({ error: `Unknown user '${req.query.user ?? ''}'.` });
    res.json({ formDigestValue: state.issueDigest(user), formDigestTimeoutSeconds: DIGEST_LIFETIME_SECONDS });
  });

  // Stands in for the token SPFx's AadTokenProvider gets from Entra ID for the web part.
  router.get('/token', (req, res) => {
    const user = state.users.get(String(req.query.user ?? ''));
    if (!user) {
      return res.status(400).json({
        error: 'invalid_request',
        error_description: `Unknown user '${req.query.user ?? ''}'. Ask for one of: ${[...state.users.keys()].join(', ')}.`,
      });
    }
    // Teams single sign-on asks for a token to the SharePoint origin itself (docs/dev/platform-facts.md#teams).
    const resource = req.query.resource === undefined ? GRAPH_AUDIENCE : String(req.query.resource).replace(/\/$/, '');
    if (resource !== GRAPH_AUDIENCE) {
      if (resource !== new URL(urls.siteUrl).origin) {
        return res.status(400).json({ error: 'invalid_resource', error_description: `AADSTS500011: The resource principal named ${resource} was not found in the tenant.` });
      }
      return res.json({ token_type: 'Bearer', access_token: state.tokens.issue(user, '', resource), expires_in: TOKEN_LIFETIME_SECONDS });
    }
    const force = req.query.force === 'true';
    if (user.consentMissing && !force) {
      // How an ungranted scope surfaces in SPFx (docs/dev/platform-facts.md#an-ungranted-scope-aadsts65001).
      return res.status(400).json({
        error: 'invalid_grant',
        error_description:
          "AADSTS65001: The user or administrator has not consented to use the application with ID '08e18876-6177-487e-b8b5-cf950c1e598c' named 'SharePoint Online Client Extensibility Web Application Principal'. Send an interactive authorization request for this user and resource.",
      });
    }
    const scope = user.consentMissing ? '' : USER_READ;
    res.json({ token_type: 'Bearer', access_token: state.tokens.issue(user, scope), expires_in: TOKEN_LIFETIME_SECONDS });
  });

  // A user of one's own, shaped like a seeded one, until the next reset.
  router.post('/users', (req, res) => {
    const { id, like } = req.body ?? {};
    if (typeof id !== 'string' || !/^[a-z0-9-]{1,40}$/.test(id)) return res.status(400).json({ error: '"id" must be 1-40 of a-z, 0-9 and -.' });
    if (typeof like !== 'string') return res.status(400).json({ error: '"like" must name a seeded user.' });
    try {
      const user = state.addUserLike(id, like);
      res.status(201).json({ id: user.id, upn: user.upn, objectId: user.objectId });
    } catch (error) {
      res.status(409).json({ error: /** @type {Error} */ (error).message });
    }
  });

  router.post('/reset', (req, res) => {
    state.reset();
    res.status(204).end();
  });

  router.get('/faults', (req, res) => {
    res.json({ faults: state.faults.list() });
  });

  router.post('/faults', (req, res) => {
    res.status(201).json({ id: state.faults.add(req.body) });
  });

  router.delete('/faults', (req, res) => {
    state.faults.clear();
    res.status(204).end();
  });

  router.post('/latency', (req, res) => {
    const ms = req.body?.ms;
    if (!Number.isFinite(ms) || ms < 0) return res.status(400).json({ error: 'Send {"ms": <milliseconds ≥ 0>}.' });
    state.latencyMs = ms;
    res.status(204).end();
  });

  // The user's SharePoint session cookie expires: every SharePoint request of theirs is 401 until a sign-in renews it.
  router.post('/expire-session', (req, res) => {
    const user = state.users.get(String(req.body?.user ?? ''));
    if (!user) return res.status(404).json({ error: `Unknown user '${req.body?.user ?? ''}'. Send {"user": "<id>"}.` });
    state.expiredSessions.add(user.id);
    res.status(204).end();
  });

  router.post('/expire-digests', (req, res) => {
    state.expireDigests();
    res.status(204).end();
  });

  router.post('/scenario-options', (req, res) => {
    const body = req.body ?? {};
    /** @type {Array<[string, (value: any) => boolean, string]>} option, test, what it must be */
    const rules = [
      ['staleForMs', (v) => Number.isFinite(v) && v >= 0, 'a number of milliseconds ≥ 0'],
      ['uploadSuccessStatus', (v) => v === 200 || v === 204, '200 or 204'],
      ['noPhotoAnswer', (v) => NO_PHOTO_ANSWERS.includes(v), `one of ${NO_PHOTO_ANSWERS.join(', ')}`],
      ['throttleRetryAfter', (v) => typeof v === 'string' && /^\d+(\.\d+)?$/.test(v), 'seconds as a string, e.g. "2.128" or "120"'],
      ['uploadsDisabledAnswer', (v) => [200, 400, 403].includes(v), '200, 400 or 403'],
    ];
    // Every option is checked before any is applied: a refused request changes nothing.
    for (const [name, valid, expected] of rules) {
      if (body[name] !== undefined && !valid(body[name])) return res.status(400).json({ error: `"${name}" must be ${expected}.` });
    }
    for (const [name] of rules) {
      if (body[name] !== undefined) /** @type {Record<string, unknown>} */ (state.options)[name] = body[name];
    }
    res.json(state.options);
  });

  // What no browser API shows: the CORS preflights Graph answered since the last reset.
  router.get('/requests', (req, res) => {
    res.json({ graphPreflights: state.graphPreflights });
  });

  router.get('/state', (req, res) => {
    const user = state.users.get(String(req.query.user ?? ''));
    if (!user) return res.status(404).json({ error: `Unknown user '${req.query.user ?? ''}'.` });
    const sp = user.sharePoint;
    const picture = state.visibleSharePointPicture(user);
    const photo = user.graphPhoto;
    res.json({
      uploads: user.uploads,
      refusedUploads: user.refusedUploads,
      ignoredUploads: user.ignoredUploads,
      lastUpload: user.lastUpload ?? null,
      sharePoint: {
        timestamp: sp.timestamp ?? null,
        placeholderState: sp.placeholderState,
        exchangeSyncState: sp.exchangeSyncState,
        pictureUrl: /** @type {{ PictureUrl: string | null }} */ (myPropertiesBody(user, urls, 'nometadata')).PictureUrl,
        width: picture?.width ?? null,
        height: picture?.height ?? null,
      },
      graph: { hasPhoto: photo !== undefined, etag: photo?.etag ?? null, width: photo?.width ?? null, height: photo?.height ?? null },
    });
  });

  router.use(
    /** @type {import('express').ErrorRequestHandler} */
    (error, req, res, next) => {
      if (res.headersSent) return next(error);
      if (error instanceof InvalidFaultError) return res.status(400).json({ error: error.message });
      res.status(error.status >= 400 && error.status < 500 ? error.status : 500).json({ error: String(error.message ?? error) });
    },
  );

  return router;
}

// The web part's services through the real SPFx HTTP clients (SPHttpClient, AadHttpClient from the runtime's dist
// bundles, the code SharePoint runs) against the emulator. Unit tests give the services a fake transport; only here
// do the clients' own rules apply, such as SPHttpClient throwing before it sends a write whose OData-Version is
// empty and that has no Content-Type (docs/dev/platform-facts.md#sphttpclient).
import assert from 'node:assert/strict';
import { after, afterEach, beforeEach, test } from 'node:test';
import sharp from 'sharp';
import { startEmulator } from '../emulator/server.mjs';
import { loadWebPartServices } from './support/servicesBundle.mjs';
import { GRAPH_ORIGIN, loadSpfxRuntime } from './support/spfxRuntime.mjs';

const emu = await startEmulator({ sitePort: 0, mySitePort: 0, graphPort: 0, quiet: true });
const runtime = await loadSpfxRuntime(emu);
const { users } = await (await fetch(`${emu.siteUrl}/_emulator/config`)).json();

after(async () => {
  runtime.close();
  await emu.close();
});

beforeEach(async () => {
  await emu.reset();
  runtime.requests.length = 0;
});

afterEach(() => {
  assert.deepEqual(runtime.errors.splice(0), [], 'the page raised no script error');
});

/** No real waiting: retries happen at once, and a hung request fails the test within seconds. */
const RETRY = { policy: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 1 }, delay: async () => undefined, timeoutMs: 5000 };

/**
 * One page load by `userId`, with the services built as the web part builds them
 * (src/webparts/profilePhotoSync/ProfilePhotoSyncWebPart.ts and src/services/createSyncController.ts).
 * @param {string} userId
 * @param {{ tokenPath?: 'msal' | 'obo' }} [options]
 */
async function openWebPart(userId, { tokenPath = 'msal' } = {}) {
  const user = users.find((candidate) => candidate.id === userId);
  assert.ok(user, `the emulator seeds ${userId}`);
  const tokenRequests = { count: 0 };
  const page = runtime.openPage({
    user,
    tokenPath,
    // MSAL's part: a token from the emulator's token service, and on refusal an Error with its error_description.
    acquireToken: async () => {
      tokenRequests.count += 1;
      const response = await fetch(`${emu.siteUrl}/_emulator/token?user=${encodeURIComponent(userId)}`);
      const body = await response.json();
      if (!response.ok) throw new Error(body.error_description);
      return body.access_token;
    },
  });
  const graphClient = await page.aadHttpClient(GRAPH_ORIGIN);
  const services = await loadWebPartServices(runtime);
  return {
    tokenRequests,
    tokenPaths: page.tokenPaths,
    sharePoint: new services.SharePointProfileService(
      services.createSP(page.context, (url, init) => runtime.window.fetch(url, init)), services.sameOriginTransport((url, init) => runtime.window.fetch(url, init)), emu.siteUrl, RETRY),
    microsoft365: new services.GraphPhotoService(services.graphTransport(graphClient), `${GRAPH_ORIGIN}/v1.0`, RETRY,
      services.graphToken(await page.aadTokenProvider(), GRAPH_ORIGIN)),
  };
}

/** @param {string} userId */
async function emulatorState(userId) {
  return (await fetch(`${emu.siteUrl}/_emulator/state?user=${encodeURIComponent(userId)}`)).json();
}

/** A POST to the emulator's control surface, e.g. `/expire-digests`. @param {string} path @param {unknown} [json] */
async function control(path, json) {
  const response = await fetch(`${emu.siteUrl}/_emulator${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  assert.ok(response.ok, `${path} answered ${response.status}`);
}

/** The user's Microsoft 365 photo, read from the emulator directly, as a Blob like the Graph service returns. */
async function graphPhotoOf(userId) {
  const { access_token: token } = await (await fetch(`${emu.siteUrl}/_emulator/token?user=${userId}`)).json();
  const response = await fetch(`${emu.graphUrl}/v1.0/me/photo/$value`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(response.status, 200);
  return response.blob();
}

/** @param {string} pattern a regular expression for the path, case-insensitive */
function sent(method, pattern) {
  const path = new RegExp(pattern, 'i');
  return runtime.requests.filter((request) => request.method === method && path.test(new URL(request.url).pathname));
}

const CONTEXT_INFO = '^/_api/contextinfo$';
const SET_PICTURE = '/_api/SP\\.UserProfiles\\.PeopleManager/SetMyProfilePicture$';

/** @param {Promise<unknown>} promise @param {string} kind */
async function rejectsWithKind(promise, kind) {
  await assert.rejects(promise, (error) => {
    assert.equal(error.name, 'PhotoSyncError', `a PhotoSyncError, not ${error.name}: ${error.message}`);
    assert.equal(error.kind, kind, `kind ${kind}, not ${error.kind} (${error.message})`);
    return true;
  });
}

/** @param {Blob} blob */
async function jpegSize(blob) {
  const { format, width, height } = await sharp(Buffer.from(await blob.arrayBuffer())).metadata();
  assert.equal(format, 'jpeg');
  return { width, height };
}

test('getMyProfile reads the account and the picture timestamp', async () => {
  const { sharePoint } = await openWebPart('out-of-sync');
  const profile = await sharePoint.getMyProfile();
  assert.equal(profile.accountName, 'i:0#.f|membership|out-of-sync@contoso.example');
  const state = await emulatorState('out-of-sync');
  assert.equal(profile.pictureTimestamp, String(state.sharePoint.timestamp));
});

test('getPicture follows userphoto.aspx to the JPEG SharePoint serves', async () => {
  const { sharePoint } = await openWebPart('out-of-sync');
  const picture = await sharePoint.getPicture('out-of-sync@contoso.example');
  assert.equal(picture.type, 'image/jpeg');
  // The L thumbnail, not the 302's empty body and not the placeholder silhouette.
  assert.deepEqual(await jpegSize(picture), { width: 300, height: 300 });
  assert.equal(sent('GET', '/_layouts/15/userphoto\\.aspx$').length, 1);
});

test('getMyPhoto reads the Microsoft 365 photo through AadHttpClient', async () => {
  const { microsoft365 } = await openWebPart('out-of-sync');
  const photo = await microsoft365.getMyPhoto();
  const state = await emulatorState('out-of-sync');
  assert.equal(photo.etag, state.graph.etag);
  assert.deepEqual(await jpegSize(photo.image), { width: state.graph.width, height: state.graph.height });
});

test('getMyPhoto answers undefined when the person has no photo', async () => {
  const { microsoft365 } = await openWebPart('no-photo');
  assert.equal(await microsoft365.getMyPhoto(), undefined);
});

test('an unapproved User.Read is permissionMissing, also while the token provider refuses to ask again', async () => {
  const { microsoft365, tokenRequests, tokenPaths } = await openWebPart('consent-missing');
  await rejectsWithKind(microsoft365.getMyPhoto(), 'permissionMissing');
  assert.deepEqual([...new Set(tokenPaths)], ['msal'], 'the runtime asked the MSAL step');
  const asked = tokenRequests.count;
  assert.ok(asked >= 1);
  // Within 5 minutes the real provider throws "Token request previously failed" without asking MSAL.
  await rejectsWithKind(microsoft365.getMyPhoto(), 'permissionMissing');
  assert.equal(tokenRequests.count, asked, 'the second call was answered from the provider\'s failure memory');
  assert.equal(runtime.requests.filter((request) => request.url.startsWith(emu.graphUrl)).length, 0, 'nothing reached Graph');
});

test('an unapproved User.Read is permissionMissing on SharePoint\'s OBO token path (a string rejection)', async () => {
  const { microsoft365, tokenPaths } = await openWebPart('consent-missing', { tokenPath: 'obo' });
  await rejectsWithKind(microsoft365.getMyPhoto(), 'permissionMissing');
  assert.deepEqual([...new Set(tokenPaths)], ['obo'], 'the runtime asked the OBO step, not MSAL');
});

test('getMyIdentity reads whom Graph answers for from the token SPFx holds, without a request', async () => {
  const { microsoft365 } = await openWebPart('out-of-sync');
  const user = users.find((candidate) => candidate.id === 'out-of-sync');
  // The object comes from the page's realm: compare its fields.
  runtime.requests.length = 0;
  const { loginName, objectId } = await microsoft365.getMyIdentity();
  assert.deepEqual({ loginName, objectId }, { loginName: user.upn, objectId: user.objectId });
  assert.equal(runtime.requests.filter((request) => request.url.startsWith(emu.graphUrl)).length, 0, 'nothing sent to Graph');
});

test('an upload ticket carries the profile it was read with, and uploads the Graph photo\'s bytes with its one digest', async () => {
  const { microsoft365, sharePoint } = await openWebPart('out-of-sync');
  const before = await emulatorState('out-of-sync');
  const photo = await microsoft365.getMyPhoto();
  const ticket = await sharePoint.prepareUpload(false);
  assert.equal(ticket.profile.accountName, 'i:0#.f|membership|out-of-sync@contoso.example');
  await ticket.upload(photo.image);

  const after = await emulatorState('out-of-sync');
  assert.equal(after.uploads, 1);
  assert.notEqual(after.sharePoint.timestamp, before.sharePoint.timestamp);
  const uploads = sent('POST', SET_PICTURE);
  assert.equal(uploads.length, 1);
  assert.ok(uploads[0].body.equals(Buffer.from(await photo.image.arrayBuffer())), 'the POST carried the photo\'s bytes');
  // The ticket's digest is the only one: pnpjs asks for none of its own.
  assert.equal(sent('POST', CONTEXT_INFO).length, 1);
});

test('a digest that has timed out is reported as stale, and nothing is sent again under it', async () => {
  const { sharePoint } = await openWebPart('out-of-sync');
  const image = await graphPhotoOf('out-of-sync');
  const ticket = await sharePoint.prepareUpload(false);
  await control('/expire-digests');
  runtime.requests.length = 0;

  await rejectsWithKind(ticket.upload(image), 'staleDigest');
  assert.equal(sent('POST', CONTEXT_INFO).length, 0, 'no digest fetched behind the controller\'s back');
  assert.equal(sent('POST', SET_PICTURE).length, 1);
  assert.equal((await emulatorState('out-of-sync')).uploads, 0);
});

test('a digest SharePoint calls invalid is reported as stale', async () => {
  const { sharePoint } = await openWebPart('out-of-sync');
  const image = await graphPhotoOf('out-of-sync');
  await control('/faults', {
    origin: 'site', path: 'SetMyProfilePicture', method: 'POST', count: 1, status: 403,
    body: {
      'odata.error': {
        code: '-2130575251, Microsoft.SharePoint.SPException',
        message: {
          lang: 'en-US',
          value: "The security validation for this page is invalid and might be corrupted. Please use your web browser's Back button to try your operation again.",
        },
      },
    },
  });

  await rejectsWithKind((await sharePoint.prepareUpload(false)).upload(image), 'staleDigest');
  assert.equal((await emulatorState('out-of-sync')).uploads, 0);
});

test('a token service that cannot be reached reads as the network, also while the provider refuses to ask again', async () => {
  const user = users.find((candidate) => candidate.id === 'out-of-sync');
  const page = runtime.openPage({
    user,
    // What fetch does when there is no connection.
    acquireToken: async () => { throw new TypeError('Failed to fetch'); },
  });
  const services = await loadWebPartServices(runtime);
  const microsoft365 = new services.GraphPhotoService(services.graphTransport(await page.aadHttpClient(GRAPH_ORIGIN)), `${GRAPH_ORIGIN}/v1.0`, RETRY,
    services.graphToken(await page.aadTokenProvider(), GRAPH_ORIGIN));
  await rejectsWithKind(microsoft365.getMyPhoto(), 'network');
  // Now "Token request previously failed" for five minutes: still the network, not the administrator's business.
  await rejectsWithKind(microsoft365.getMyPhoto(), 'network');
});

test('an upload the tenant refuses is uploadRefused and not retried', async () => {
  const { sharePoint } = await openWebPart('upload-refused');
  await rejectsWithKind((await sharePoint.prepareUpload(false)).upload(await graphPhotoOf('upload-refused')), 'uploadRefused');
  assert.equal(sent('POST', SET_PICTURE).length, 1);
  const state = await emulatorState('upload-refused');
  assert.equal(state.refusedUploads, 1);
  assert.equal(state.uploads, 0);
});

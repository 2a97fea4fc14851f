import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emulatorForFile } from './test-helpers.mjs';

const { emu, client } = await emulatorForFile();

const MY_PROPERTIES = '/_api/SP.UserProfiles.PeopleManager/GetMyProperties';

/** @param {() => Promise<unknown>} action @returns {Promise<number>} ms */
async function timed(action) {
  const started = performance.now();
  await action();
  return performance.now() - started;
}

describe('config', () => {
  it('lists the three origins and one user per scenario', async () => {
    const config = await (await client.control('/config')).json();
    assert.deepEqual([config.siteUrl, config.mySiteHostUrl, config.graphUrl], [emu.siteUrl, emu.mySiteHostUrl, emu.graphUrl]);
    assert.deepEqual(
      config.users.map((/** @type {any} */ u) => u.id),
      ['in-sync', 'out-of-sync', 'placeholder', 'no-photo', 'consent-missing', 'throttled', 'upload-refused', 'stale', 'large-photo', 'entra-photo', 'new-photo-service', 'uploads-disabled', 'portrait-photo', 'landscape-photo'],
    );
    for (const user of config.users) {
      assert.equal(user.upn, `${user.id}@contoso.example`);
      assert.equal(user.scenario, user.id);
      assert.ok(user.displayName.length > 0);
    }
  });

  it('hands out Bearer tokens valid for an hour', async () => {
    const token = await (await client.control('/token?user=in-sync')).json();
    assert.equal(token.token_type, 'Bearer');
    assert.equal(token.expires_in, 3600);
    assert.equal(typeof token.access_token, 'string');
  });

  it('serves the page digest for its user only, as SharePoint writes it into the page', async () => {
    const page = await (await client.control('/page-context?user=out-of-sync')).json();
    assert.equal(page.formDigestTimeoutSeconds, 1800);
    assert.match(page.formDigestValue, /^0x[0-9A-F]+,\d{1,2} \w{3} \d{4} \d\d:\d\d:\d\d -0000$/);
    const upload = (/** @type {string} */ user) => client.site(user, '/_api/SP.UserProfiles.PeopleManager/SetMyProfilePicture', {
      method: 'POST', body: 'not a picture', headers: { 'x-requestdigest': page.formDigestValue },
    });
    // Accepted as a digest (the body is then refused for what it is), but not for another user.
    assert.equal((await upload('out-of-sync')).status, 400);
    assert.equal((await upload('in-sync')).status, 403);
    assert.equal((await client.control('/page-context?user=nobody')).status, 404);
  });

  it('reports an unknown user', async () => {
    assert.equal((await client.control('/token?user=nobody')).status, 400);
    assert.equal((await client.control('/state?user=nobody')).status, 404);
  });
});

describe('faults', () => {
  it('answers the next N matching requests, then normally', async () => {
    const created = await client.control('/faults', { origin: 'site', path: 'getmyproperties', count: 2, status: 503, body: { error: 'down' }, retryAfter: 2 });
    assert.equal(created.status, 201);
    assert.equal(typeof (await created.json()).id, 'number');
    for (let i = 0; i < 2; i++) {
      const res = await client.site('in-sync', MY_PROPERTIES);
      assert.equal(res.status, 503);
      assert.equal(res.headers.get('retry-after'), '2');
      assert.deepEqual(await res.json(), { error: 'down' });
    }
    assert.equal((await client.site('in-sync', MY_PROPERTIES)).status, 200);
  });

  it('matches the method when one is given', async () => {
    await client.control('/faults', { origin: 'site', path: '/_api/', method: 'POST', status: 500 });
    assert.equal((await client.site('in-sync', MY_PROPERTIES)).status, 200);
    assert.equal((await client.site('in-sync', '/_api/contextinfo', { method: 'POST' })).status, 500);
  });

  it('faults Graph with its CORS headers and leaves preflights alone', async () => {
    await client.control('/faults', { origin: 'graph', path: '/me/photo', status: 429, retryAfter: 1, body: { error: { code: 'TooManyRequests', message: 'Slow down' } } });
    const preflight = await fetch(`${emu.graphUrl}/v1.0/me/photo`, { method: 'OPTIONS', headers: { origin: emu.siteUrl, 'access-control-request-method': 'GET' } });
    assert.equal(preflight.status, 200);
    const res = await client.graph(await client.token('in-sync'), '/v1.0/me/photo', { headers: { origin: emu.siteUrl } });
    assert.equal(res.status, 429);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.equal(res.headers.get('retry-after'), '1');
  });

  it('faults the My Site host', async () => {
    await client.control('/faults', { origin: 'mysite', path: '_MThumb\\.jpg$', status: 404 });
    const res = await fetch(`${emu.mySiteHostUrl}/User%20Photos/Profile%20Pictures/in-sync_contoso_example_MThumb.jpg`, { headers: client.cookie('in-sync') });
    assert.equal(res.status, 404);
  });

  it('delays without changing the answer when status is 0', async () => {
    await client.control('/faults', { origin: 'site', path: 'getmyproperties', delayMs: 200 });
    /** @type {Response | undefined} */
    let res;
    const elapsed = await timed(async () => {
      res = await client.site('in-sync', MY_PROPERTIES);
    });
    assert.equal(res?.status, 200);
    assert.ok(elapsed >= 190, `took ${elapsed} ms`);
  });

  it('lets the first matching requests through when told to skip them', async () => {
    await client.control('/faults', { origin: 'site', path: 'getmyproperties', status: 500, skip: 1, count: 1 });
    assert.equal((await client.site('in-sync', MY_PROPERTIES)).status, 200);
    assert.equal((await client.site('in-sync', MY_PROPERTIES)).status, 500);
    assert.equal((await client.site('in-sync', MY_PROPERTIES)).status, 200);
  });

  it('drops the connection without an answer', async () => {
    await client.control('/faults', { origin: 'site', path: 'getmyproperties', drop: true });
    await assert.rejects(client.site('in-sync', MY_PROPERTIES), TypeError);
    assert.equal((await client.site('in-sync', MY_PROPERTIES)).status, 200);
  });

  it('faults only the given user\'s requests, on SharePoint by cookie and on Graph by token', async () => {
    await client.control('/faults', { origin: 'site', path: 'getmyproperties', status: 500, user: 'out-of-sync', count: 5 });
    await client.control('/faults', { origin: 'graph', path: '/me/photo$', status: 500, user: 'out-of-sync', count: 5 });
    assert.equal((await client.site('in-sync', MY_PROPERTIES)).status, 200);
    assert.equal((await client.site('out-of-sync', MY_PROPERTIES)).status, 500);
    assert.equal((await client.graph(await client.token('in-sync'), '/v1.0/me/photo')).status, 200);
    assert.equal((await client.graph(await client.token('out-of-sync'), '/v1.0/me/photo')).status, 500);
  });

  it('never faults the control surface', async () => {
    await client.control('/faults', { origin: 'site', path: '.*', count: 5, status: 500 });
    assert.equal((await client.control('/config')).status, 200);
    assert.equal((await client.control('/faults')).status, 200);
  });

  it('lists and clears faults', async () => {
    await client.control('/faults', { origin: 'graph', path: 'x', status: 500 });
    assert.equal((await (await client.control('/faults')).json()).faults.length, 1);
    assert.equal((await fetch(`${emu.siteUrl}/_emulator/faults`, { method: 'DELETE' })).status, 204);
    assert.deepEqual((await (await client.control('/faults')).json()).faults, []);
  });

  it('refuses an invalid fault with a readable message', async () => {
    const invalid = [
      { origin: 'exchange', path: 'x', status: 500 }, { origin: 'site', path: '(', status: 500 }, { origin: 'site', path: 'x' },
      { origin: 'site', path: 'x', drop: true, status: 500 }, { origin: 'site', path: 'x', status: 500, user: 7 },
    ];
    for (const fault of invalid) {
      const res = await client.control('/faults', fault);
      assert.equal(res.status, 400);
      assert.equal(typeof (await res.json()).error, 'string');
    }
  });
});

describe('requests', () => {
  it('counts the CORS preflights Graph answered since the last reset', async () => {
    await client.control('/reset', {});
    await fetch(`${emu.graphUrl}/v1.0/me/photo`, { method: 'OPTIONS', headers: { origin: emu.siteUrl, 'access-control-request-method': 'GET' } });
    assert.deepEqual(await (await client.control('/requests')).json(), { graphPreflights: 1 });
    await client.control('/reset', {});
    assert.deepEqual(await (await client.control('/requests')).json(), { graphPreflights: 0 });
  });
});

describe('users', () => {
  it('adds a user shaped like a seeded one, with an identity of its own, until the next reset', async () => {
    const created = await client.control('/users', { id: 'cell-1', like: 'out-of-sync' });
    assert.equal(created.status, 201);
    const { upn, objectId } = await created.json();
    assert.equal(upn, 'cell-1@contoso.example');
    const model = (await (await client.control('/config')).json()).users.find((u) => u.id === 'out-of-sync');
    assert.notEqual(objectId, model.objectId);
    const profile = await (await client.site('cell-1', MY_PROPERTIES)).json();
    assert.equal(profile.AccountName, 'i:0#.f|membership|cell-1@contoso.example');
    assert.equal((await client.control('/users', { id: 'cell-1', like: 'out-of-sync' })).status, 409);
    assert.equal((await client.control('/users', { id: 'cell-2', like: 'nobody' })).status, 409);
    assert.equal((await client.control('/users', { id: 'Not Valid', like: 'out-of-sync' })).status, 400);
    await client.control('/reset', {});
    assert.equal((await client.site('cell-1', MY_PROPERTIES)).status, 401);
  });
});

describe('latency', () => {
  it('delays every origin but not the control surface', async () => {
    assert.equal((await client.control('/latency', { ms: 150 })).status, 204);
    assert.ok((await timed(() => client.site('in-sync', MY_PROPERTIES))) >= 140);
    assert.ok((await timed(() => fetch(`${emu.graphUrl}/v1.0/me/photo`))) >= 140);
    assert.ok((await timed(() => client.control('/config'))) < 140);
  });
});

describe('reset', () => {
  it('restores photos, counters, faults, latency and options', async () => {
    const seeded = await client.state('out-of-sync');
    await client.control('/scenario-options', { uploadSuccessStatus: 204 });
    const png = /** @type {NonNullable<import('./state.mjs').UserState['graphPhoto']>} */ (emu.state.users.get('in-sync')?.graphPhoto).bytes;
    assert.equal((await client.upload('out-of-sync', png)).status, 204);
    await client.control('/faults', { origin: 'site', path: 'getmyproperties', status: 500 });
    await client.control('/latency', { ms: 300 });

    assert.equal((await fetch(`${emu.siteUrl}/_emulator/reset`, { method: 'POST' })).status, 204);
    assert.deepEqual(await client.state('out-of-sync'), seeded);
    assert.equal((await client.site('in-sync', MY_PROPERTIES)).status, 200);
    assert.ok((await timed(() => client.site('in-sync', MY_PROPERTIES))) < 300);
    assert.equal(emu.state.options.uploadSuccessStatus, 200);
  });

  it('validates scenario options', async () => {
    assert.equal((await client.control('/scenario-options', { uploadSuccessStatus: 201 })).status, 400);
    assert.equal((await client.control('/scenario-options', { staleForMs: -1 })).status, 400);
    const res = await client.control('/scenario-options', { staleForMs: 5 });
    assert.deepEqual(await res.json(), { staleForMs: 5, uploadSuccessStatus: 200, noPhotoAnswer: 'ImageNotFound', throttleRetryAfter: '1', uploadsDisabledAnswer: 200 });
    assert.equal((await client.control('/scenario-options', { throttleRetryAfter: 2 })).status, 400);
    // A refused request changes nothing, not even its valid fields.
    assert.equal((await client.control('/scenario-options', { noPhotoAnswer: 'ErrorEntityNotFound', uploadsDisabledAnswer: 500 })).status, 400);
    assert.equal((await (await client.control('/scenario-options', {})).json()).noPhotoAnswer, 'ImageNotFound');
  });
});

// What Teams needs of the SharePoint site: a team's site collection path, a session cookie that expires, and
// SharePoint's sign-in with a Teams single sign-on token (docs/dev/platform-facts.md#teams).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emulatorForFile } from './test-helpers.mjs';

const { emu, client } = await emulatorForFile();

const MY_PROPERTIES = '/_api/SP.UserProfiles.PeopleManager/GetMyProperties';
const AUTHENTICATE = '/_api/SP.OAuth.NativeClient/Authenticate';

/** @param {string} user @returns {Promise<string>} a token to the SharePoint origin, as Teams single sign-on gives */
async function sharePointToken(user) {
  const res = await client.control(`/token?user=${user}&resource=${encodeURIComponent(new URL(emu.siteUrl).origin)}`);
  assert.equal(res.status, 200);
  return (await res.json()).access_token;
}

/** @param {string} user */
async function expireSession(user) {
  const res = await client.control('/expire-session', { user });
  assert.equal(res.status, 204);
}

describe('a team site', () => {
  it('answers REST and userphoto.aspx under /sites/<name>, with its own URL in contextinfo', async () => {
    const profile = await client.site('in-sync', `/sites/marketing${MY_PROPERTIES}`);
    assert.equal(profile.status, 200);
    assert.equal((await profile.json()).AccountName, 'i:0#.f|membership|in-sync@contoso.example');
    const info = await client.site('in-sync', '/sites/marketing/_api/contextinfo', { method: 'POST' });
    assert.equal((await info.json()).WebFullUrl, `${emu.siteUrl}/sites/marketing`);
    const photo = await fetch(`${emu.siteUrl}/sites/marketing/_layouts/15/userphoto.aspx?size=L`, { headers: client.cookie('in-sync'), redirect: 'manual' });
    assert.equal(photo.status, 302);
  });
});

describe('an expired SharePoint session', () => {
  it('refuses every SharePoint request of that person with 401 until renewed, and nobody else\'s', async () => {
    await emu.reset();
    await expireSession('out-of-sync');
    assert.equal((await client.site('out-of-sync', MY_PROPERTIES)).status, 401);
    assert.equal((await fetch(`${emu.siteUrl}/_layouts/15/userphoto.aspx`, { headers: client.cookie('out-of-sync'), redirect: 'manual' })).status, 401);
    assert.equal((await client.site('in-sync', MY_PROPERTIES)).status, 200);
  });

  it('is renewed by SharePoint\'s sign-in with a token to the SharePoint origin, which sets the cookie', async () => {
    await emu.reset();
    await expireSession('out-of-sync');
    const res = await fetch(`${emu.siteUrl}${AUTHENTICATE}`, {
      method: 'POST', headers: { ...client.cookie('out-of-sync'), authorization: `Bearer ${await sharePointToken('out-of-sync')}`, 'x-featureversion': '2' }
    });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('set-cookie') ?? '', /^emulator-user=out-of-sync;/);
    assert.equal((await client.site('out-of-sync', MY_PROPERTIES)).status, 200);
  });

  it('signs in the person the token names, whoever the old cookie named', async () => {
    await emu.reset();
    const res = await fetch(`${emu.siteUrl}${AUTHENTICATE}`, {
      method: 'POST', headers: { ...client.cookie('in-sync'), authorization: `Bearer ${await sharePointToken('out-of-sync')}` }
    });
    assert.equal(res.status, 200);
    const cookie = /^(emulator-user=[^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
    assert.equal(cookie, 'emulator-user=out-of-sync');
    const profile = await fetch(`${emu.siteUrl}${MY_PROPERTIES}`, { headers: { accept: 'application/json;odata=nometadata', cookie } });
    assert.equal((await profile.json()).AccountName, 'i:0#.f|membership|out-of-sync@contoso.example');
  });

  it('is not renewed by a Graph token, a forged one or none', async () => {
    await emu.reset();
    await expireSession('out-of-sync');
    const graphToken = (await (await client.control('/token?user=out-of-sync')).json()).access_token;
    for (const authorization of [`Bearer ${graphToken}`, 'Bearer a.b.c', undefined]) {
      const headers = { ...client.cookie('out-of-sync'), ...(authorization ? { authorization } : {}) };
      assert.equal((await fetch(`${emu.siteUrl}${AUTHENTICATE}`, { method: 'POST', headers })).status, 401);
    }
    assert.equal((await client.site('out-of-sync', MY_PROPERTIES)).status, 401);
  });

  it('ends with a reset, and an unknown user is refused', async () => {
    await expireSession('placeholder');
    await emu.reset();
    assert.equal((await client.site('placeholder', MY_PROPERTIES)).status, 200);
    const res = await client.control('/expire-session', { user: 'nobody' });
    assert.equal(res.status, 404);
  });
});

describe('tokens to SharePoint', () => {
  it('are not taken by Graph, and no other resource is served', async () => {
    const res = await fetch(`${emu.graphUrl}/v1.0/me/photo`, { headers: { authorization: `Bearer ${await sharePointToken('in-sync')}` } });
    assert.equal(res.status, 401);
    assert.equal((await client.control('/token?user=in-sync&resource=https%3A%2F%2Fexample.com')).status, 400);
  });
});

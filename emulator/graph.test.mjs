import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { bytesOf, emulatorForFile, imageInfo } from './test-helpers.mjs';

const { emu, client } = await emulatorForFile();

/** @param {any} body @param {string} code */
function assertGraphError(body, code) {
  assert.equal(body.error.code, code);
  assert.equal(typeof body.error.message, 'string');
  assert.match(body.error.innerError.date, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
  assert.match(body.error.innerError['request-id'], /^[0-9a-f-]{36}$/);
  assert.equal(typeof body.error.innerError['client-request-id'], 'string');
}

describe('authentication', () => {
  it('answers 401 InvalidAuthenticationToken without a token', async () => {
    const res = await fetch(`${emu.graphUrl}/v1.0/me/photo`);
    assert.equal(res.status, 401);
    const body = await res.json();
    assertGraphError(body, 'InvalidAuthenticationToken');
    assert.equal(body.error.message, 'Access token is empty.');
  });

  it('answers 401 to a token it did not issue', async () => {
    const res = await client.graph('eyJ0eXAiOiJKV1QifQ.e30.forged', '/v1.0/me/photo');
    assert.equal(res.status, 401);
    assertGraphError(await res.json(), 'InvalidAuthenticationToken');
  });

  it('refuses a token for the consent-missing user with AADSTS65001', async () => {
    const res = await client.control('/token?user=consent-missing');
    assert.equal(res.status, 400);
    const body = await res.json();
    assert.equal(body.error, 'invalid_grant');
    assert.match(body.error_description, /AADSTS65001.*SharePoint Online Client Extensibility Web Application Principal/);
  });

  it('answers 403 ErrorAccessDenied to a token without consent', async () => {
    const { access_token: token } = await (await client.control('/token?user=consent-missing&force=true')).json();
    const res = await client.graph(token, '/v1.0/me/photo');
    assert.equal(res.status, 403);
    const body = await res.json();
    assertGraphError(body, 'ErrorAccessDenied');
    assert.equal(body.error.message, 'Access is denied. Check credentials and try again.');
  });
});

describe('/me', () => {
  it('answers whom the token speaks for, with just the properties $select asks for', async () => {
    const config = await (await client.control('/config')).json();
    const user = config.users.find((candidate) => candidate.id === 'in-sync');
    const res = await client.graph(await client.token('in-sync'), '/v1.0/me?$select=id,userPrincipalName');
    assert.equal(res.status, 200);
    const body = await res.json();
    assert.deepEqual(Object.keys(body).sort(), ['@odata.context', 'id', 'userPrincipalName']);
    assert.equal(body.id, user.objectId);
    assert.equal(body.userPrincipalName, user.upn);
    assert.match(body['@odata.context'], /\$metadata#users\(id,userPrincipalName\)\/\$entity$/);
  });

  it('answers the default properties without $select, and 400 for a property users do not have', async () => {
    const token = await client.token('in-sync');
    const all = await (await client.graph(token, '/v1.0/me')).json();
    assert.equal(typeof all.displayName, 'string');
    assert.equal(typeof all.id, 'string');
    const res = await client.graph(token, '/v1.0/me?$select=id,shoeSize');
    assert.equal(res.status, 400);
    assertGraphError(await res.json(), 'BadRequest');
  });
});

describe('photo metadata', () => {
  it('describes the largest photo', async () => {
    const res = await client.graph(await client.token('in-sync'), '/v1.0/me/photo');
    assert.equal(res.status, 200);
    const photo = await res.json();
    assert.match(photo['@odata.context'], /\/v1\.0\/\$metadata#users\('3f6c2a9e-1b47-4d0c-9e52-7a18c4b6d301'\)\/photo\/\$entity$/);
    assert.equal(photo['@odata.mediaContentType'], 'image/jpeg');
    assert.match(photo['@odata.mediaEtag'], /^"[0-9A-F]{8}"$/);
    assert.deepEqual([photo.id, photo.width, photo.height], ['648x648', 648, 648]);
  });

  it('lists the standard square sizes of a square photo', async () => {
    const { value } = await (await client.graph(await client.token('in-sync'), '/v1.0/me/photos')).json();
    assert.deepEqual(value.map((/** @type {any} */ p) => p.id), ['48x48', '64x64', '96x96', '120x120', '240x240', '360x360', '432x432', '504x504', '648x648']);
  });

  it('lists only the original of a non-square photo', async () => {
    const token = await client.token('large-photo');
    const { value } = await (await client.graph(token, '/v1.0/me/photos')).json();
    assert.deepEqual(value.map((/** @type {any} */ p) => [p.id, p.width, p.height]), [['3000x2000', 3000, 2000]]);
    assert.equal((await (await client.graph(token, '/v1.0/me/photo')).json()).id, '3000x2000');
  });

  it('answers 404 ImageNotFound when the user has no photo, the list of sizes included', async () => {
    const token = await client.token('no-photo');
    for (const path of ['/v1.0/me/photo', '/v1.0/me/photo/$value', '/v1.0/me/photos', '/v1.0/me/photos/48x48/$value']) {
      const res = await client.graph(token, path);
      assert.equal(res.status, 404);
      const body = await res.json();
      assertGraphError(body, 'ImageNotFound');
      assert.equal(body.error.message, "Exception of type 'Microsoft.Fast.Profile.Core.Exception.ImageNotFoundException' was thrown.");
    }
  });
});

describe('throttling', () => {
  it('sends the throttled user\'s Retry-After as told, fractional seconds included', async () => {
    await client.control('/scenario-options', { throttleRetryAfter: '2.128' });
    const res = await client.graph(await client.token('throttled'), '/v1.0/me/photo');
    assert.equal(res.status, 429);
    assert.equal(res.headers.get('retry-after'), '2.128');
    assertGraphError(await res.json(), 'TooManyRequests');
  });
});

describe('a photo stored in Entra ID', () => {
  it('is described as "default" and read whole from /me/photo/$value, while its listed sizes answer 404', async () => {
    const token = await client.token('entra-photo');
    const meta = await (await client.graph(token, '/v1.0/me/photo')).json();
    assert.deepEqual([meta.id, meta.width, meta.height], ['default', 256, 256]);
    const original = await client.graph(token, '/v1.0/me/photo/$value');
    assert.equal(original.status, 200);
    assert.deepEqual(await imageInfo(await bytesOf(original)), { width: 256, height: 256, format: 'jpeg' });
    const { value } = await (await client.graph(token, '/v1.0/me/photos')).json();
    assert.deepEqual(value.map((/** @type {any} */ p) => p.id), ['48x48', '64x64', '96x96', '120x120', '240x240']);
    const sized = await client.graph(token, '/v1.0/me/photos/240x240/$value');
    assert.equal(sized.status, 404);
    assertGraphError(await sized.json(), 'ImageNotFound');
  });
});

describe('the other faces of "no photo"', () => {
  for (const code of ['ErrorItemNotFound', 'ErrorEntityNotFound']) {
    it(`answers 404 ${code} when told to`, async () => {
      assert.equal((await client.control('/scenario-options', { noPhotoAnswer: code })).status, 200);
      const token = await client.token('no-photo');
      for (const path of ['/v1.0/me/photo', '/v1.0/me/photo/$value', '/v1.0/me/photos', '/v1.0/me/photos/48x48', '/v1.0/me/photos/48x48/$value']) {
        const res = await client.graph(token, path);
        assert.equal(res.status, 404, path);
        assertGraphError(await res.json(), code);
      }
    });
  }

  it('answers the documented 200 with a 1×1 GIF when told to', async () => {
    await client.control('/scenario-options', { noPhotoAnswer: 'oneByOneGif' });
    const token = await client.token('no-photo');
    const meta = await (await client.graph(token, '/v1.0/me/photo')).json();
    assert.deepEqual([meta.id, meta.width, meta.height, meta['@odata.mediaContentType'], meta['@odata.mediaEtag']], ['1x1', 1, 1, 'image/gif', '']);
    const bytes = await client.graph(token, '/v1.0/me/photo/$value');
    assert.equal(bytes.status, 200);
    assert.equal(bytes.headers.get('content-type'), 'image/gif');
    assert.deepEqual(await imageInfo(await bytesOf(bytes)), { width: 1, height: 1, format: 'gif' });
  });

  it('refuses an unknown answer and goes back to ImageNotFound on reset', async () => {
    assert.equal((await client.control('/scenario-options', { noPhotoAnswer: 'Nope' })).status, 400);
    await client.control('/scenario-options', { noPhotoAnswer: 'ErrorEntityNotFound' });
    await client.control('/reset', {});
    assertGraphError(await (await client.graph(await client.token('no-photo'), '/v1.0/me/photo')).json(), 'ImageNotFound');
  });
});

describe('photo bytes', () => {
  it('serves the original from /me/photo/$value with ETag and Cache-Control: private', async () => {
    const token = await client.token('large-photo');
    const res = await client.graph(token, '/v1.0/me/photo/$value', { headers: { 'if-none-match': '*' } });
    assert.equal(res.status, 200, 'If-None-Match is not supported');
    assert.equal(res.headers.get('content-type'), 'image/jpeg');
    assert.equal(res.headers.get('cache-control'), 'private');
    const meta = await (await client.graph(token, '/v1.0/me/photo')).json();
    assert.equal(res.headers.get('etag'), meta['@odata.mediaEtag']);
    const bytes = await bytesOf(res);
    assert.ok(bytes.length > 5_000_000);
    assert.deepEqual(await imageInfo(bytes), { width: 3000, height: 2000, format: 'jpeg' });
  });

  it('resizes to a requested square size', async () => {
    const res = await client.graph(await client.token('in-sync'), '/v1.0/me/photos/96x96/$value');
    assert.equal(res.status, 200);
    assert.deepEqual(await imageInfo(await bytesOf(res)), { width: 96, height: 96, format: 'jpeg' });
  });

  it('answers 404 ImageNotFound for a size the photo does not have', async () => {
    const res = await client.graph(await client.token('in-sync'), '/v1.0/me/photos/1024x1024/$value');
    assert.equal(res.status, 404);
    assertGraphError(await res.json(), 'ImageNotFound');
  });

  it('serves distinct photos to distinct users', async () => {
    const photos = await Promise.all(
      ['in-sync', 'out-of-sync', 'placeholder', 'throttled'].map(async (user) => bytesOf(await client.graph(await client.token(user), '/v1.0/me/photos/48x48/$value'))),
    );
    assert.equal(new Set(photos.map((p) => p.toString('base64'))).size, photos.length);
  });

  it('replaces the photo on PUT /me/photo/$value', async () => {
    const token = await client.token('no-photo');
    const png = await sharp({ create: { width: 300, height: 300, channels: 3, background: '#336699' } }).png().toBuffer();
    const put = await client.graph(token, '/v1.0/me/photo/$value', { method: 'PUT', body: png, headers: { 'content-type': 'image/png' } });
    assert.equal(put.status, 200);
    const meta = await (await client.graph(token, '/v1.0/me/photo')).json();
    assert.equal(meta.id, '300x300');
  });
});

describe('throttling', () => {
  it('answers the first two requests of the throttled user with 429 and Retry-After, then normally', async () => {
    const token = await client.token('throttled');
    for (let i = 0; i < 2; i++) {
      const res = await client.graph(token, '/v1.0/me/photo');
      assert.equal(res.status, 429);
      assert.equal(res.headers.get('retry-after'), '1');
      assertGraphError(await res.json(), 'TooManyRequests');
    }
    assert.equal((await client.graph(token, '/v1.0/me/photo')).status, 200);
    await emu.reset();
    assert.equal((await client.graph(token, '/v1.0/me/photo')).status, 429, 'a reset starts over');
  });
});

describe('CORS', () => {
  it('answers any origin with * (so only requests without credentials may read it) and exposes ETag', async () => {
    const res = await client.graph(await client.token('in-sync'), '/v1.0/me/photo/$value', { headers: { origin: emu.siteUrl } });
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.equal(res.headers.get('access-control-allow-credentials'), null);
    assert.match(res.headers.get('access-control-expose-headers') ?? '', /\bETag\b/);
  });

  it('answers * without an Origin header, and on errors too', async () => {
    const res = await fetch(`${emu.graphUrl}/v1.0/me/photo`);
    assert.equal(res.status, 401);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
  });

  it('answers the preflight and allows the Authorization header', async () => {
    const res = await fetch(`${emu.graphUrl}/v1.0/me/photo/$value`, {
      method: 'OPTIONS',
      headers: { origin: emu.siteUrl, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.match(res.headers.get('access-control-allow-headers') ?? '', /authorization/i);
    assert.match(res.headers.get('access-control-allow-methods') ?? '', /\bGET\b/);
  });
});

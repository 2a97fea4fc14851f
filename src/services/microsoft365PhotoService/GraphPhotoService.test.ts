/** @jest-environment node */
import { errorKindOf as kindOf } from '../../../test/support/errorKind';
import { FakeTransport } from '../../../test/support/FakeTransport';
import {
  CONSENT_MISSING_TOKEN_ERROR, GRAPH_ACCESS_DENIED, GRAPH_IMAGE_NOT_FOUND, GRAPH_INVALID_TOKEN, GRAPH_PHOTO_METADATA,
  GRAPH_THROTTLED
} from '../../../test/support/wirePayloads';
import { GraphPhotoService } from './GraphPhotoService';

const GRAPH: string = 'https://graph.microsoft.com/v1.0';
const JPEG_BYTES: Blob = new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])], { type: 'image/jpeg' });

/** A token shaped like Entra ID's: header, claims and signature, base64url. */
function tokenFor(claims: object): string {
  const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ typ: 'JWT', alg: 'RS256' })}.${part(claims)}.c2lnbmF0dXJl`;
}

const ADELE_TOKEN: string = tokenFor({ aud: 'https://graph.microsoft.com', oid: '306225cd-94aa-4c5f-9a13-1a2344795973', upn: 'adele@contoso.com', name: 'Adèle Vance' });

function serviceOver(transport: FakeTransport, waits: number[] = [], token: string = ADELE_TOKEN): GraphPhotoService {
  return new GraphPhotoService(transport, GRAPH, {
    policy: { maxRetries: 3, baseDelayMs: 1000, maxDelayMs: 10000 },
    delay: async (ms: number) => { waits.push(ms); }
  }, async () => token);
}

describe('GraphPhotoService', () => {
  it('reads the 648×648 photo and the metadata\'s etag in one round trip', async () => {
    const transport: FakeTransport = new FakeTransport()
      .on('GET', /\/me\/photo$/, { status: 200, body: GRAPH_PHOTO_METADATA })
      .on('GET', /\/me\/photos\/648x648\/\$value$/, { status: 200, headers: { 'Content-Type': 'image/jpeg', ETag: '"BA09D118"' }, body: JPEG_BYTES });

    const photo = await serviceOver(transport).getMyPhoto();

    expect(photo).toMatchObject({ etag: '"BA09D118"', width: 648, height: 648 });
    expect(new Uint8Array(await photo!.image.arrayBuffer())).toEqual(new Uint8Array(await JPEG_BYTES.arrayBuffer()));
    expect(transport.sent.map((request) => request.url)).toEqual([`${GRAPH}/me/photo`, `${GRAPH}/me/photos/648x648/$value`]);
  });

  it.each([
    ['smaller than 648 px', { id: '240x240', width: 240, height: 240 }],
    ['stored only in Entra ID, without standard sizes', { id: 'default', width: 3000, height: 2000 }]
  ])('reads /me/photo/$value for a photo %s, whose 648×648 path answers 404, never calling it no photo', async (_name, size) => {
    const transport: FakeTransport = new FakeTransport()
      .on('GET', /\/me\/photo$/, { status: 200, body: { ...GRAPH_PHOTO_METADATA, ...size } })
      .on('GET', /\/me\/photos\/648x648\/\$value$/, { status: 404, body: GRAPH_IMAGE_NOT_FOUND })
      .on('GET', /\/me\/photo\/\$value$/, { status: 200, headers: { 'Content-Type': 'image/Jpeg' }, body: JPEG_BYTES });

    expect(await serviceOver(transport).getMyPhoto()).toMatchObject({ width: size.width, height: size.height });
    expect(transport.count('GET', /\/me\/photo\/\$value$/)).toBe(1);
  });

  it.each([
    ['ImageNotFound', GRAPH_IMAGE_NOT_FOUND],
    ['ErrorItemNotFound', { error: { code: 'ErrorItemNotFound', message: "The photo wasn't found." } }],
    ['ErrorEntityNotFound', { error: { code: 'ErrorEntityNotFound', message: "Exception of type 'Microsoft.Fast.Profile.Core.Exception.ImageNotFoundException' was thrown." } }],
    ['with a code never seen before', { error: { code: 'SomethingNew', message: 'Not here.' } }]
  ])('treats 404 %s as no photo', async (_code, body) => {
    const transport: FakeTransport = new FakeTransport().on('GET', /./, { status: 404, body });

    expect(await serviceOver(transport).getMyPhoto()).toBeUndefined();
  });

  it('treats the documented 1×1 GIF as no photo, and uses no bytes', async () => {
    const transport: FakeTransport = new FakeTransport()
      .on('GET', /\/me\/photo$/, { status: 200, body: { '@odata.mediaContentType': 'image/gif', '@odata.mediaEtag': '', id: '1x1', width: 1, height: 1 } })
      .on('GET', /\/me\/photos\/648x648\/\$value$/, { status: 404, body: GRAPH_IMAGE_NOT_FOUND });

    expect(await serviceOver(transport).getMyPhoto()).toBeUndefined();
    expect(transport.count('GET', /\/me\/photo\/\$value$/)).toBe(0);
  });

  it('reports an expired sign-in for 401 and a missing permission for 403', async () => {
    const unauthorized: FakeTransport = new FakeTransport().on('GET', /./, { status: 401, body: GRAPH_INVALID_TOKEN });
    const denied: FakeTransport = new FakeTransport().on('GET', /./, { status: 403, body: GRAPH_ACCESS_DENIED });

    // A token Graph no longer takes is fixed by reloading, not by an administrator.
    expect(await kindOf(serviceOver(unauthorized).getMyPhoto())).toBe('signedOut');
    expect(await kindOf(serviceOver(denied).getMyPhoto())).toBe('permissionMissing');
  });

  it('reports a missing permission when getting the token fails with AADSTS65001', async () => {
    const transport: FakeTransport = new FakeTransport().on('GET', /./, new Error(CONSENT_MISSING_TOKEN_ERROR));

    expect(await kindOf(serviceOver(transport).getMyPhoto())).toBe('permissionMissing');
  });

  it('waits as Retry-After asks while Graph throttles, then succeeds', async () => {
    const throttled = { status: 429, headers: { 'Retry-After': '2' }, body: GRAPH_THROTTLED };
    const transport: FakeTransport = new FakeTransport()
      .on('GET', /\/me\/photo$/, throttled, throttled, { status: 200, body: GRAPH_PHOTO_METADATA })
      .on('GET', /\$value$/, { status: 200, headers: { 'Content-Type': 'image/jpeg' }, body: JPEG_BYTES });
    const waits: number[] = [];

    expect(await serviceOver(transport, waits).getMyPhoto()).toMatchObject({ width: 648 });
    expect(waits).toEqual([2000, 2000]);
  });

  it('gives up after the bounded retries and says Graph is throttling', async () => {
    const transport: FakeTransport = new FakeTransport().on('GET', /./, { status: 503, body: GRAPH_THROTTLED });
    const waits: number[] = [];

    expect(await kindOf(serviceOver(transport, waits).getMyPhoto())).toBe('throttled');
    // Without Retry-After: exponential back-off, three retries for each of the two parallel requests.
    expect(waits.sort((a, b) => a - b)).toEqual([1000, 1000, 2000, 2000, 4000, 4000]);
  });

  it('reads whom Graph answers for from the token it is sent, without a request', async () => {
    const transport: FakeTransport = new FakeTransport();

    expect(await serviceOver(transport).getMyIdentity()).toEqual({ loginName: 'adele@contoso.com', objectId: '306225cd-94aa-4c5f-9a13-1a2344795973' });
    expect(await serviceOver(transport, [], tokenFor({ oid: 'x', preferred_username: 'guest@fabrikam.com' })).getMyIdentity())
      .toEqual({ loginName: 'guest@fabrikam.com', objectId: 'x' });
    expect(transport.sent).toHaveLength(0);
    expect(await kindOf(serviceOver(transport, [], 'not a token').getMyIdentity())).toBe('badResponse');
    expect(await kindOf(serviceOver(transport, [], tokenFor({ upn: 'adele@contoso.com' })).getMyIdentity())).toBe('badResponse');
  });

  it('reports malformed JSON, a non-image body and a network failure as such', async () => {
    const malformed: FakeTransport = new FakeTransport().on('GET', /./, { status: 200, body: '{"id": "648x6' });
    const html: FakeTransport = new FakeTransport()
      .on('GET', /\/me\/photo$/, { status: 200, body: GRAPH_PHOTO_METADATA })
      .on('GET', /\$value$/, { status: 200, headers: { 'Content-Type': 'text/html' }, body: '<html>Sign in</html>' });
    const offline: FakeTransport = new FakeTransport().on('GET', /./, new TypeError('Failed to fetch'));

    expect(await kindOf(serviceOver(malformed).getMyPhoto())).toBe('badResponse');
    expect(await kindOf(serviceOver(html).getMyPhoto())).toBe('badResponse');
    expect(await kindOf(serviceOver(offline).getMyPhoto())).toBe('network');
  });
});

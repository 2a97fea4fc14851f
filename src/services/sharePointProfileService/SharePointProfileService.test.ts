/** @jest-environment node */
import { errorKindOf as kindOf } from '../../../test/support/errorKind';
import { FakeTransport } from '../../../test/support/FakeTransport';
import {
  CONTEXT_INFO, INVALID_PARAMETER_ERROR, MY_PROPERTIES_NOMETADATA, MY_PROPERTIES_PLACEHOLDER, MY_PROPERTIES_VERBOSE,
  STALE_DIGEST_ERROR, TIMED_OUT_DIGEST_ERROR
} from '../../../test/support/wirePayloads';
import { spfi, SPFx } from '@pnp/sp';
import { IRetryOptions } from '../transport/sendWithRetry';
import { SendWithRetry } from './sendWithRetryBehavior';
import { SharePointProfileService } from './SharePointProfileService';

const SITE: string = 'https://contoso.sharepoint.com/sites/intranet';
const PHOTO: Blob = new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 9, 9])], { type: 'image/jpeg' });
const SET_PICTURE: RegExp = /setmyprofilepicture$/i;
const MY_PROPERTIES: RegExp = /getmyproperties$/i;
const CONTEXT_INFO_URL: RegExp = /\/_api\/contextinfo$/;
const RETRY: IRetryOptions = { policy: { maxRetries: 2, baseDelayMs: 10, maxDelayMs: 10000 }, delay: async () => undefined };

let webs: number = 0;

/**
 * The service as the web part builds it (createSP in createSyncController.ts), sending through a fake. Each test gets
 * a web of its own: pnpjs keeps request digests per web for as long as the module lives.
 */
function serviceOver(transport: FakeTransport): SharePointProfileService {
  const web: string = `${SITE}${++webs}`;
  const context = { pageContext: { web: { absoluteUrl: web }, legacyPageContext: {} } } as Parameters<typeof SPFx>[0];
  const send = (url: string, init: RequestInit): ReturnType<FakeTransport['fetch']> => transport.fetch(url.replace(web, SITE), {
    method: init.method === 'POST' ? 'POST' : 'GET',
    headers: init.headers as Record<string, string>,
    body: init.body as ArrayBuffer | string | undefined
  });
  return new SharePointProfileService(spfi().using(SPFx(context), SendWithRetry(send, RETRY)), { fetch: (url, request) => transport.fetch(url.replace(web, SITE), request) }, `${web}/`, RETRY);
}

async function bytesOf(body: unknown): Promise<number[]> {
  return Array.from(new Uint8Array(body instanceof Blob ? await body.arrayBuffer() : body as ArrayBuffer));
}

describe('SharePointProfileService.getMyProfile', () => {
  it('reads the picture properties from the nometadata answer', async () => {
    const transport: FakeTransport = new FakeTransport().on('GET', MY_PROPERTIES, { status: 200, body: MY_PROPERTIES_NOMETADATA });

    const profile = await serviceOver(transport).getMyProfile();

    expect(profile).toMatchObject({
      accountName: 'i:0#.f|membership|adele@contoso.com',
      email: 'adele@contoso.com',
      displayName: 'Adele Vance',
      pictureTimestamp: '63871724126',
      isPlaceholder: false,
      pullsFromMicrosoft365: true
    });
    expect(profile.pictureChangedAt?.toISOString()).toBe('2025-01-06T01:35:26.000Z');
    expect(transport.sent[0].url).toBe(`${SITE}/_api/sp.userprofiles.peoplemanager/getmyproperties`);
    expect(transport.sent[0].headers).toMatchObject({ Accept: 'application/json' });
  });

  it('reads the same from the verbose answer', async () => {
    const transport: FakeTransport = new FakeTransport().on('GET', MY_PROPERTIES, { status: 200, body: MY_PROPERTIES_VERBOSE });

    expect(await serviceOver(transport).getMyProfile()).toMatchObject({ pictureTimestamp: '63871724126', isPlaceholder: false });
  });

  it('reports a placeholder when SharePoint has no picture, and that the sync from Microsoft 365 is off', async () => {
    const transport: FakeTransport = new FakeTransport().on('GET', MY_PROPERTIES, { status: 200, body: MY_PROPERTIES_PLACEHOLDER });

    expect(await serviceOver(transport).getMyProfile()).toMatchObject({
      isPlaceholder: true, pictureUrl: undefined, pictureChangedAt: undefined, pullsFromMicrosoft365: false
    });
  });

  it('does not call a real picture a placeholder because the placeholder state is empty', async () => {
    const properties = MY_PROPERTIES_NOMETADATA.UserProfileProperties.map((p) => p.Key === 'SPS-PicturePlaceholderState' ? { ...p, Value: '' } : p);
    const transport: FakeTransport = new FakeTransport().on('GET', MY_PROPERTIES, { status: 200, body: { ...MY_PROPERTIES_NOMETADATA, UserProfileProperties: properties } });

    expect(await serviceOver(transport).getMyProfile()).toMatchObject({ isPlaceholder: false });
  });

  it('rejects malformed or unexpected answers as bad responses, and 401 as signed out', async () => {
    const malformed: FakeTransport = new FakeTransport().on('GET', /./, { status: 200, body: '<html>' });
    const unexpected: FakeTransport = new FakeTransport().on('GET', /./, { status: 200, body: { value: [] } });
    const signedOut: FakeTransport = new FakeTransport().on('GET', /./, { status: 401, body: '' });

    expect(await kindOf(serviceOver(malformed).getMyProfile())).toBe('badResponse');
    expect(await kindOf(serviceOver(unexpected).getMyProfile())).toBe('badResponse');
    expect(await kindOf(serviceOver(signedOut).getMyProfile())).toBe('signedOut');
  });
});

describe('SharePointProfileService.getMyPicture', () => {
  it('reads the large picture from the current site with the timestamp as cache-buster', async () => {
    const transport: FakeTransport = new FakeTransport()
      .on('GET', MY_PROPERTIES, { status: 200, body: MY_PROPERTIES_NOMETADATA })
      .on('GET', /userphoto\.aspx/, { status: 200, headers: { 'Content-Type': 'image/jpeg' }, body: PHOTO });
    const service: SharePointProfileService = serviceOver(transport);

    await service.getMyPicture(await service.getMyProfile());

    expect(transport.sent[1].url).toBe(`${SITE}/_layouts/15/userphoto.aspx?size=L&accountname=adele%40contoso.com&t=63871724126`);
    // Its link carries no picture version: the browser must not answer from its cache.
    expect(transport.sent[1].cache).toBe('no-cache');
  });

  it('asks again once when the signed photo link it was redirected to has gone stale', async () => {
    const transport: FakeTransport = new FakeTransport()
      .on('GET', MY_PROPERTIES, { status: 200, body: MY_PROPERTIES_NOMETADATA })
      .on('GET', /userphoto\.aspx/, { status: 403, body: 'The photo link has expired.' }, { status: 200, headers: { 'Content-Type': 'image/jpeg' }, body: PHOTO });
    const service: SharePointProfileService = serviceOver(transport);

    const picture: Blob = await service.getMyPicture(await service.getMyProfile());

    expect(picture.size).toBe(PHOTO.size);
    expect(transport.count('GET', /userphoto\.aspx/)).toBe(2);
  });

  it('looks the picture up by the UPN from the claims login when the email address differs', async () => {
    const transport: FakeTransport = new FakeTransport()
      .on('GET', MY_PROPERTIES, { status: 200, body: { ...MY_PROPERTIES_NOMETADATA, AccountName: 'i:0#.f|membership|a.vance@contoso.onmicrosoft.com' } })
      .on('GET', /userphoto\.aspx/, { status: 200, headers: { 'Content-Type': 'image/jpeg' }, body: PHOTO });
    const service: SharePointProfileService = serviceOver(transport);

    await service.getMyPicture(await service.getMyProfile());

    expect(transport.sent[1].url).toContain('accountname=a.vance%40contoso.onmicrosoft.com&');
  });
});

describe('SharePointProfileService.setMyProfilePicture', () => {
  it('posts the raw bytes with a request digest from contextinfo', async () => {
    const transport: FakeTransport = new FakeTransport()
      .on('POST', CONTEXT_INFO_URL, { status: 200, body: CONTEXT_INFO })
      .on('POST', SET_PICTURE, { status: 200, body: { 'odata.null': true } });

    await serviceOver(transport).setMyProfilePicture(PHOTO);

    const upload = transport.sent.filter((r) => SET_PICTURE.test(r.url))[0];
    expect(upload.url).toBe(`${SITE}/_api/sp.userprofiles.peoplemanager/setmyprofilepicture`);
    expect(upload.headers['X-RequestDigest']).toBe(CONTEXT_INFO.FormDigestValue);
    expect(await bytesOf(upload.body)).toEqual(await bytesOf(PHOTO));
  });

  it('accepts 204 as success and reuses the digest while it is valid', async () => {
    const transport: FakeTransport = new FakeTransport()
      .on('POST', CONTEXT_INFO_URL, { status: 200, body: CONTEXT_INFO })
      .on('POST', SET_PICTURE, { status: 204 });
    const service: SharePointProfileService = serviceOver(transport);

    await service.setMyProfilePicture(PHOTO);
    await service.setMyProfilePicture(PHOTO);

    expect(transport.count('POST', CONTEXT_INFO_URL)).toBe(1);
  });

  it.each([
    ['invalid', STALE_DIGEST_ERROR],
    ['timed out', TIMED_OUT_DIGEST_ERROR]
  ])('fetches a fresh digest once when SharePoint calls the digest %s, and sends again with it', async (_name, error) => {
    const transport: FakeTransport = new FakeTransport()
      .on('POST', CONTEXT_INFO_URL, { status: 200, body: { ...CONTEXT_INFO, FormDigestValue: 'old' } }, { status: 200, body: { ...CONTEXT_INFO, FormDigestValue: 'fresh' } })
      .on('POST', SET_PICTURE, { status: 403, body: error }, { status: 200, body: { 'odata.null': true } });

    await serviceOver(transport).setMyProfilePicture(PHOTO);

    const digests: string[] = transport.sent.filter((r) => SET_PICTURE.test(r.url)).map((r) => r.headers['X-RequestDigest']);
    expect(digests).toEqual(['old', 'fresh']);
  });

  it('stops after one retry when the digest is refused again', async () => {
    const transport: FakeTransport = new FakeTransport()
      .on('POST', CONTEXT_INFO_URL, { status: 200, body: CONTEXT_INFO })
      .on('POST', SET_PICTURE, { status: 403, body: STALE_DIGEST_ERROR });

    expect(await kindOf(serviceOver(transport).setMyProfilePicture(PHOTO))).toBe('uploadRefused');
    expect(transport.count('POST', SET_PICTURE)).toBe(2);
  });

  it('reports a refused upload for 400 and other 403s, without retrying', async () => {
    const invalid: FakeTransport = new FakeTransport()
      .on('POST', CONTEXT_INFO_URL, { status: 200, body: CONTEXT_INFO })
      .on('POST', SET_PICTURE, { status: 400, body: INVALID_PARAMETER_ERROR });
    const denied: FakeTransport = new FakeTransport()
      .on('POST', CONTEXT_INFO_URL, { status: 200, body: CONTEXT_INFO })
      .on('POST', SET_PICTURE, { status: 403, body: { 'odata.error': { code: '-2147024891, System.UnauthorizedAccessException', message: { value: 'Access denied.' } } } });

    expect(await kindOf(serviceOver(invalid).setMyProfilePicture(PHOTO))).toBe('uploadRefused');
    expect(await kindOf(serviceOver(denied).setMyProfilePicture(PHOTO))).toBe('uploadRefused');
    expect(denied.count('POST', SET_PICTURE)).toBe(1);
  });

  it('waits as SharePoint asks while it throttles the upload, then sends it', async () => {
    const transport: FakeTransport = new FakeTransport()
      .on('POST', CONTEXT_INFO_URL, { status: 200, body: CONTEXT_INFO })
      .on('POST', SET_PICTURE, { status: 429, headers: { 'Retry-After': '1' }, body: '' }, { status: 200, body: { 'odata.null': true } });

    await serviceOver(transport).setMyProfilePicture(PHOTO);

    expect(transport.count('POST', SET_PICTURE)).toBe(2);
  });
});

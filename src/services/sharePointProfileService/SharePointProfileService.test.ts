/** @jest-environment node */
import { errorKindOf as kindOf } from '../../../test/support/errorKind';
import { FakeTransport, IFakeAnswer } from '../../../test/support/FakeTransport';
import {
  CONTEXT_INFO, INVALID_PARAMETER_ERROR, MY_PROPERTIES_NOMETADATA, MY_PROPERTIES_PLACEHOLDER, MY_PROPERTIES_VERBOSE,
  STALE_DIGEST_ERROR, TIMED_OUT_DIGEST_ERROR
} from '../../../test/support/wirePayloads';
import { spfi, SPFx } from '@pnp/sp';
import { IRetryOptions } from '../transport/sendWithRetry';
import { SendWithRetry } from './sendWithRetryBehavior';
import { IPageDigest, SharePointProfileService } from './SharePointProfileService';

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
function serviceOver(transport: FakeTransport, pageDigest?: IPageDigest, sessionRenewals: () => number = () => 0): SharePointProfileService {
  const web: string = `${SITE}${++webs}`;
  const context = { pageContext: { web: { absoluteUrl: web }, legacyPageContext: {} } } as Parameters<typeof SPFx>[0];
  const send = (url: string, init: RequestInit): ReturnType<FakeTransport['fetch']> => transport.fetch(url.replace(web, SITE), {
    method: init.method === 'POST' ? 'POST' : 'GET',
    headers: init.headers as Record<string, string>,
    body: init.body as ArrayBuffer | string | undefined
  });
  return new SharePointProfileService(spfi().using(SPFx(context), SendWithRetry(send, RETRY)), { fetch: (url, request) => transport.fetch(url.replace(web, SITE), request) }, `${web}/`, RETRY, () => pageDigest, sessionRenewals);
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

describe('SharePointProfileService.getPicture', () => {
  it('reads the large picture from the current site by UPN, asking past the browser cache', async () => {
    const transport: FakeTransport = new FakeTransport()
      .on('GET', /userphoto\.aspx/, { status: 200, headers: { 'Content-Type': 'image/jpeg' }, body: PHOTO });

    await serviceOver(transport).getPicture('Adele@contoso.com');

    expect(transport.sent[0].url).toBe(`${SITE}/_layouts/15/userphoto.aspx?size=L&accountname=adele%40contoso.com`);
    // Its link carries no picture version: the browser must not answer from its cache.
    expect(transport.sent[0].cache).toBe('no-cache');
  });

  it('asks again once when the signed photo link it was redirected to has gone stale', async () => {
    const transport: FakeTransport = new FakeTransport()
      .on('GET', /userphoto\.aspx/, { status: 403, body: 'The photo link has expired.' }, { status: 200, headers: { 'Content-Type': 'image/jpeg' }, body: PHOTO });

    const picture: Blob = await serviceOver(transport).getPicture('adele@contoso.com');

    expect(picture.size).toBe(PHOTO.size);
    expect(transport.count('GET', /userphoto\.aspx/)).toBe(2);
  });

  it('looks the picture up by the UPN at the end of a claims login', async () => {
    const transport: FakeTransport = new FakeTransport()
      .on('GET', /userphoto\.aspx/, { status: 200, headers: { 'Content-Type': 'image/jpeg' }, body: PHOTO });

    await serviceOver(transport).getPicture('i:0#.f|membership|a.vance@contoso.onmicrosoft.com');

    expect(transport.sent[0].url).toContain('accountname=a.vance%40contoso.onmicrosoft.com');
  });

  it.each([
    ['an HTML page', 200, 'text/html', '<html>sign in</html>', 'badResponse'],
    ['a server error', 500, 'text/plain', 'error', 'unexpected'],
    ['an expired sign-in', 401, 'text/plain', '', 'signedOut']
  ])('refuses %s instead of a picture', async (_name, status, type, body, kind) => {
    const transport: FakeTransport = new FakeTransport().on('GET', /userphoto\.aspx/, { status, headers: { 'Content-Type': type }, body });

    expect(await kindOf(serviceOver(transport).getPicture('adele@contoso.com'))).toBe(kind);
  });
});

describe('SharePointProfileService.prepareUpload', () => {
  it('reads the profile and a fresh digest together, and posts the raw bytes with that digest', async () => {
    const transport: FakeTransport = new FakeTransport()
      .on('POST', CONTEXT_INFO_URL, { status: 200, body: CONTEXT_INFO })
      .on('GET', MY_PROPERTIES, { status: 200, body: MY_PROPERTIES_NOMETADATA })
      .on('POST', SET_PICTURE, { status: 200, body: { 'odata.null': true } });

    const ticket = await serviceOver(transport).prepareUpload(true);
    expect(ticket.profile).toMatchObject({ accountName: 'i:0#.f|membership|adele@contoso.com', objectId: '306225cd-94aa-4c5f-9a13-1a2344795973' });
    await ticket.upload(PHOTO);

    const upload = transport.sent.filter((r) => SET_PICTURE.test(r.url))[0];
    expect(upload.url).toBe(`${SITE}/_api/sp.userprofiles.peoplemanager/setmyprofilepicture`);
    expect(upload.headers['X-RequestDigest']).toBe(CONTEXT_INFO.FormDigestValue);
    expect(await bytesOf(upload.body)).toEqual(await bytesOf(PHOTO));
    // pnpjs asked for no digest of its own.
    expect(transport.count('POST', CONTEXT_INFO_URL)).toBe(1);
  });

  it('uses the page\'s digest while it is valid, and asks contextinfo once it has expired or was refused', async () => {
    const answers = (): FakeTransport => new FakeTransport()
      .on('POST', CONTEXT_INFO_URL, { status: 200, body: CONTEXT_INFO })
      .on('GET', MY_PROPERTIES, { status: 200, body: MY_PROPERTIES_NOMETADATA })
      .on('POST', SET_PICTURE, { status: 200, body: { 'odata.null': true } });
    const fresh: IPageDigest = { value: `0xPAGE,${new Date(Date.now() - 60000).toUTCString()}`, timeoutSeconds: 1800 };
    const old: IPageDigest = { value: `0xPAGE,${new Date(Date.now() - 1800000).toUTCString()}`, timeoutSeconds: 1800 };

    const onPage: FakeTransport = answers();
    await (await serviceOver(onPage, fresh).prepareUpload(false)).upload(PHOTO);
    expect(onPage.count('POST', CONTEXT_INFO_URL)).toBe(0);
    expect(onPage.sent.filter((r) => SET_PICTURE.test(r.url))[0].headers['X-RequestDigest']).toBe(fresh.value);

    const expired: FakeTransport = answers();
    await (await serviceOver(expired, old).prepareUpload(false)).upload(PHOTO);
    expect(expired.count('POST', CONTEXT_INFO_URL)).toBe(1);

    const renewed: FakeTransport = answers();
    await (await serviceOver(renewed, fresh).prepareUpload(true)).upload(PHOTO);
    expect(renewed.count('POST', CONTEXT_INFO_URL)).toBe(1);
  });

  it.each([
    ['204', { status: 204 }],
    ['200 {"odata.null":true}', { status: 200, body: { 'odata.null': true } }],
    ['200 verbose', { status: 200, body: { d: { SetMyProfilePicture: null } } }]
  ])('takes %s as SharePoint accepting the picture', async (_name, answer) => {
    const transport: FakeTransport = new FakeTransport()
      .on('POST', CONTEXT_INFO_URL, { status: 200, body: CONTEXT_INFO })
      .on('GET', MY_PROPERTIES, { status: 200, body: MY_PROPERTIES_NOMETADATA })
      .on('POST', SET_PICTURE, answer);

    await (await serviceOver(transport).prepareUpload(true)).upload(PHOTO);
  });

  it.each([
    ['an HTML sign-in page', { status: 200, headers: { 'Content-Type': 'text/html' }, body: '<html><form action="/_forms/default.aspx"></form></html>' }],
    ['malformed JSON', { status: 200, body: '{"odata.null":' }],
    ['text/plain', { status: 200, headers: { 'Content-Type': 'text/plain' }, body: 'OK' }],
    ['an empty body', { status: 200, body: '' }],
    ['another JSON answer', { status: 200, body: { value: 'done' } }]
  ])('does not take 200 with %s as accepted', async (_name, answer) => {
    const transport: FakeTransport = new FakeTransport()
      .on('POST', CONTEXT_INFO_URL, { status: 200, body: CONTEXT_INFO })
      .on('GET', MY_PROPERTIES, { status: 200, body: MY_PROPERTIES_NOMETADATA })
      .on('POST', SET_PICTURE, answer);

    expect(await kindOf((await serviceOver(transport).prepareUpload(true)).upload(PHOTO))).toBe('badResponse');
  });

  it.each([
    ['invalid', STALE_DIGEST_ERROR],
    ['timed out', TIMED_OUT_DIGEST_ERROR]
  ])('reports a digest SharePoint calls %s as stale, without fetching one under whatever account is signed in', async (_name, error) => {
    const transport: FakeTransport = new FakeTransport()
      .on('POST', CONTEXT_INFO_URL, { status: 200, body: CONTEXT_INFO })
      .on('GET', MY_PROPERTIES, { status: 200, body: MY_PROPERTIES_NOMETADATA })
      .on('POST', SET_PICTURE, { status: 403, body: error });

    expect(await kindOf((await serviceOver(transport).prepareUpload(true)).upload(PHOTO))).toBe('staleDigest');
    expect(transport.count('POST', CONTEXT_INFO_URL)).toBe(1);
    expect(transport.count('POST', SET_PICTURE)).toBe(1);
  });

  it('never writes under a SharePoint session renewed after, or while, its ticket was read', async () => {
    const answering = (): FakeTransport => new FakeTransport()
      .on('POST', CONTEXT_INFO_URL, { status: 200, body: CONTEXT_INFO })
      .on('GET', MY_PROPERTIES, { status: 200, body: MY_PROPERTIES_NOMETADATA })
      .on('POST', SET_PICTURE, { status: 401, body: '' }, { status: 200, body: { 'odata.null': true } });
    let renewals: number = 0;

    // Renewed while the profile and the digest were read: no ticket.
    const during: FakeTransport = answering();
    const reading = serviceOver(during, undefined, () => renewals).prepareUpload(true);
    renewals++;
    expect(await kindOf(reading)).toBe('sessionRenewed');

    // Renewed between the ticket and the upload: nothing is sent.
    const between: FakeTransport = answering();
    const ticket = await serviceOver(between, undefined, () => renewals).prepareUpload(true);
    renewals++;
    expect(await kindOf(ticket.upload(PHOTO))).toBe('sessionRenewed');
    expect(between.count('POST', SET_PICTURE)).toBe(0);

    // Refused for the expired session, which its 401 then renewed: stored nothing, ask for a new ticket.
    const refused: FakeTransport = answering();
    const next = await serviceOver(refused, undefined, () => renewals).prepareUpload(true);
    const upload = next.upload(PHOTO);
    renewals++;
    expect(await kindOf(upload)).toBe('sessionRenewed');
    expect(refused.count('POST', SET_PICTURE)).toBe(1);
  });

  it('reports an upload refused for an expired session that was not renewed as signed out', async () => {
    const transport: FakeTransport = new FakeTransport()
      .on('POST', CONTEXT_INFO_URL, { status: 200, body: CONTEXT_INFO })
      .on('GET', MY_PROPERTIES, { status: 200, body: MY_PROPERTIES_NOMETADATA })
      .on('POST', SET_PICTURE, { status: 401, body: '' });
    expect(await kindOf((await serviceOver(transport).prepareUpload(true)).upload(PHOTO))).toBe('signedOut');
  });

  it('reports a refused upload for 400 and other 403s, without retrying', async () => {
    const refusing = (answer: IFakeAnswer): FakeTransport => new FakeTransport()
      .on('POST', CONTEXT_INFO_URL, { status: 200, body: CONTEXT_INFO })
      .on('GET', MY_PROPERTIES, { status: 200, body: MY_PROPERTIES_NOMETADATA })
      .on('POST', SET_PICTURE, answer);
    const invalid: FakeTransport = refusing({ status: 400, body: INVALID_PARAMETER_ERROR });
    const denied: FakeTransport = refusing({ status: 403, body: { 'odata.error': { code: '-2147024891, System.UnauthorizedAccessException', message: { value: 'Access denied.' } } } });

    expect(await kindOf((await serviceOver(invalid).prepareUpload(true)).upload(PHOTO))).toBe('uploadRefused');
    expect(await kindOf((await serviceOver(denied).prepareUpload(true)).upload(PHOTO))).toBe('uploadRefused');
    expect(denied.count('POST', SET_PICTURE)).toBe(1);
  });

  it('waits as SharePoint asks while it throttles the upload, then sends it', async () => {
    const transport: FakeTransport = new FakeTransport()
      .on('POST', CONTEXT_INFO_URL, { status: 200, body: CONTEXT_INFO })
      .on('GET', MY_PROPERTIES, { status: 200, body: MY_PROPERTIES_NOMETADATA })
      .on('POST', SET_PICTURE, { status: 429, headers: { 'Retry-After': '1' }, body: '' }, { status: 200, body: { 'odata.null': true } });

    await (await serviceOver(transport).prepareUpload(true)).upload(PHOTO);

    expect(transport.count('POST', SET_PICTURE)).toBe(2);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import portraits from './portraits.cjs';
import { bytesOf, colourDistance, emulatorForFile, imageInfo, meanColour } from './test-helpers.mjs';
import { YEAR_ONE_TO_UNIX_SECONDS } from './timestamps.mjs';

const MY_PROPERTIES = '/_api/SP.UserProfiles.PeopleManager/GetMyProperties';
const DIGEST_ERROR = {
  'odata.error': {
    code: '-2130575251, Microsoft.SharePoint.SPException',
    message: {
      lang: 'en-US',
      value: "The security validation for this page is invalid and might be corrupted. Please use your web browser's Back button to try your operation again.",
    },
  },
};
const TIMED_OUT_DIGEST_ERROR = {
  'odata.error': {
    code: '-2130575252, Microsoft.SharePoint.SPException',
    message: {
      lang: 'en-US',
      value: 'The security validation for this page has timed out. Click Back in your Web browser, refresh the page, and try your operation again.',
    },
  },
};
const INVALID_PARAMETER = { 'odata.error': { code: '-2147024809, System.ArgumentException', message: { lang: 'en-US', value: 'Parameter is not valid.' } } };
const ACCESS_DENIED = {
  'odata.error': {
    code: '-2147024891, System.UnauthorizedAccessException',
    message: { lang: 'en-US', value: 'Access denied. You do not have permission to perform this action or access this resource.' },
  },
};

const { emu, client } = await emulatorForFile();
/** A portrait none of the seeded users has, as PNG (SharePoint accepts PNG; the thumbnails come back as JPEG). */
const uploadPng = await sharp(
  await portraits.renderPortrait({ ...portraits.PORTRAITS.amara, background: '#b91c1c', accent: '#fecaca', backdrop: 'checker' }, 300),
).png().toBuffer();

/** @param {{ UserProfileProperties: { Key: string, Value: string }[] }} person @param {string} key */
const property = (person, key) => person.UserProfileProperties.find((p) => p.Key === key)?.Value;

/** @param {string} user @param {'S'|'M'|'L'} size @returns {Promise<Response>} */
async function thumbnail(user, size) {
  const { sharePoint } = await client.state(user);
  const url = sharePoint.pictureUrl ?? `${emu.mySiteHostUrl}/User%20Photos/Profile%20Pictures/${user}_contoso_example_MThumb.jpg`;
  return fetch(url.replace(/\?t=.*$/, '').replace('_MThumb', `_${size}Thumb`), { headers: client.cookie(user) });
}

describe('GetMyProperties', () => {
  it('answers only the properties $select names, in every flavour, and 400 for one PersonProperties lacks', async () => {
    const selected = await (await client.site('out-of-sync', `${MY_PROPERTIES}?$select=AccountName,PictureUrl`)).json();
    assert.deepEqual(Object.keys(selected).sort(), ['AccountName', 'PictureUrl']);
    assert.match(selected.PictureUrl, /_MThumb\.jpg\?t=\d+$/);
    const minimal = await (await client.site('out-of-sync', `${MY_PROPERTIES}?$select=accountname,pictureurl`, { headers: { accept: 'application/json' } })).json();
    assert.deepEqual(Object.keys(minimal).filter((key) => !key.startsWith('odata.')).sort(), ['AccountName', 'PictureUrl']);
    const verbose = await (await client.site('out-of-sync', `${MY_PROPERTIES}?$select=AccountName`, { headers: { accept: 'application/json;odata=verbose' } })).json();
    assert.deepEqual(Object.keys(verbose.d).sort(), ['AccountName', '__metadata']);
    const placeholder = await (await client.site('placeholder', `${MY_PROPERTIES}?$select=AccountName,PictureUrl`)).json();
    assert.equal(placeholder.PictureUrl, null);
    const unknown = await client.site('out-of-sync', `${MY_PROPERTIES}?$select=AccountName,ShoeSize`);
    assert.equal(unknown.status, 400);
    assert.match((await unknown.json())['odata.error']?.message?.value ?? '', /ShoeSize/);
  });

  it('answers a flat object with odata=nometadata', async () => {
    const res = await client.site('out-of-sync', MY_PROPERTIES);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/json;odata=nometadata;streaming=true;charset=utf-8');
    const person = await res.json();
    assert.equal(person.AccountName, 'i:0#.f|membership|out-of-sync@contoso.example');
    assert.equal(person.DisplayName, 'Bogdan Ionescu');
    assert.equal(person.PersonalSiteHostUrl, `${emu.mySiteHostUrl}/`);
    assert.ok(Array.isArray(person.UserProfileProperties));
    assert.ok(person.UserProfileProperties.length >= 20);
    assert.ok(person.UserProfileProperties.every((/** @type {any} */ p) => p.ValueType === 'Edm.String'));
    assert.equal(property(person, 'PictureURL'), `${emu.mySiteHostUrl}/User%20Photos/Profile%20Pictures/out-of-sync_contoso_example_MThumb.jpg`);
    assert.equal(person.PictureUrl, `${property(person, 'PictureURL')}?t=${property(person, 'SPS-PictureTimestamp')}`);
    assert.equal(property(person, 'SPS-PicturePlaceholderState'), '0');
    assert.equal(property(person, 'SPS-PictureExchangeSyncState'), '1');
    assert.equal(property(person, 'msOnline-ObjectId'), '8d2e41b7-5c90-4f3a-b6e1-29a7f0c45d12');
    assert.equal('odata.metadata' in person, false);
  });

  it('counts the picture timestamp in seconds since 0001-01-01', async () => {
    const person = await (await client.site('out-of-sync', MY_PROPERTIES)).json();
    const unixSeconds = Number(property(person, 'SPS-PictureTimestamp')) - YEAR_ONE_TO_UNIX_SECONDS;
    assert.equal(new Date(unixSeconds * 1000).toISOString(), '2023-03-14T09:30:00.000Z');
  });

  it('wraps the object in d and results with odata=verbose', async () => {
    const res = await client.site('in-sync', MY_PROPERTIES, { headers: { accept: 'application/json;odata=verbose' } });
    const { d } = await res.json();
    assert.equal(d.__metadata.type, 'SP.UserProfiles.PersonProperties');
    assert.equal(d.UserProfileProperties.__metadata.type, 'Collection(SP.KeyValue)');
    const picture = d.UserProfileProperties.results.find((/** @type {any} */ p) => p.Key === 'PictureURL');
    assert.deepEqual(picture.__metadata, { type: 'SP.KeyValue' });
    assert.match(d.PictureUrl, /_MThumb\.jpg\?t=\d{11}$/);
  });

  it('adds odata.metadata for plain application/json, as pnpjs asks', async () => {
    const res = await client.site('in-sync', MY_PROPERTIES.toLowerCase(), { headers: { accept: 'application/json' } });
    assert.equal(res.status, 200);
    const person = await res.json();
    assert.match(person['odata.metadata'], /\/_api\/\$metadata#/);
    assert.equal(person['odata.type'], 'SP.UserProfiles.PersonProperties');
    assert.ok(Array.isArray(person.UserProfileProperties));
  });

  it('reports a placeholder when SharePoint has no picture', async () => {
    const person = await (await client.site('placeholder', MY_PROPERTIES)).json();
    assert.equal(property(person, 'PictureURL'), '');
    assert.equal(property(person, 'SPS-PictureTimestamp'), '');
    assert.equal(property(person, 'SPS-PicturePlaceholderState'), '1');
    assert.equal(person.PictureUrl, null);
  });

  it('answers 401 with the SharePoint error body without a known user cookie', async () => {
    for (const headers of /** @type {Record<string, string>[]} */ ([{}, { cookie: 'emulator-user=nobody' }])) {
      const res = await fetch(`${emu.siteUrl}${MY_PROPERTIES}`, { headers: { accept: 'application/json;odata=nometadata', ...headers } });
      assert.equal(res.status, 401);
      assert.deepEqual(await res.json(), ACCESS_DENIED);
    }
  });

  it('answers 404 for an unknown REST resource', async () => {
    const res = await client.site('in-sync', '/_api/SP.UserProfiles.PeopleManager/NoSuchMethod');
    assert.equal(res.status, 404);
    assert.match((await res.json())['odata.error'].code, /ResourceNotFoundException/);
  });
});

describe('contextinfo and the request digest', () => {
  it('hands out a digest in both formats', async () => {
    const flat = await (await client.site('in-sync', '/_api/contextinfo', { method: 'POST' })).json();
    assert.equal(flat.FormDigestTimeoutSeconds, 1800);
    assert.match(flat.FormDigestValue, /^0x[0-9A-F]{128},\d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} -0000$/);
    assert.equal(flat.WebFullUrl, emu.siteUrl);

    const res = await client.site('in-sync', '/_api/contextinfo', { method: 'POST', headers: { accept: 'application/json;odata=verbose' } });
    const info = (await res.json()).d.GetContextWebInformation;
    assert.equal(info.FormDigestTimeoutSeconds, 1800);
    assert.deepEqual(info.SupportedSchemaVersions.results, ['14.0.0.0', '15.0.0.0']);
  });

  it('answers 406 to odata=nometadata asked for with OData-Version 4.0, and serves it with the version empty or 3.0', async () => {
    const ask = (/** @type {string | undefined} */ version) => client.site('out-of-sync', MY_PROPERTIES, {
      headers: { accept: 'application/json;odata=nometadata', ...(version === undefined ? {} : { 'odata-version': version }) },
    });
    const refused = await ask('4.0');
    assert.equal(refused.status, 406);
    assert.match((await refused.json())['odata.error'].code, /^-1, /);
    for (const version of [undefined, '', '3.0']) assert.equal((await ask(version)).status, 200, `OData-Version ${version}`);
  });

  it('refuses a POST without a digest with 403 -2130575251', async () => {
    const res = await client.site('out-of-sync', '/_api/SP.UserProfiles.PeopleManager/SetMyProfilePicture', { method: 'POST', body: uploadPng });
    assert.equal(res.status, 403);
    assert.deepEqual(await res.json(), DIGEST_ERROR);
  });

  it('uses the verbose error envelope for verbose requests', async () => {
    const res = await client.site('out-of-sync', '/_api/SP.UserProfiles.PeopleManager/SetMyProfilePicture', {
      method: 'POST', body: uploadPng, headers: { accept: 'application/json;odata=verbose' },
    });
    assert.equal(res.status, 403);
    assert.deepEqual(await res.json(), { error: DIGEST_ERROR['odata.error'] });
  });

  it('calls an expired digest timed out (-2130575252), and a tampered or foreign one invalid (-2130575251)', async () => {
    const digest = await client.digest('out-of-sync');
    assert.equal((await client.control('/expire-digests', {})).status, 204);
    const stale = await client.upload('out-of-sync', uploadPng, { 'x-requestdigest': digest });
    assert.equal(stale.status, 403);
    assert.deepEqual(await stale.json(), TIMED_OUT_DIGEST_ERROR);

    const tampered = await client.upload('out-of-sync', uploadPng, { 'x-requestdigest': `0x${digest[2] === '0' ? '1' : '0'}${digest.slice(3)}` });
    assert.equal(tampered.status, 403);
    assert.deepEqual(await tampered.json(), DIGEST_ERROR);

    const foreign = await client.upload('out-of-sync', uploadPng, { 'x-requestdigest': await client.digest('in-sync') });
    assert.equal(foreign.status, 403);
    assert.deepEqual(await foreign.json(), DIGEST_ERROR);
    assert.equal((await client.state('out-of-sync')).uploads, 0);
  });

  it('accepts a POST with a valid digest', async () => {
    const res = await client.upload('out-of-sync', uploadPng);
    assert.equal(res.status, 200);
  });
});

describe('SetMyProfilePicture', () => {
  it('regenerates the three thumbnails from the uploaded picture', async () => {
    const before = await bytesOf(await thumbnail('out-of-sync', 'L'));
    const res = await client.upload('out-of-sync', uploadPng);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { 'odata.null': true });

    const uploaded = await meanColour(uploadPng);
    for (const [size, side] of /** @type {const} */ ([['S', 48], ['M', 72], ['L', 300]])) {
      const thumb = await thumbnail('out-of-sync', size);
      assert.equal(thumb.status, 200);
      assert.equal(thumb.headers.get('content-type'), 'image/jpeg');
      const bytes = await bytesOf(thumb);
      assert.deepEqual(await imageInfo(bytes), { width: side, height: side, format: 'jpeg' });
      assert.ok(colourDistance(await meanColour(bytes), uploaded) < 12, `${size} thumbnail looks like the upload`);
    }
    assert.ok(colourDistance(await meanColour(before), uploaded) > 40, 'the old thumbnail looked different');
    const state = await client.state('out-of-sync');
    assert.equal(state.uploads, 1);
    assert.deepEqual([state.sharePoint.width, state.sharePoint.height], [300, 300]);
  });

  it('advances the timestamp to now, in seconds since year 1, and strictly on every upload', async () => {
    const first = await client.state('out-of-sync');
    await client.upload('out-of-sync', uploadPng);
    const second = await client.state('out-of-sync');
    await client.upload('out-of-sync', uploadPng);
    const third = await client.state('out-of-sync');
    const nowSinceYearOne = Date.now() / 1000 + YEAR_ONE_TO_UNIX_SECONDS;
    assert.ok(second.sharePoint.timestamp > first.sharePoint.timestamp);
    assert.ok(Math.abs(second.sharePoint.timestamp - nowSinceYearOne) < 5);
    assert.ok(third.sharePoint.timestamp > second.sharePoint.timestamp);
    assert.equal(third.sharePoint.pictureUrl.endsWith(`?t=${third.sharePoint.timestamp}`), true);
    assert.equal(third.uploads, 2);
  });

  it('gives a placeholder profile a real picture', async () => {
    assert.equal((await thumbnail('placeholder', 'M')).status, 404);
    assert.equal((await client.upload('placeholder', uploadPng)).status, 200);
    const person = await (await client.site('placeholder', MY_PROPERTIES)).json();
    assert.equal(property(person, 'SPS-PicturePlaceholderState'), '0');
    assert.match(property(person, 'PictureURL') ?? '', /placeholder_contoso_example_MThumb\.jpg$/);
    assert.equal((await thumbnail('placeholder', 'M')).status, 200);
  });

  it('accepts a BMP', async () => {
    const res = await client.upload('out-of-sync', await bmpOf(uploadPng));
    assert.equal(res.status, 200);
    const thumb = await bytesOf(await thumbnail('out-of-sync', 'L'));
    assert.ok(colourDistance(await meanColour(thumb), await meanColour(uploadPng)) < 12);
  });

  it('answers 400 "Parameter is not valid." to empty, unreadable and oversized bodies', async () => {
    const before = await client.state('out-of-sync');
    const oversized = /** @type {NonNullable<import('./state.mjs').UserState['graphPhoto']>} */ (emu.state.users.get('large-photo')?.graphPhoto).bytes;
    assert.ok(oversized.length > 5_000_000);
    const truncated = uploadPng.subarray(0, uploadPng.length / 2);
    const gif = await sharp(uploadPng).gif().toBuffer();
    for (const body of [Buffer.alloc(0), Buffer.from('{"not":"an image"}'), truncated, gif, oversized]) {
      const res = await client.upload('out-of-sync', body);
      assert.equal(res.status, 400);
      assert.deepEqual(await res.json(), INVALID_PARAMETER);
    }
    assert.deepEqual(await client.state('out-of-sync'), before);
  });

  it('answers 204 when told to, since 200 or 204 is unverified', async () => {
    await client.control('/scenario-options', { uploadSuccessStatus: 204 });
    const res = await client.upload('out-of-sync', uploadPng);
    assert.equal(res.status, 204);
    assert.equal(await res.text(), '');
  });

  it('refuses the upload in the upload-refused scenario and changes nothing', async () => {
    const before = await client.state('upload-refused');
    const res = await client.upload('upload-refused', uploadPng);
    assert.equal(res.status, 403);
    assert.deepEqual(await res.json(), ACCESS_DENIED);
    const after = await client.state('upload-refused');
    assert.deepEqual(after.sharePoint, before.sharePoint);
    assert.equal(after.uploads, 0);
    assert.equal(after.refusedUploads, 1);
  });

  it('in the stale scenario, stores the upload at once but serves the old picture through userphoto.aspx for a while', async () => {
    await client.control('/scenario-options', { staleForMs: 400 });
    const viaLayouts = async () => bytesOf(await client.site('stale', '/_layouts/15/userphoto.aspx?size=L&accountname=stale@contoso.example'));
    const old = await viaLayouts();
    const before = await client.state('stale');
    assert.equal((await client.upload('stale', uploadPng)).status, 200);
    const after = await client.state('stale');
    assert.ok(after.sharePoint.timestamp > before.sharePoint.timestamp);
    assert.equal(after.uploads, 1);
    assert.deepEqual(await viaLayouts(), old);
    // The My Site files, which PictureUrl points to, are new already.
    const stored = await bytesOf(await thumbnail('stale', 'L'));
    assert.ok(colourDistance(await meanColour(stored), await meanColour(uploadPng)) < 12);

    await new Promise((resolve) => setTimeout(resolve, 450));
    assert.ok(colourDistance(await meanColour(await viaLayouts()), await meanColour(uploadPng)) < 12);
  });

  it('with local uploads turned off, answers 200 and stores nothing, or refuses with 400 or 403 as told', async () => {
    const before = await client.state('uploads-disabled');
    const ignored = await client.upload('uploads-disabled', uploadPng);
    assert.equal(ignored.status, 200);
    let after = await client.state('uploads-disabled');
    assert.deepEqual(after.sharePoint, before.sharePoint);
    assert.deepEqual([after.uploads, after.ignoredUploads, after.refusedUploads], [0, 1, 0]);

    await client.control('/scenario-options', { uploadsDisabledAnswer: 400 });
    const invalid = await client.upload('uploads-disabled', uploadPng);
    assert.equal(invalid.status, 400);
    assert.deepEqual(await invalid.json(), INVALID_PARAMETER);
    await client.control('/scenario-options', { uploadsDisabledAnswer: 403 });
    const denied = await client.upload('uploads-disabled', uploadPng);
    assert.equal(denied.status, 403);
    assert.deepEqual(await denied.json(), ACCESS_DENIED);
    after = await client.state('uploads-disabled');
    assert.deepEqual(after.sharePoint, before.sharePoint);
    assert.deepEqual([after.uploads, after.ignoredUploads, after.refusedUploads], [0, 1, 2]);
  });

  it('changes only the signed-in user', async () => {
    const other = await client.state('in-sync');
    await client.upload('out-of-sync', uploadPng);
    assert.deepEqual(await client.state('in-sync'), other);
  });
});

describe('SetSingleValueProfileProperty', () => {
  /** @param {string} user @param {object} body */
  const setProperty = async (user, body) =>
    client.site(user, '/_api/SP.UserProfiles.PeopleManager/SetSingleValueProfileProperty', {
      method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', 'x-requestdigest': await client.digest(user) },
    });

  it('refuses the picture properties with PropertyNotEditableException', async () => {
    for (const propertyName of ['PictureURL', 'SPS-PictureTimestamp', 'SPS-PicturePlaceholderState']) {
      const res = await setProperty('out-of-sync', { accountName: 'i:0#.f|membership|out-of-sync@contoso.example', propertyName, propertyValue: 'x' });
      assert.equal(res.status, 500);
      assert.match((await res.json())['odata.error'].code, /PropertyNotEditableException/);
    }
  });

  it("refuses another user's profile", async () => {
    const res = await setProperty('out-of-sync', { accountName: 'in-sync@contoso.example', propertyName: 'AboutMe', propertyValue: 'x' });
    assert.equal(res.status, 403);
  });

  it('stores an editable property on the own profile', async () => {
    const res = await setProperty('out-of-sync', { accountName: 'out-of-sync@contoso.example', propertyName: 'AboutMe', propertyValue: 'Hi' });
    assert.equal(res.status, 200);
    assert.equal(property(await (await client.site('out-of-sync', MY_PROPERTIES)).json(), 'AboutMe'), 'Hi');
  });
});

describe('the large thumbnail keeps the photo\'s shape', () => {
  for (const [user, size] of /** @type {const} */ ([['portrait-photo', { width: 300, height: 400 }], ['landscape-photo', { width: 300, height: 225 }]])) {
    it(`serves ${user} at ${size.width}×${size.height} through userphoto.aspx?size=L`, async () => {
      const res = await client.site(user, `/_layouts/15/userphoto.aspx?size=L&accountname=${user}@contoso.example`);
      assert.deepEqual(await imageInfo(await bytesOf(res)), { ...size, format: 'jpeg' });
    });
  }

  it('serves the large placeholder at 250×150 and the small ones square', async () => {
    const large = await client.site('no-photo', '/_layouts/15/userphoto.aspx?size=L&accountname=no-photo@contoso.example');
    assert.deepEqual(await imageInfo(await bytesOf(large)), { width: 250, height: 150, format: 'jpeg' });
    const medium = await client.site('no-photo', '/_layouts/15/userphoto.aspx?size=M&accountname=no-photo@contoso.example');
    assert.deepEqual(await imageInfo(await bytesOf(medium)), { width: 72, height: 72, format: 'jpeg' });
  });
});

describe('the new photo service (MC653734)', () => {
  it('serves the Microsoft 365 photo through userphoto.aspx while the profile and the My Site files keep the old copy', async () => {
    const served = await bytesOf(await client.site('new-photo-service', '/_layouts/15/userphoto.aspx?size=L&accountname=new-photo-service@contoso.example'));
    const files = await bytesOf(await thumbnail('new-photo-service', 'L'));
    const graph = await bytesOf(await client.graph(await client.token('new-photo-service'), '/v1.0/me/photo/$value'));
    assert.ok(colourDistance(await meanColour(served), await meanColour(graph)) < colourDistance(await meanColour(files), await meanColour(graph)));
    const state = await client.state('new-photo-service');
    assert.equal(state.sharePoint.timestamp, 63766080000, 'the timestamp of the old copy: 2021-09-01 08:00 UTC in seconds since year 1');
  });

  it('follows a new Microsoft 365 photo through userphoto.aspx, with PictureUrl and the timestamp unchanged', async () => {
    const userphoto = '/_layouts/15/userphoto.aspx?size=L&accountname=new-photo-service@contoso.example';
    const before = await client.state('new-photo-service');
    const red = await sharp({ create: { width: 648, height: 648, channels: 3, background: '#cc2222' } }).jpeg().toBuffer();
    const put = await client.graph(await client.token('new-photo-service'), '/v1.0/me/photo/$value', { method: 'PUT', body: red, headers: { 'content-type': 'image/jpeg' } });
    assert.equal(put.status, 200);

    const served = await meanColour(await bytesOf(await client.site('new-photo-service', userphoto)));
    assert.ok(colourDistance(served, [204, 34, 34]) < 20, `userphoto.aspx serves the new photo (mean ${JSON.stringify(served)})`);
    const after = await client.state('new-photo-service');
    assert.deepEqual([after.sharePoint.timestamp, after.sharePoint.pictureUrl], [before.sharePoint.timestamp, before.sharePoint.pictureUrl]);
    // The My Site files keep the old copy.
    const files = await meanColour(await bytesOf(await thumbnail('new-photo-service', 'L')));
    assert.ok(colourDistance(files, [204, 34, 34]) > 60);
  });
});

describe('userphoto.aspx', () => {
  it('serves size S by default, and M and L, cached for a day', async () => {
    for (const [query, side] of /** @type {const} */ ([['', 48], ['size=S&', 48], ['size=M&', 72], ['size=l&', 300]])) {
      const res = await client.site('in-sync', `/_layouts/15/userphoto.aspx?${query}accountname=in-sync@contoso.example&t=123`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'image/jpeg');
      assert.equal(res.headers.get('cache-control'), 'private, max-age=86400');
      assert.equal((await imageInfo(await bytesOf(res))).width, side);
    }
  });

  it("serves another user's picture, found by UPN or claims name", async () => {
    const byUpn = await bytesOf(await client.site('in-sync', '/_layouts/15/userphoto.aspx?size=M&accountname=out-of-sync@contoso.example'));
    const byClaims = await bytesOf(await client.site('in-sync', `/_layouts/15/userphoto.aspx?size=M&AccountName=${encodeURIComponent('i:0#.f|membership|out-of-sync@contoso.example')}`));
    const own = await bytesOf(await client.site('in-sync', '/_layouts/15/userphoto.aspx?size=M'));
    assert.deepEqual(byUpn, byClaims);
    assert.notDeepEqual(byUpn, own);
    assert.deepEqual(byUpn, await bytesOf(await thumbnail('out-of-sync', 'M')));
  });

  it('redirects to a signed afdcache link on the same origin, which refuses a forged or stale token', async () => {
    const res = await client.site('in-sync', '/_layouts/15/userphoto.aspx?size=L&accountname=in-sync@contoso.example', { redirect: 'manual' });
    assert.equal(res.status, 302);
    const location = new URL(res.headers.get('location'), emu.siteUrl);
    assert.equal(location.origin, emu.siteUrl);
    assert.equal(location.pathname, '/_vti_bin/afdcache.ashx/_userprofile/userphoto.jpg');

    const followed = await fetch(location);
    assert.equal(followed.status, 200);
    assert.equal((await imageInfo(await bytesOf(followed))).width, 300);

    const forged = new URL(location);
    forged.searchParams.set('_oat_', `${location.searchParams.get('_oat_')}0`);
    const refused = await fetch(forged);
    assert.equal(refused.status, 403);
    assert.equal(await refused.text(), 'Time-Limited URL validation failed.');
  });

  it('links every photo through one signed base valid for hours, with no picture version, so an upload keeps the URL', async () => {
    const locate = async (/** @type {string} */ user, /** @type {string} */ query) =>
      new URL((await client.site(user, `/_layouts/15/userphoto.aspx?${query}`, { redirect: 'manual' })).headers.get('location') ?? '', emu.siteUrl);
    const mine = await locate('out-of-sync', 'size=L&accountname=out-of-sync@contoso.example');
    const theirs = await locate('in-sync', 'size=M&accountname=in-sync@contoso.example');
    assert.equal(mine.searchParams.get('_oat_'), theirs.searchParams.get('_oat_'));
    assert.deepEqual([mine.searchParams.get('size'), mine.searchParams.get('accountName')], ['L', 'out-of-sync@contoso.example']);
    assert.deepEqual([...mine.searchParams.keys()], ['_oat_', 'P1', 'P2', 'P3', 'P4', 'size', 'accountName']);
    const hoursLeft = (Number(mine.searchParams.get('P1')) - Date.now() / 1000) / 3600;
    assert.ok(hoursLeft > 7 && hoursLeft <= 10, `${hoursLeft} h`);

    assert.equal((await client.upload('out-of-sync', uploadPng)).status, 200);
    const afterUpload = await locate('out-of-sync', 'size=L&accountname=out-of-sync@contoso.example&t=999');
    assert.equal(afterUpload.href, mine.href);
  });

  it('serves a grey silhouette, never a 404, without a picture or for an unknown account', async () => {
    for (const account of ['placeholder@contoso.example', 'no-photo@contoso.example', 'nobody@contoso.example']) {
      const res = await client.site('in-sync', `/_layouts/15/userphoto.aspx?size=L&accountname=${account}`);
      assert.equal(res.status, 200);
      const [r, g, b] = await meanColour(await bytesOf(res));
      assert.ok(Math.max(r, g, b) - Math.min(r, g, b) < 4, 'grey');
    }
  });
});

describe('My Site host', () => {
  it('serves thumbnails without any CORS header', async () => {
    const res = await fetch(`${emu.mySiteHostUrl}/User%20Photos/Profile%20Pictures/in-sync_contoso_example_MThumb.jpg`, {
      headers: { ...client.cookie('in-sync'), origin: emu.siteUrl },
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'image/jpeg');
    assert.deepEqual([...res.headers.keys()].filter((k) => k.startsWith('access-control-')), []);
  });

  it('answers 401 without the user cookie', async () => {
    const res = await fetch(`${emu.mySiteHostUrl}/User%20Photos/Profile%20Pictures/in-sync_contoso_example_MThumb.jpg`);
    assert.equal(res.status, 401);
  });
});

/**
 * Encodes an image as a 24-bit bottom-up BMP.
 * @param {Buffer} image
 * @returns {Promise<Buffer>}
 */
async function bmpOf(image) {
  const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const stride = Math.ceil((info.width * 3) / 4) * 4;
  const bmp = Buffer.alloc(54 + stride * info.height);
  bmp.write('BM', 0, 'ascii');
  bmp.writeUInt32LE(bmp.length, 2);
  bmp.writeUInt32LE(54, 10);
  bmp.writeUInt32LE(40, 14);
  bmp.writeInt32LE(info.width, 18);
  bmp.writeInt32LE(info.height, 22);
  bmp.writeUInt16LE(1, 26);
  bmp.writeUInt16LE(24, 28);
  for (let y = 0; y < info.height; y++) {
    for (let x = 0; x < info.width; x++) {
      const s = ((info.height - 1 - y) * info.width + x) * 3;
      const d = 54 + y * stride + x * 3;
      bmp[d] = data[s + 2];
      bmp[d + 1] = data[s + 1];
      bmp[d + 2] = data[s];
    }
  }
  return bmp;
}

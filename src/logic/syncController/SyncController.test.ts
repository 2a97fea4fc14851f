/** @jest-environment node */
import sharp from 'sharp';
import { PhotoSyncError } from '../PhotoSyncError';
import { IMicrosoft365Photo } from '../../models/IMicrosoft365Photo';
import { renderLargePhoto, renderPlaceholderSilhouette, renderPortrait } from '../../../test/support/emulatorPortraits';
import { ADELE, FakeMicrosoft365, FakeSharePoint, IFakeSharePointOptions, jpegBlob } from '../../../test/support/fakeServices';
import { IRecentCheck, IRecentCheckStore } from '../nudge/IRecentCheck';
import { personKey } from '../identity';
import { FakeTransport } from '../../../test/support/FakeTransport';
import { SharpImageCodec } from '../../../test/support/SharpImageCodec';
import { GRAPH_PHOTO_METADATA, GRAPH_THROTTLED, graphPhotoSizes } from '../../../test/support/wirePayloads';
import { GraphPhotoService } from '../../services/microsoft365PhotoService/GraphPhotoService';
import { IMicrosoft365PhotoService } from './IMicrosoft365PhotoService';
import { IAutoResyncAttempt, IResyncMemory, IStoredResync } from './IResyncMemory';
import { IKeptCheck, IKeptCheckStore } from './IKeptCheckStore';
import { IPerson, upnOf } from '../identity';
import { ISyncState, SyncPhase } from './ISyncState';
import { SyncController } from './SyncController';

let current: Buffer;
let older: Buffer;
let placeholder: Buffer;

beforeAll(async () => {
  [current, older, placeholder] = await Promise.all([
    renderPortrait('bogdan', 648),
    renderPortrait('bogdanOld', 648),
    renderPlaceholderSilhouette(240)
  ]);
});

function photo(bytes: Buffer, side: number = 648): IMicrosoft365Photo {
  return { etag: '"BA09D118"', width: side, height: side, image: jpegBlob(bytes) };
}

async function thumbnailOf(bytes: Buffer): Promise<Buffer> {
  return sharp(bytes).resize(240, 240).jpeg({ quality: 70 }).toBuffer();
}

interface IHarness {
  controller: SyncController;
  sharePoint: FakeSharePoint;
  phases: SyncPhase[];
  waits: number[];
}

const BOGDAN: IPerson = { loginName: 'bogdan@contoso.example', objectId: 'a4d1f0c2-5b6e-4f7a-8c9d-0e1f2a3b4c5d' };

/** An in-memory IResyncMemory, as the browser's local storage would keep it across visits. */
function memoryInMap(): IResyncMemory {
  const stored: Map<string, IStoredResync> = new Map();
  const auto: Map<string, IAutoResyncAttempt> = new Map();
  return {
    recall: (account) => stored.get(account),
    remember: (account, resync) => { stored.set(account, resync); },
    forget: (account) => { stored.delete(account); },
    recallAutoResync: (account) => auto.get(account),
    rememberAutoResync: (account, attempt) => { auto.set(account, attempt); },
    keepOnly: (account) => {
      for (const map of [stored, auto] as Array<Map<string, unknown>>) {
        Array.from(map.keys()).filter((key) => upnOf(key) !== upnOf(account)).forEach((key) => map.delete(key));
      }
    }
  };
}

function harness(
  microsoft365: IMicrosoft365PhotoService,
  sharePoint: Partial<IFakeSharePointOptions>,
  autoResync: boolean = false,
  extra: { memory?: IResyncMemory; resyncBudgetMs?: number; keptChecks?: IKeptCheckStore; person?: IPerson; recentChecks?: IRecentCheckStore } = {}
): IHarness {
  const fakeSharePoint: FakeSharePoint = new FakeSharePoint({ picture: undefined, placeholder, onUpload: 'accept', ...sharePoint });
  const waits: number[] = [];
  const controller: SyncController = new SyncController({
    microsoft365,
    sharePoint: fakeSharePoint,
    codec: new SharpImageCodec(),
    sensitivity: 'standard',
    autoResync,
    verifyDelaysMs: [0, 2000, 5000],
    delay: async (ms: number) => { waits.push(ms); },
    person: ADELE,
    ...extra
  });
  const phases: SyncPhase[] = [];
  controller.subscribe((state: ISyncState) => {
    if (phases[phases.length - 1] !== state.phase) {
      phases.push(state.phase);
    }
  });
  return { controller, sharePoint: fakeSharePoint, phases, waits };
}

describe('SyncController.check', () => {
  it('finds a photo and its re-encoded SharePoint thumbnail in sync, and will not upload', async () => {
    const { controller, sharePoint, phases } = harness(new FakeMicrosoft365(photo(current)), { picture: await thumbnailOf(current) });

    await controller.check();
    await controller.resync();

    expect(controller.state.verdict).toEqual({ kind: 'inSync' });
    expect(phases).toEqual(['checking', 'ready']);
    expect(sharePoint.uploads).toHaveLength(0);
  });

  it('finds two different portraits out of sync', async () => {
    const { controller } = harness(new FakeMicrosoft365(photo(current)), { picture: await thumbnailOf(older) });

    await controller.check();

    expect(controller.state.verdict).toEqual({ kind: 'outOfSync' });
    expect(controller.state.comparison!.distance).toBeGreaterThan(0.1);
  });

  it('reports the placeholder without comparing pixels', async () => {
    const { controller } = harness(new FakeMicrosoft365(photo(current)), { picture: undefined });

    await controller.check();

    expect(controller.state.verdict).toEqual({ kind: 'placeholder' });
  });

  it('reports no Microsoft 365 photo, and never uploads', async () => {
    const { controller, sharePoint } = harness(new FakeMicrosoft365(undefined), { picture: await thumbnailOf(older) });

    await controller.check();
    await controller.resync();

    expect(controller.state.verdict).toEqual({ kind: 'noMicrosoft365Photo' });
    expect(sharePoint.uploads).toHaveLength(0);
  });

  it('cannot check without the Graph permission, says why, and never uploads', async () => {
    const denied: FakeMicrosoft365 = new FakeMicrosoft365(new PhotoSyncError('permissionMissing', 'Graph answered 403', 403));
    const { controller, sharePoint } = harness(denied, { picture: await thumbnailOf(older) });

    await controller.check();
    await controller.resync();

    expect(controller.state.verdict).toEqual({ kind: 'cantCheck', reason: 'permissionMissing' });
    expect(controller.state.sharePointImage).toBeDefined();
    expect(sharePoint.uploads).toHaveLength(0);
  });

  it('refuses to use Microsoft 365 bytes that are not an image, and never uploads them', async () => {
    const corrupt: IMicrosoft365Photo = { etag: '"x"', width: 648, height: 648, image: new Blob(['<html>not a photo</html>'], { type: 'image/jpeg' }) };
    const { controller, sharePoint } = harness(new FakeMicrosoft365(corrupt), { picture: await thumbnailOf(older) });

    await controller.check();
    await controller.resync();

    expect(controller.state.verdict).toEqual({ kind: 'cantCheck', reason: 'invalidImage' });
    expect(sharePoint.uploads).toHaveLength(0);
  });

  it('says SharePoint answered badly when its image does not decode', async () => {
    const { controller } = harness(new FakeMicrosoft365(photo(current)), { picture: Buffer.from('not a jpeg') });

    await controller.check();

    expect(controller.state.verdict).toEqual({ kind: 'cantCheck', reason: 'badResponse' });
  });

  it('waits as Graph asks while it throttles, then checks', async () => {
    const throttled = { status: 429, headers: { 'Retry-After': '1' }, body: GRAPH_THROTTLED };
    const transport: FakeTransport = new FakeTransport()
      .on('GET', /\/me\/photo$/, throttled, throttled, { status: 200, body: GRAPH_PHOTO_METADATA })
      .on('GET', /\/me\/photos$/, { status: 200, body: graphPhotoSizes([648]) })
      .on('GET', /\$value$/, { status: 200, headers: { 'Content-Type': 'image/jpeg' }, body: jpegBlob(current) });
    const retryWaits: number[] = [];
    const graph: GraphPhotoService = new GraphPhotoService(transport, 'https://graph.microsoft.com/v1.0', {
      policy: { maxRetries: 3, baseDelayMs: 1000, maxDelayMs: 10000 },
      delay: async (ms: number) => { retryWaits.push(ms); }
    }, async () => 'unused.token.here');
    const { controller } = harness(graph, { picture: await thumbnailOf(current) });

    await controller.check();

    expect(retryWaits).toEqual([1000, 1000]);
    expect(controller.state.verdict).toEqual({ kind: 'inSync' });
  });
});

describe('SyncController.resync', () => {
  it('stops after dispose: no further read-back, and no listener hears of it', async () => {
    const sharePoint: FakeSharePoint = new FakeSharePoint({ picture: await thumbnailOf(older), placeholder, onUpload: 'keepOld' });
    const controller: SyncController = new SyncController({
      microsoft365: new FakeMicrosoft365(photo(current)),
      sharePoint,
      codec: new SharpImageCodec(),
      sensitivity: 'standard',
      autoResync: false,
      verifyDelaysMs: [0, 2000, 5000],
      // The web part is removed from the page while the first read-back waits.
      delay: async () => { controller.dispose(); },
      person: ADELE
    });
    await controller.check();
    const heard: string[] = [];
    controller.subscribe((state: ISyncState) => heard.push(state.phase));
    const readsBefore: number = sharePoint.profileReads;

    await controller.resync();

    // The one read is the upload ticket's, before the upload.
    expect(sharePoint.profileReads).toBe(readsBefore + 1);
    expect(heard).toEqual(['syncing', 'verifying']);
    expect(sharePoint.uploads).toHaveLength(1);
  });

  it('uploads the Microsoft 365 photo, reads SharePoint back and ends in sync', async () => {
    const { controller, sharePoint, phases, waits } = harness(new FakeMicrosoft365(photo(current)), { picture: await thumbnailOf(older) });
    await controller.check();

    await controller.resync();

    expect(phases).toEqual(['checking', 'ready', 'syncing', 'verifying', 'done']);
    expect(sharePoint.uploads).toHaveLength(1);
    expect(Buffer.from(await sharePoint.uploads[0].arrayBuffer()).equals(current)).toBe(true);
    expect(controller.state.verdict).toEqual({ kind: 'inSync' });
    expect(controller.state.resync).toEqual({ outcome: 'resynced' });
    expect(waits).toEqual([0]);
  });

  it('resyncs a placeholder', async () => {
    const { controller, sharePoint } = harness(new FakeMicrosoft365(photo(current)), { picture: undefined });
    await controller.check();

    await controller.resync();

    expect(sharePoint.uploads).toHaveLength(1);
    expect(controller.state.phase).toBe('done');
  });

  it('ignores a second click while the first resync runs', async () => {
    const { controller, sharePoint } = harness(new FakeMicrosoft365(photo(current)), { picture: await thumbnailOf(older) });
    await controller.check();

    await Promise.all([controller.resync(), controller.resync(), controller.resync()]);

    expect(sharePoint.uploads).toHaveLength(1);
    expect(controller.state.phase).toBe('done');
  });

  it('says SharePoint refused the photo when the upload fails', async () => {
    const { controller, sharePoint } = harness(new FakeMicrosoft365(photo(current)), { picture: await thumbnailOf(older), onUpload: 'refuse' });
    await controller.check();

    await controller.resync();

    expect(sharePoint.uploads).toHaveLength(1);
    expect(controller.state.phase).toBe('failed');
    expect(controller.state.resync).toEqual({ outcome: 'refused' });
    expect(controller.state.verdict).toEqual({ kind: 'outOfSync' });
  });

  it('remembers a resync SharePoint stored, so the next visit waits for its cache instead of uploading again', async () => {
    const sharePoint: FakeSharePoint = new FakeSharePoint({ picture: await thumbnailOf(older), placeholder, onUpload: 'keepOld' });
    const memory: IResyncMemory = memoryInMap();
    const visit = (): SyncController => new SyncController({
      microsoft365: new FakeMicrosoft365(photo(current)), sharePoint, codec: new SharpImageCodec(), sensitivity: 'standard',
      autoResync: true, verifyDelaysMs: [0], delay: async () => undefined, memory, person: ADELE
    });
    const first: SyncController = visit();

    await first.check();

    expect(first.state.resync).toEqual({ outcome: 'cached' });
    expect(sharePoint.uploads).toHaveLength(1);
    const next: SyncController = visit();
    await next.check();
    // Auto-resync is on, and the photos still differ: yet nothing is uploaded again.
    expect(next.state.verdict).toEqual({ kind: 'awaitingCache' });
    expect(sharePoint.uploads).toHaveLength(1);
  });

  it('reads back a few times, then says SharePoint has not taken the photo when nothing on its side changed', async () => {
    const { controller, waits } = harness(new FakeMicrosoft365(photo(current)), { picture: await thumbnailOf(older), onUpload: 'ignore' });
    await controller.check();

    await controller.resync();

    expect(waits).toEqual([0, 2000, 5000]);
    expect(controller.state.phase).toBe('failed');
    expect(controller.state.resync).toEqual({ outcome: 'notTakenYet' });
  });

  it('says SharePoint has the photo when its profile took the upload but its picture cache still serves the old one', async () => {
    const { controller, sharePoint } = harness(new FakeMicrosoft365(photo(current)), { picture: await thumbnailOf(older), onUpload: 'keepOld' });
    await controller.check();
    const before: string | undefined = controller.state.sharePointProfile?.pictureTimestamp;

    await controller.resync();

    expect(controller.state.sharePointProfile?.pictureTimestamp).not.toBe(before);
    expect(controller.state.phase).toBe('done');
    expect(controller.state.resync).toEqual({ outcome: 'cached' });
    expect(sharePoint.uploads).toHaveLength(1);
  });

  it('says SharePoint accepted the photo when only the read-back fails, and offers no second upload', async () => {
    const { controller, sharePoint, waits } = harness(new FakeMicrosoft365(photo(current)), { picture: await thumbnailOf(older), readsFailAfterUpload: true });
    await controller.check();

    await controller.resync();
    await controller.resync();

    expect(controller.state.resync).toEqual({ outcome: 'unconfirmed', reason: 'network' });
    expect(sharePoint.uploads).toHaveLength(1);
    expect(controller.state.phase).toBe('done');
    // The service could not be reached: reading back again at once would not help.
    expect(waits).toEqual([0]);
  });

  it('keeps reading back after a server error, and says when it was throttled', async () => {
    const busy: PhotoSyncError = new PhotoSyncError('throttled', 'Throttled', 429, 120000);
    const { controller, waits } = harness(new FakeMicrosoft365(photo(current)), { picture: await thumbnailOf(older), readsFailAfterUpload: busy });
    await controller.check();

    await controller.resync();

    expect(waits).toEqual([0]);
    expect(controller.state.resync).toMatchObject({ outcome: 'unconfirmed', reason: 'throttled' });
    expect((controller.state.resync as { retryAt: number }).retryAt).toBeGreaterThan(Date.now() + 100000);
  });

  it('reads back after an upload that got no answer in time, and says it cannot tell when nothing shows', async () => {
    const noAnswer: PhotoSyncError = new PhotoSyncError('timeout', 'No answer within 60000 ms');
    const stored = harness(new FakeMicrosoft365(photo(current)), { picture: await thumbnailOf(older), uploadErrors: [noAnswer] });
    await stored.controller.check();
    await stored.controller.resync();
    // Nothing stored by that attempt in the fake: SharePoint still shows the old photo.
    expect(stored.controller.state.resync).toEqual({ outcome: 'unknown' });
    expect(stored.controller.state.phase).toBe('done');
    expect(stored.sharePoint.uploadAttempts).toBe(1);
  });

  it('does not read back after an upload SharePoint answered without its success', async () => {
    const htmlPage: PhotoSyncError = new PhotoSyncError('badResponse', 'SetMyProfilePicture answered 200 without success', 200);
    const { controller, sharePoint, waits } = harness(new FakeMicrosoft365(photo(current)), { picture: await thumbnailOf(older), uploadErrors: [htmlPage] });
    await controller.check();

    await controller.resync();

    expect(controller.state.phase).toBe('failed');
    expect(controller.state.resync).toEqual({ outcome: 'failed', reason: 'badResponse' });
    expect(sharePoint.uploads).toHaveLength(0);
    expect(waits).toEqual([]);
  });

  it('gives its outcome within the resync budget, whatever the read-back delays', async () => {
    const { controller, waits } = harness(new FakeMicrosoft365(photo(current)), { picture: await thumbnailOf(older), onUpload: 'ignore' }, false, { resyncBudgetMs: 1000 });
    await controller.check();

    await controller.resync();

    expect(waits).toEqual([0]);
    expect(controller.state.resync).toEqual({ outcome: 'notTakenYet' });
  });

  it('downscales a large non-square photo to 648 px and under 4.76 MB before uploading', async () => {
    const large: Buffer = await renderLargePhoto('bogdan');
    expect(large.length).toBeGreaterThan(5000000);
    const { controller, sharePoint } = harness(new FakeMicrosoft365(photo(large, 3000)), { picture: await thumbnailOf(older) });
    await controller.check();

    await controller.resync();

    const uploaded: Buffer = Buffer.from(await sharePoint.uploads[0].arrayBuffer());
    const metadata: sharp.Metadata = await sharp(uploaded).metadata();
    expect(Math.max(metadata.width!, metadata.height!)).toBeLessThanOrEqual(648);
    expect(uploaded.length).toBeLessThanOrEqual(4760000);
    expect(controller.state.phase).toBe('done');
  });

  it('resyncs on its own after a check when the site owner turned auto-resync on', async () => {
    const { controller, sharePoint } = harness(new FakeMicrosoft365(photo(current)), { picture: await thumbnailOf(older) }, true);

    await controller.check();

    expect(sharePoint.uploads).toHaveLength(1);
    expect(controller.state.phase).toBe('done');
  });

  it('does not resync on its own when auto-resync is off', async () => {
    const { controller, sharePoint } = harness(new FakeMicrosoft365(photo(current)), { picture: await thumbnailOf(older) }, false);

    await controller.check();

    expect(sharePoint.uploads).toHaveLength(0);
    expect(controller.state.phase).toBe('ready');
  });
});

describe('SyncController identity', () => {
  it('refuses to check a SharePoint profile of another person, and keeps nothing of it', async () => {
    const { controller, sharePoint } = harness(new FakeMicrosoft365(photo(current)), { picture: await thumbnailOf(older), account: BOGDAN });

    await controller.check();
    await controller.resync();

    expect(controller.state.verdict).toEqual({ kind: 'cantCheck', reason: 'accountChanged' });
    expect(controller.state.sharePointProfile).toBeUndefined();
    expect(controller.state.sharePointImage).toBeUndefined();
    expect(sharePoint.uploadAttempts).toBe(0);
  });

  it('uploads nothing when SharePoint signs in as another person between the check and the resync', async () => {
    const { controller, sharePoint } = harness(new FakeMicrosoft365(photo(current)), {
      picture: await thumbnailOf(older), account: (read: number) => read === 0 ? ADELE : BOGDAN
    });
    await controller.check();
    expect(controller.state.verdict).toEqual({ kind: 'outOfSync' });

    await controller.resync();

    expect(sharePoint.uploadAttempts).toBe(0);
    expect(controller.state.phase).toBe('failed');
    expect(controller.state.resync).toEqual({ outcome: 'failed', reason: 'accountChanged' });
  });

  it('uploads nothing when Graph answers for another person than the page', async () => {
    const { controller, sharePoint } = harness(new FakeMicrosoft365(photo(current), BOGDAN), { picture: await thumbnailOf(older) });
    await controller.check();

    await controller.resync();

    expect(sharePoint.uploadAttempts).toBe(0);
    expect(controller.state.resync).toEqual({ outcome: 'failed', reason: 'accountChanged' });
  });

  it('retries a stale digest once with a new ticket, checked again, and never under another account', async () => {
    const stale: PhotoSyncError = new PhotoSyncError('staleDigest', 'Digest refused', 403);
    const retried = harness(new FakeMicrosoft365(photo(current)), { picture: await thumbnailOf(older), uploadErrors: [stale] });
    await retried.controller.check();
    await retried.controller.resync();
    expect(retried.sharePoint.renewals).toEqual([false, true]);
    expect(retried.sharePoint.uploads).toHaveLength(1);
    expect(retried.controller.state.resync).toEqual({ outcome: 'resynced' });

    // The first ticket (profile read 1) is Adele's; by the second, SharePoint is signed in as Bogdan.
    const switched = harness(new FakeMicrosoft365(photo(current)), {
      picture: await thumbnailOf(older), uploadErrors: [stale], account: (read: number) => read <= 1 ? ADELE : BOGDAN
    });
    await switched.controller.check();
    await switched.controller.resync();
    expect(switched.sharePoint.uploadAttempts).toBe(1);
    expect(switched.sharePoint.uploads).toHaveLength(0);
    expect(switched.controller.state.resync).toEqual({ outcome: 'failed', reason: 'accountChanged' });
  });
});

describe('SyncController and a server that asked for a pause', () => {
  it('does not upload again before the time the server gave, whatever a surface shows', async () => {
    const busy: PhotoSyncError = new PhotoSyncError('throttled', 'Throttled', 429, 120000);
    const { controller, sharePoint } = harness(new FakeMicrosoft365(photo(current)), { picture: await thumbnailOf(older), uploadErrors: [busy] });
    await controller.check();
    await controller.resync();
    expect(controller.state.resync).toMatchObject({ outcome: 'failed', reason: 'throttled' });
    const retryAt: number = (controller.state.resync as { retryAt: number }).retryAt;

    await controller.resync();
    expect(sharePoint.uploadAttempts).toBe(1);

    const clock: jest.SpyInstance<number, []> = jest.spyOn(Date, 'now').mockReturnValue(retryAt);
    try {
      await controller.resync();
    } finally {
      clock.mockRestore();
    }
    expect(sharePoint.uploadAttempts).toBe(2);
    expect(controller.state.resync).toEqual({ outcome: 'resynced' });
  });
});

describe('SyncController after a SharePoint session renewal (Teams)', () => {
  const renewed = (): PhotoSyncError => new PhotoSyncError('sessionRenewed', 'The SharePoint session was renewed', 401);

  it('uploads a refused upload again only with a new ticket, whose identity is checked again', async () => {
    const { controller, sharePoint } = harness(new FakeMicrosoft365(photo(current)), { picture: await thumbnailOf(older), uploadErrors: [renewed()] });
    await controller.check();
    await controller.resync();
    // The second ticket keeps the digest: a renewed session does not make it stale.
    expect(sharePoint.renewals).toEqual([false, false]);
    expect(sharePoint.uploadAttempts).toBe(2);
    expect(sharePoint.uploads).toHaveLength(1);
    expect(controller.state.resync).toEqual({ outcome: 'resynced' });
  });

  it('uploads nothing when the renewed session belongs to someone else', async () => {
    const { controller, sharePoint } = harness(new FakeMicrosoft365(photo(current)), {
      picture: await thumbnailOf(older), uploadErrors: [renewed()], account: (read: number) => read <= 1 ? ADELE : BOGDAN
    });
    await controller.check();
    await controller.resync();
    expect(sharePoint.uploads).toHaveLength(0);
    expect(controller.state.resync).toEqual({ outcome: 'failed', reason: 'accountChanged' });
  });

  it('reads a ticket read across a renewal once more, and says the sign-in expired when it keeps happening', async () => {
    const once = harness(new FakeMicrosoft365(photo(current)), { picture: await thumbnailOf(older), ticketErrors: [renewed()] });
    await once.controller.check();
    await once.controller.resync();
    expect(once.sharePoint.tickets).toBe(2);
    expect(once.controller.state.resync).toEqual({ outcome: 'resynced' });

    const again = harness(new FakeMicrosoft365(photo(current)), { picture: await thumbnailOf(older), ticketErrors: [renewed(), renewed()] });
    await again.controller.check();
    await again.controller.resync();
    expect(again.sharePoint.uploadAttempts).toBe(0);
    expect(again.controller.state.resync).toEqual({ outcome: 'failed', reason: 'signedOut' });
  });
});

describe('SyncController digest renewal', () => {
  it('calls a renewed ticket that gets no answer a failure, not an upload of unknown fate', async () => {
    const stale: PhotoSyncError = new PhotoSyncError('staleDigest', 'Digest refused', 403);
    const { controller, sharePoint, waits } = harness(new FakeMicrosoft365(photo(current)), {
      picture: await thumbnailOf(older), uploadErrors: [stale], ticketErrors: [undefined, new PhotoSyncError('timeout', 'No answer within 20000 ms')]
    });
    await controller.check();

    await controller.resync();

    expect(controller.state.resync).toEqual({ outcome: 'failed', reason: 'timeout' });
    expect(sharePoint.uploadAttempts).toBe(1);
    expect(waits).toEqual([]);
  });
});

describe('SyncController settings and auto-resync', () => {
  it('tries auto-resync once per Microsoft 365 photo, not on every page view', async () => {
    const memory: IResyncMemory = memoryInMap();
    const sharePoint: Partial<IFakeSharePointOptions> = { picture: await thumbnailOf(older), onUpload: 'ignore' };
    const first = harness(new FakeMicrosoft365(photo(current)), sharePoint, true, { memory });
    await first.controller.check();
    expect(first.sharePoint.uploads).toHaveLength(1);

    for (let view = 0; view < 3; view++) {
      const next = harness(new FakeMicrosoft365(photo(current)), sharePoint, true, { memory });
      await next.controller.check();
      expect(next.sharePoint.uploadAttempts).toBe(0);
      expect(next.controller.state.verdict).toEqual({ kind: 'outOfSync' });
    }

    // A new Microsoft 365 photo is tried again.
    const changed = harness(new FakeMicrosoft365({ ...photo(current), etag: '"C0FFEE"' }), sharePoint, true, { memory });
    await changed.controller.check();
    expect(changed.sharePoint.uploads).toHaveLength(1);
  });

  it('does not auto-resync in a fresh browser while SharePoint\'s picture changed less than a day ago', async () => {
    const hour: number = 60 * 60 * 1000;
    // Four browsers with nothing remembered, after an upload from a fifth that SharePoint stored an hour ago while
    // its picture cache still serves the old picture.
    for (let browser = 0; browser < 4; browser++) {
      const fresh = harness(new FakeMicrosoft365(photo(current)), {
        picture: await thumbnailOf(older), pictureChangedAt: new Date(Date.now() - hour)
      }, true, { memory: memoryInMap() });
      await fresh.controller.check();
      expect(fresh.sharePoint.uploadAttempts).toBe(0);
      expect(fresh.controller.state.verdict).toEqual({ kind: 'outOfSync' });
    }
    // A picture that changed over a day ago is no recent upload: auto-resync runs.
    const older2 = harness(new FakeMicrosoft365(photo(current)), {
      picture: await thumbnailOf(older), pictureChangedAt: new Date(Date.now() - 25 * hour)
    }, true, { memory: memoryInMap() });
    await older2.controller.check();
    expect(older2.sharePoint.uploads).toHaveLength(1);
  });

  it('applies settings changed during a resync only after its outcome, then checks again', async () => {
    const { controller, phases } = harness(new FakeMicrosoft365(photo(current)), { picture: await thumbnailOf(older) });
    await controller.check();

    const resync: Promise<void> = controller.resync();
    controller.updateSettings({ sensitivity: 'strict', autoResync: false, keepCheckForMs: 24 * 60 * 60 * 1000 });
    await resync;
    await new Promise((resolve) => setTimeout(resolve, 0));
    await waitUntil(() => controller.state.phase === 'ready');

    expect(phases).toEqual(['checking', 'ready', 'syncing', 'verifying', 'done', 'checking', 'ready']);
    expect(controller.state.verdict).toEqual({ kind: 'inSync' });
  });
});

async function waitUntil(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** An in-memory IKeptCheckStore, as the browser's Cache Storage would keep it across visits. */
function keptChecksInMap(): IKeptCheckStore & { kept: Map<string, IKeptCheck> } {
  const kept: Map<string, IKeptCheck> = new Map();
  return {
    kept,
    recall: async (login) => kept.get(login),
    remember: async (login, check) => { kept.set(login, check); },
    forget: async (login) => { kept.delete(login); },
    keepOnly: async (login) => { Array.from(kept.keys()).filter((key) => key !== login).forEach((key) => kept.delete(key)); }
  };
}

/** A first visit's check, kept in `cache`: the Microsoft 365 photo and SharePoint's picture as given. */
async function keepFirstCheck(cache: IKeptCheckStore & { kept: Map<string, IKeptCheck> }, microsoft365: IMicrosoft365Photo | undefined, sharePoint: Buffer): Promise<IKeptCheck> {
  await harness(new FakeMicrosoft365(microsoft365), { picture: sharePoint }, false, { keptChecks: cache }).controller.check();
  // Kept once the verdict is on screen.
  await new Promise((resolve) => setTimeout(resolve, 0));
  return cache.kept.get(ADELE.loginName)!;
}

describe('SyncController repeat visits', () => {
  it('shows a kept check again after two version reads: no photo read, no decode, no comparison', async () => {
    const cache = keptChecksInMap();
    const sharePointOptions: Partial<IFakeSharePointOptions> = { picture: await thumbnailOf(older) };
    expect((await keepFirstCheck(cache, photo(current), await thumbnailOf(older))).verdict).toEqual({ kind: 'outOfSync' });

    const microsoft365: FakeMicrosoft365 = new FakeMicrosoft365(photo(current));
    const next = harness(microsoft365, sharePointOptions, false, { keptChecks: cache });
    const decode: jest.SpyInstance = jest.spyOn(SharpImageCodec.prototype, 'decode');
    await next.controller.check();

    expect(next.controller.state.verdict).toEqual({ kind: 'outOfSync' });
    expect(next.controller.state.sharePointImage).toBeDefined();
    expect(next.controller.state.microsoft365Photo?.etag).toBe('"BA09D118"');
    expect([microsoft365.reads, microsoft365.versionReads]).toEqual([0, 1]);
    expect([next.sharePoint.pictureReads, next.sharePoint.versionReads]).toEqual([0, 1]);
    expect(decode).not.toHaveBeenCalled();
    decode.mockRestore();

    // Resync from the kept check decodes the photo then, and works.
    await next.controller.resync();
    expect(next.controller.state.resync).toEqual({ outcome: 'resynced' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(cache.kept.get(ADELE.loginName)?.verdict).toEqual({ kind: 'inSync' });
  });

  it('reads SharePoint\'s picture again when the Microsoft 365 photo changed, though its PictureUrl did not', async () => {
    const cache = keptChecksInMap();
    expect((await keepFirstCheck(cache, photo(older), await thumbnailOf(older))).verdict).toEqual({ kind: 'inSync' });

    // A new photo in Outlook, and SharePoint's new photo service already serves it under the same PictureUrl (MC653734).
    const changed: FakeMicrosoft365 = new FakeMicrosoft365({ ...photo(current), etag: '"C0FFEE"' });
    const next = harness(changed, { picture: await thumbnailOf(current) }, false, { keptChecks: cache });
    await next.controller.check();

    expect(next.controller.state.verdict).toEqual({ kind: 'inSync' });
    expect([changed.versionReads, changed.reads]).toEqual([1, 1]);
    expect([next.sharePoint.versionReads, next.sharePoint.profileReads, next.sharePoint.pictureReads]).toEqual([1, 1, 1]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(cache.kept.get(ADELE.loginName)).toMatchObject({ verdict: { kind: 'inSync' }, microsoft365Photo: { etag: '"C0FFEE"' } });
  });

  it('has kept the check by the time check() settles, however slow the store', async () => {
    const cache = keptChecksInMap();
    const slow: IKeptCheckStore = {
      ...cache,
      remember: (login, check) => new Promise((resolve) => setTimeout(() => { cache.kept.set(login, check); resolve(); }, 20))
    };
    await harness(new FakeMicrosoft365(photo(current)), { picture: await thumbnailOf(older) }, false, { keptChecks: slow }).controller.check();
    expect(cache.kept.get(ADELE.loginName)?.verdict).toEqual({ kind: 'outOfSync' });
  });

  it('deletes a kept check it finds too old, and reads both photos', async () => {
    const cache = keptChecksInMap();
    const kept: IKeptCheck = await keepFirstCheck(cache, photo(current), await thumbnailOf(older));
    cache.kept.set(ADELE.loginName, { ...kept, checkedAt: Date.now() - 25 * 60 * 60 * 1000 });
    const forget: jest.SpyInstance = jest.spyOn(cache, 'forget');

    const microsoft365: FakeMicrosoft365 = new FakeMicrosoft365(photo(current));
    const next = harness(microsoft365, { picture: await thumbnailOf(older) }, false, { keptChecks: cache });
    await next.controller.check();

    expect(forget).toHaveBeenCalledWith(ADELE.loginName);
    expect([microsoft365.versionReads, microsoft365.reads]).toEqual([0, 1]);
    expect(next.controller.state.verdict).toEqual({ kind: 'outOfSync' });
  });

  it('trusts no part of a kept check whose profile names another object id than the page\'s person', async () => {
    const cache = keptChecksInMap();
    const sharePointOptions: Partial<IFakeSharePointOptions> = { picture: await thumbnailOf(older) };
    // The same login name, once held by someone else (their kept check, their object id).
    const kept: IKeptCheck = await keepFirstCheck(cache, photo(current), await thumbnailOf(older));
    cache.kept.set(ADELE.loginName, { ...kept, sharePointProfile: { ...kept.sharePointProfile, objectId: BOGDAN.objectId } });

    const microsoft365: FakeMicrosoft365 = new FakeMicrosoft365(photo(current));
    const next = harness(microsoft365, sharePointOptions, false, { keptChecks: cache });
    await next.controller.check();

    expect(next.controller.state.sharePointProfile?.objectId).toBe(ADELE.objectId);
    expect([microsoft365.reads, next.sharePoint.profileReads, next.sharePoint.pictureReads]).toEqual([1, 1, 1]);
  });

  it('reads only SharePoint when only its picture changed, and compares it with the kept Microsoft 365 photo', async () => {
    const cache = keptChecksInMap();
    // SharePoint took the Microsoft 365 photo on its own since: a new picture, a new PictureUrl.
    const kept: IKeptCheck = await keepFirstCheck(cache, photo(current), await thumbnailOf(older));
    cache.kept.set(ADELE.loginName, { ...kept, sharePointProfile: { ...kept.sharePointProfile, pictureUrl: `${kept.sharePointProfile.pictureUrl}0` } });

    const microsoft365: FakeMicrosoft365 = new FakeMicrosoft365(photo(current));
    const next = harness(microsoft365, { picture: await thumbnailOf(current) }, false, { keptChecks: cache });
    await next.controller.check();

    expect(next.controller.state.verdict).toEqual({ kind: 'inSync' });
    expect(next.controller.state.microsoft365Photo?.etag).toBe('"BA09D118"');
    expect([microsoft365.versionReads, microsoft365.reads]).toEqual([1, 0]);
    expect([next.sharePoint.versionReads, next.sharePoint.profileReads, next.sharePoint.pictureReads]).toEqual([1, 1, 1]);
  });

  it('compares the kept photos again, reading neither, when the sensitivity changed since', async () => {
    const cache = keptChecksInMap();
    const sharePointOptions: Partial<IFakeSharePointOptions> = { picture: await thumbnailOf(current) };
    const kept: IKeptCheck = await keepFirstCheck(cache, photo(current), await thumbnailOf(current));
    // Kept under another sensitivity, with a verdict this one would not reach: only a new comparison tells.
    cache.kept.set(ADELE.loginName, { ...kept, sensitivity: 'strict', verdict: { kind: 'outOfSync' } });

    const microsoft365: FakeMicrosoft365 = new FakeMicrosoft365(photo(current));
    const next = harness(microsoft365, sharePointOptions, false, { keptChecks: cache });
    await next.controller.check();

    expect(next.controller.state.verdict).toEqual({ kind: 'inSync' });
    expect(next.controller.state.comparison).toBeDefined();
    expect([microsoft365.reads, next.sharePoint.profileReads, next.sharePoint.pictureReads]).toEqual([0, 0, 0]);
  });

  it('reads a photo again when its kept bytes no longer decode, and uploads only what Graph sent', async () => {
    const cache = keptChecksInMap();
    const damaged: Blob = new Blob(['damaged'], { type: 'image/jpeg' });
    await harness(new FakeMicrosoft365(photo(current)), { picture: await thumbnailOf(older) }, false, { keptChecks: cache }).controller.check();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const kept: IKeptCheck = cache.kept.get(ADELE.loginName)!;

    // SharePoint changed, and the kept Microsoft 365 photo is damaged: Graph is read again.
    cache.kept.set(ADELE.loginName, {
      ...kept,
      sharePointProfile: { ...kept.sharePointProfile, pictureUrl: `${kept.sharePointProfile.pictureUrl}0` },
      microsoft365Photo: { ...kept.microsoft365Photo!, image: damaged }
    });
    const microsoft365: FakeMicrosoft365 = new FakeMicrosoft365(photo(current));
    const next = harness(microsoft365, { picture: await thumbnailOf(older) }, false, { keptChecks: cache });
    await next.controller.check();
    expect(next.controller.state.verdict).toEqual({ kind: 'outOfSync' });
    expect([microsoft365.reads, next.sharePoint.pictureReads]).toEqual([1, 1]);
    await next.controller.resync();
    expect(next.controller.state.resync).toEqual({ outcome: 'resynced' });
    expect(next.sharePoint.uploads).toHaveLength(1);
    expect(Buffer.from(await next.sharePoint.uploads[0].arrayBuffer()).equals(current)).toBe(true);

    // Only the sensitivity changed, and the kept SharePoint picture is damaged: SharePoint alone is read again.
    cache.kept.set(ADELE.loginName, { ...kept, sensitivity: 'strict', sharePointImage: damaged });
    const unchanged: FakeMicrosoft365 = new FakeMicrosoft365(photo(current));
    const third = harness(unchanged, { picture: await thumbnailOf(older) }, false, { keptChecks: cache });
    await third.controller.check();
    expect(third.controller.state.verdict).toEqual({ kind: 'outOfSync' });
    expect([unchanged.reads, third.sharePoint.pictureReads]).toEqual([0, 1]);

    // Only the sensitivity changed, the kept Microsoft 365 photo is damaged, and Graph, read again, has a new one:
    // SharePoint's picture may follow it, so it is read again too.
    cache.kept.set(ADELE.loginName, { ...kept, sensitivity: 'strict', microsoft365Photo: { ...kept.microsoft365Photo!, image: damaged } });
    const versions: string[] = [kept.microsoft365Photo!.etag!, '"C0FFEE"'];
    const moving: FakeMicrosoft365 = new FakeMicrosoft365(photo(older));
    moving.getMyPhotoVersion = async () => ({ etag: versions.shift() });
    moving.getMyPhoto = async () => ({ ...photo(older), etag: '"C0FFEE"' });
    const fourth = harness(moving, { picture: await thumbnailOf(older) }, false, { keptChecks: cache });
    await fourth.controller.check();
    expect(fourth.controller.state.verdict).toEqual({ kind: 'inSync' });
    expect(fourth.sharePoint.pictureReads).toBe(1);
  });

  it('uses a kept "no Microsoft 365 photo" while Graph still has none, and reads the photo once it has one', async () => {
    const cache = keptChecksInMap();
    const kept: IKeptCheck = await keepFirstCheck(cache, undefined, await thumbnailOf(older));
    expect(kept.verdict).toEqual({ kind: 'noMicrosoft365Photo' });
    cache.kept.set(ADELE.loginName, { ...kept, sharePointProfile: { ...kept.sharePointProfile, pictureUrl: `${kept.sharePointProfile.pictureUrl}0` } });

    const stillNone: FakeMicrosoft365 = new FakeMicrosoft365(undefined);
    const next = harness(stillNone, { picture: await thumbnailOf(current) }, false, { keptChecks: cache });
    await next.controller.check();
    expect(next.controller.state.verdict).toEqual({ kind: 'noMicrosoft365Photo' });
    expect([stillNone.versionReads, stillNone.reads, next.sharePoint.pictureReads]).toEqual([1, 0, 1]);

    const added: FakeMicrosoft365 = new FakeMicrosoft365(photo(current));
    const third = harness(added, { picture: await thumbnailOf(current) }, false, { keptChecks: cache });
    await third.controller.check();
    expect(third.controller.state.verdict).toEqual({ kind: 'inSync' });
    expect([added.reads, third.sharePoint.pictureReads]).toEqual([1, 1]);
  });

  it('checks in full when the check is a day old or belongs to someone else, and reads a changed photo again', async () => {
    const cache = keptChecksInMap();
    const sharePointOptions: Partial<IFakeSharePointOptions> = { picture: await thumbnailOf(older) };
    await keepFirstCheck(cache, photo(current), await thumbnailOf(older));

    const changed: FakeMicrosoft365 = new FakeMicrosoft365({ ...photo(current), etag: '"C0FFEE"' });
    await harness(changed, sharePointOptions, false, { keptChecks: cache }).controller.check();
    expect(changed.reads).toBe(1);

    const kept: IKeptCheck = cache.kept.get(ADELE.loginName)!;
    cache.kept.set(ADELE.loginName, { ...kept, checkedAt: Date.now() - 25 * 60 * 60 * 1000 });
    const old: FakeMicrosoft365 = new FakeMicrosoft365({ ...photo(current), etag: '"C0FFEE"' });
    await harness(old, sharePointOptions, false, { keptChecks: cache }).controller.check();
    expect([old.versionReads, old.reads]).toEqual([0, 1]);

    const other: FakeMicrosoft365 = new FakeMicrosoft365(photo(current), BOGDAN);
    await harness(other, { ...sharePointOptions, account: BOGDAN }, false, { keptChecks: cache, person: BOGDAN }).controller.check();
    expect([other.versionReads, other.reads]).toEqual([0, 1]);
  });

  it('keeps nothing when the site owner turned keeping off', async () => {
    const cache = keptChecksInMap();
    const { controller } = harness(new FakeMicrosoft365(photo(current)), { picture: await thumbnailOf(older) }, false, { keptChecks: cache });
    controller.updateSettings({ sensitivity: 'standard', autoResync: false, keepCheckForMs: 0 });
    await controller.check();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(cache.kept.size).toBe(0);
  });

  it('never keeps a check that failed', async () => {
    const cache = keptChecksInMap();
    await harness(new FakeMicrosoft365(new PhotoSyncError('network', 'Failed to fetch')), { picture: await thumbnailOf(older) }, false, { keptChecks: cache }).controller.check();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(cache.kept.size).toBe(0);
  });
});

function recentChecksInMemory(): IRecentCheckStore & { notes: IRecentCheck[] } {
  const notes: IRecentCheck[] = [];
  return { notes, recall: () => notes[notes.length - 1], remember: (check: IRecentCheck) => { notes.push(check); } };
}

describe('SyncController notes each verdict for every surface (the nudge reads it)', () => {
  it('notes an in-sync check with the person\'s key (the object id) and Graph\'s etag', async () => {
    const recentChecks = recentChecksInMemory();
    const { controller } = harness(new FakeMicrosoft365(photo(current)), { picture: await thumbnailOf(current) }, false, { recentChecks });
    const before: number = Date.now();
    await controller.check();
    expect(recentChecks.notes).toHaveLength(1);
    const [note] = recentChecks.notes;
    expect(note).toEqual({ person: personKey(ADELE), checkedAt: note.checkedAt, microsoft365Etag: '"BA09D118"', verdict: 'inSync' });
    expect(note.person).toBe(ADELE.objectId!.toLowerCase());
    expect(note.checkedAt).toBeGreaterThanOrEqual(before);
  });

  it('notes an out-of-sync check, then in sync once a resync made SharePoint show the photo', async () => {
    const recentChecks = recentChecksInMemory();
    const { controller, sharePoint } = harness(new FakeMicrosoft365(photo(current)), { picture: await thumbnailOf(older) }, false, { recentChecks });
    await controller.check();
    expect(recentChecks.recall()?.verdict).toBe('outOfSync');
    await controller.resync();
    expect(sharePoint.uploads).toHaveLength(1);
    expect(controller.state.resync).toEqual({ outcome: 'resynced' });
    expect(recentChecks.notes.map((note) => note.verdict)).toEqual(['outOfSync', 'inSync']);
  });

  it('still shows its verdict when the store fails', async () => {
    const failing: IRecentCheckStore = { recall: () => undefined, remember: () => { throw new Error('QuotaExceededError'); } };
    const { controller } = harness(new FakeMicrosoft365(photo(current)), { picture: await thumbnailOf(older) }, false, { recentChecks: failing });
    await controller.check();
    expect(controller.state.verdict).toEqual({ kind: 'outOfSync' });
  });
});

/** @jest-environment node */
import { IRecentCheck } from '../../logic/nudge/IRecentCheck';
import { IKeyValueStorage } from '../browserStorage/keyValueRecords';
import { MapStorage } from '../../../test/support/MapStorage';
import { BrowserNudgeQuiet, BrowserRecentCheckStore } from './BrowserRecentCheckStore';

const CHECK: IRecentCheck = { person: '8d2e41b7-5c90-4f3a-b6e1-29a7f0c45d12', checkedAt: 1796000000000, microsoft365Etag: '"A1"', verdict: 'outOfSync' };

describe('BrowserRecentCheckStore', () => {
  it('keeps one recent check: the next person\'s replaces it', () => {
    const storage: MapStorage = new MapStorage();
    const store: BrowserRecentCheckStore = new BrowserRecentCheckStore(() => storage);
    store.remember(CHECK);
    expect(store.recall()).toEqual(CHECK);
    const next: IRecentCheck = { ...CHECK, person: '3f6c2a9e-1b47-4d0c-9e52-7a18c4b6d301', verdict: 'inSync' };
    store.remember(next);
    expect(store.recall()).toEqual(next);
    expect(storage.items.size).toBe(1);
    expect(Array.from(storage.items.values())[0]).not.toContain(CHECK.person);
  });

  it('reads what is malformed, of another shape or of an unknown verdict as none', () => {
    const storage: MapStorage = new MapStorage();
    const store: BrowserRecentCheckStore = new BrowserRecentCheckStore(() => storage);
    for (const raw of ['{not json', 'null', '[]', JSON.stringify({ ...CHECK, verdict: 'maybe' }), JSON.stringify({ ...CHECK, checkedAt: 'today' }), JSON.stringify({ ...CHECK, person: 7 })]) {
      storage.items.set('profilePhotoSync.recentCheck', raw);
      expect(store.recall()).toBeUndefined();
    }
  });

  it('treats storage that throws as empty, and never throws', () => {
    const blocked: IKeyValueStorage = {
      length: 0,
      key: () => { throw new Error('SecurityError'); },
      getItem: () => { throw new Error('SecurityError'); },
      setItem: () => { throw new Error('QuotaExceededError'); },
      removeItem: () => { throw new Error('SecurityError'); }
    };
    const store: BrowserRecentCheckStore = new BrowserRecentCheckStore(() => blocked);
    expect(() => store.remember(CHECK)).not.toThrow();
    expect(store.recall()).toBeUndefined();
    const quiet: BrowserNudgeQuiet = new BrowserNudgeQuiet(() => { throw new Error('SecurityError'); });
    expect(() => quiet.remember({ person: CHECK.person, until: 1 })).not.toThrow();
    expect(quiet.recall(CHECK.person)).toBeUndefined();
  });
});

describe('BrowserNudgeQuiet', () => {
  it('answers its own person, and deletes another person\'s "Not now" when found', () => {
    const storage: MapStorage = new MapStorage();
    const quiet: BrowserNudgeQuiet = new BrowserNudgeQuiet(() => storage);
    quiet.remember({ person: CHECK.person, until: 1796600000000 });
    expect(quiet.recall(CHECK.person)).toEqual({ person: CHECK.person, until: 1796600000000 });
    expect(quiet.recall('3f6c2a9e-1b47-4d0c-9e52-7a18c4b6d301')).toBeUndefined();
    expect(storage.items.size).toBe(0);
  });
});

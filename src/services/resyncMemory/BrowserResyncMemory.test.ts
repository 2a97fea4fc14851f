/** @jest-environment node */
import { IStoredResync } from '../../logic/syncController/IResyncMemory';
import { BrowserResyncMemory } from './BrowserResyncMemory';
import { MapStorage } from '../../../test/support/MapStorage';

const RESYNC: IStoredResync = { pictureTimestamp: '63931059035', microsoft365Etag: '"4CE17889"', storedAt: 1795462758000 };

describe('BrowserResyncMemory', () => {
  it('remembers a stored resync for its own account only', () => {
    const storage: MapStorage = new MapStorage();
    const memory: BrowserResyncMemory = new BrowserResyncMemory(() => storage);

    memory.remember('i:0#.f|membership|adele@contoso.com', RESYNC);

    expect(memory.recall('i:0#.f|membership|adele@contoso.com')).toEqual(RESYNC);
    expect(memory.recall('i:0#.f|membership|megan@contoso.com')).toBeUndefined();
    memory.forget('i:0#.f|membership|adele@contoso.com');
    expect(storage.items.size).toBe(0);
  });

  it('keeps one person at a time: the next person to use it on the same browser leaves nothing of the one before', () => {
    const storage: MapStorage = new MapStorage();
    storage.setItem('unrelated', 'kept');
    const memory: BrowserResyncMemory = new BrowserResyncMemory(() => storage);
    memory.remember('i:0#.f|membership|adele@contoso.com', RESYNC);
    memory.rememberAutoResync('i:0#.f|membership|adele@contoso.com', { microsoft365Etag: '"1"', triedAt: 1 });
    // The same person, named by UPN as the page names them: nothing of theirs goes.
    memory.keepOnly('Adele@contoso.com');
    expect(memory.recall('adele@contoso.com')).toEqual(RESYNC);

    memory.keepOnly('megan@contoso.com');
    expect(Array.from(storage.items.keys())).toEqual(['unrelated']);

    memory.rememberAutoResync('i:0#.f|membership|megan@contoso.com', { microsoft365Etag: '"2"', triedAt: 2 });
    memory.remember('i:0#.f|membership|megan@contoso.com', RESYNC);
    expect(Array.from(storage.items.keys()).sort()).toEqual(['profilePhotoSync.autoResync:megan@contoso.com', 'profilePhotoSync.storedResync:megan@contoso.com', 'unrelated']);
  });

  it('treats blocked, full or malformed storage as empty', () => {
    const blocked: BrowserResyncMemory = new BrowserResyncMemory(() => { throw new Error('SecurityError'); });
    const malformed: MapStorage = new MapStorage();
    malformed.setItem('profilePhotoSync.storedResync:adele', '{not json');

    expect(() => blocked.remember('adele', RESYNC)).not.toThrow();
    expect(blocked.recall('adele')).toBeUndefined();
    expect(new BrowserResyncMemory(() => malformed).recall('adele')).toBeUndefined();
  });
});

import { INITIAL_SYNC_STATE } from './SyncController';
import { ISyncState } from './ISyncState';
import { describeSurface, mayResync, serverRetryAt } from './surface';

const NOW: number = Date.UTC(2026, 11, 7, 12, 0, 0);
const outOfSync: ISyncState = { ...INITIAL_SYNC_STATE, phase: 'ready', verdict: { kind: 'outOfSync' } };

describe('describeSurface', () => {
  it('calls checking and resyncing busy, and nothing else', () => {
    expect(describeSurface({ ...INITIAL_SYNC_STATE, phase: 'checking' })).toMatchObject({ checking: true, resyncing: false, busy: true, offersResync: false });
    expect(describeSurface({ ...outOfSync, phase: 'syncing' })).toMatchObject({ resyncing: true, busy: true, offersResync: true });
    expect(describeSurface({ ...outOfSync, phase: 'verifying' })).toMatchObject({ resyncing: true, busy: true });
    expect(describeSurface(outOfSync)).toMatchObject({ busy: false, offersResync: true });
  });

  it('offers Resync for differing photos until a resync settles the check', () => {
    expect(describeSurface({ ...outOfSync, verdict: { kind: 'placeholder' } }).offersResync).toBe(true);
    expect(describeSurface({ ...outOfSync, verdict: { kind: 'inSync' } }).offersResync).toBe(false);
    expect(describeSurface({ ...outOfSync, phase: 'done', resync: { outcome: 'resynced' } }).offersResync).toBe(false);
    expect(describeSurface({ ...outOfSync, phase: 'failed', resync: { outcome: 'failed', reason: 'network' } }).offersResync).toBe(true);
  });
});

describe('serverRetryAt and mayResync', () => {
  it('holds the upload until the time a throttling server gave, and lets it go then', () => {
    const throttled: ISyncState = { ...outOfSync, phase: 'failed', resync: { outcome: 'failed', reason: 'throttled', retryAt: NOW + 60000 } };
    expect(serverRetryAt(throttled)).toBe(NOW + 60000);
    expect(mayResync(throttled, NOW)).toBe(false);
    expect(mayResync(throttled, NOW + 60000)).toBe(true);
  });

  it('reads the pause of the check, and of an unconfirmed resync\'s read-back', () => {
    expect(serverRetryAt({ ...INITIAL_SYNC_STATE, phase: 'ready', verdict: { kind: 'cantCheck', reason: 'throttled', retryAt: NOW } })).toBe(NOW);
    expect(serverRetryAt({ ...outOfSync, phase: 'done', resync: { outcome: 'unconfirmed', reason: 'throttled', retryAt: NOW } })).toBe(NOW);
    expect(serverRetryAt(outOfSync)).toBeUndefined();
  });

  it('never lets an upload start while a step runs, after a settled resync, or without differing photos', () => {
    expect(mayResync(outOfSync, NOW)).toBe(true);
    for (const phase of ['notChecked', 'checking', 'syncing', 'verifying'] as const) {
      expect(mayResync({ ...outOfSync, phase }, NOW)).toBe(false);
    }
    expect(mayResync({ ...outOfSync, phase: 'done', resync: { outcome: 'cached' } }, NOW)).toBe(false);
    expect(mayResync({ ...outOfSync, verdict: { kind: 'noMicrosoft365Photo' } }, NOW)).toBe(false);
  });
});

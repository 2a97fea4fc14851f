import { IKeptCheck } from './IKeptCheckStore';
import { isWorthKeeping, keptCheckStanding, planFromKeptCheck } from './keptCheckPolicy';

const NOW: number = Date.UTC(2026, 11, 7, 12);
const HOUR: number = 60 * 60 * 1000;
const ADELE = { loginName: 'adele@contoso.com', objectId: '8e0c9f3a-6a8b-4f0e-9d1c-2b3a4c5d6e7f' };
const KEPT: IKeptCheck = {
  checkedAt: NOW - HOUR,
  microsoft365Photo: { etag: '"1"', width: 648, height: 648, image: new Blob(['m']) },
  sharePointProfile: {
    accountName: 'i:0#.f|membership|adele@contoso.com', objectId: ADELE.objectId, email: 'adele@contoso.com', displayName: 'Adele',
    pictureUrl: 'https://contoso-my.example/User%20Photos/adele_MThumb.jpg?t=1', pictureTimestamp: '1', pictureChangedAt: undefined,
    isPlaceholder: false, pullsFromMicrosoft365: true
  },
  sharePointImage: new Blob(['s']),
  verdict: { kind: 'outOfSync' },
  sensitivity: 'standard'
};

describe('keptCheckStanding', () => {
  it('uses a check younger than the lifetime, of the page\'s person', () => {
    expect(keptCheckStanding(KEPT, ADELE, NOW, 24 * HOUR)).toBe('usable');
  });

  it('calls a check too old, from the future or kept no longer expired', () => {
    expect(keptCheckStanding(KEPT, ADELE, NOW, HOUR)).toBe('expired');
    expect(keptCheckStanding({ ...KEPT, checkedAt: NOW + HOUR }, ADELE, NOW, 24 * HOUR)).toBe('expired');
    expect(keptCheckStanding(KEPT, ADELE, NOW, 0)).toBe('expired');
  });

  it('never lends one person\'s check to another, even under the same login name', () => {
    expect(keptCheckStanding(KEPT, { loginName: 'megan@contoso.com' }, NOW, 24 * HOUR)).toBe('notThisPerson');
    expect(keptCheckStanding(KEPT, { ...ADELE, objectId: '00000000-0000-0000-0000-000000000001' }, NOW, 24 * HOUR)).toBe('notThisPerson');
  });
});

describe('planFromKeptCheck', () => {
  const current = { microsoft365: { etag: '"1"' }, sharePointPictureUrl: KEPT.sharePointProfile.pictureUrl };

  it('shows the check again when both versions and the sensitivity are unchanged', () => {
    expect(planFromKeptCheck(KEPT, current, 'standard')).toEqual({ show: true, microsoft365: true, sharePoint: true });
    expect(planFromKeptCheck(KEPT, current, 'strict')).toEqual({ show: false, microsoft365: true, sharePoint: true });
  });

  it('takes only the Microsoft 365 photo when only SharePoint changed', () => {
    expect(planFromKeptCheck(KEPT, { ...current, sharePointPictureUrl: 'https://contoso-my.example/x?t=2' }, 'standard'))
      .toEqual({ show: false, microsoft365: true, sharePoint: false });
  });

  it('takes nothing when the Microsoft 365 photo changed, SharePoint\'s picture included (MC653734)', () => {
    expect(planFromKeptCheck(KEPT, { ...current, microsoft365: { etag: '"2"' } }, 'standard')).toEqual({ show: false, microsoft365: false, sharePoint: false });
    expect(planFromKeptCheck(KEPT, { ...current, microsoft365: undefined }, 'standard')).toEqual({ show: false, microsoft365: false, sharePoint: false });
  });

  it('treats a kept "no Microsoft 365 photo" as unchanged only while there is still none', () => {
    const none: IKeptCheck = { ...KEPT, microsoft365Photo: undefined, verdict: { kind: 'noMicrosoft365Photo' } };
    expect(planFromKeptCheck(none, { ...current, microsoft365: undefined }, 'standard').show).toBe(true);
    expect(planFromKeptCheck(none, current, 'standard').show).toBe(false);
  });
});

describe('isWorthKeeping', () => {
  it('keeps verdicts about the photos, while checks are kept at all', () => {
    expect(isWorthKeeping({ kind: 'inSync' }, HOUR)).toBe(true);
    expect(isWorthKeeping({ kind: 'outOfSync' }, 0)).toBe(false);
    expect(isWorthKeeping({ kind: 'awaitingCache' }, HOUR)).toBe(false);
    expect(isWorthKeeping({ kind: 'cantCheck', reason: 'network' }, HOUR)).toBe(false);
  });
});

/** @jest-environment node */
import { IRecentCheck } from './IRecentCheck';
import { decideFromVersion, isWorthNudging, nudgeStep } from './nudgePolicy';

const DAY: number = 24 * 60 * 60 * 1000;
const WEEK: number = 7 * DAY;
const NOW: number = Date.UTC(2026, 11, 8, 9, 0, 0);
const ME: string = '8d2e41b7-5c90-4f3a-b6e1-29a7f0c45d12';
const SOMEONE_ELSE: string = '3f6c2a9e-1b47-4d0c-9e52-7a18c4b6d301';

function recent(verdict: IRecentCheck['verdict'], ageMs: number, person: string = ME, etag: string | undefined = '"A1"'): IRecentCheck {
  return { person, checkedAt: NOW - ageMs, microsoft365Etag: etag, verdict };
}

describe('nudgeStep: what a page view does', () => {
  it('sends nothing inside the quiet period after the person\'s last check, whatever it found', () => {
    for (const verdict of ['inSync', 'outOfSync', 'placeholder', 'noMicrosoft365Photo', 'awaitingCache'] as const) {
      expect(nudgeStep(ME, recent(verdict, 6 * DAY), undefined, NOW, WEEK)).toBe('quiet');
    }
  });

  it('reads the version once the quiet period is over, or when nothing was ever checked', () => {
    expect(nudgeStep(ME, recent('inSync', WEEK), undefined, NOW, WEEK)).toBe('readVersion');
    expect(nudgeStep(ME, undefined, undefined, NOW, WEEK)).toBe('readVersion');
  });

  it('does not count another person\'s check (a shared browser)', () => {
    expect(nudgeStep(ME, recent('inSync', DAY, SOMEONE_ELSE), undefined, NOW, WEEK)).toBe('readVersion');
  });

  it('tries a check that could not finish again after a day, even with a week\'s quiet period', () => {
    expect(nudgeStep(ME, recent('cantCheck', DAY - 1), undefined, NOW, WEEK)).toBe('quiet');
    expect(nudgeStep(ME, recent('cantCheck', DAY), undefined, NOW, WEEK)).toBe('readVersion');
  });

  it('ignores a check dated in the future (a clock that went back)', () => {
    expect(nudgeStep(ME, recent('inSync', -DAY), undefined, NOW, WEEK)).toBe('readVersion');
  });

  it('keeps quiet until the time "Not now" set, for its person only, and not for longer than the quiet period', () => {
    expect(nudgeStep(ME, undefined, { person: ME, until: NOW + DAY }, NOW, WEEK)).toBe('quiet');
    expect(nudgeStep(ME, undefined, { person: ME, until: NOW }, NOW, WEEK)).toBe('readVersion');
    expect(nudgeStep(ME, undefined, { person: SOMEONE_ELSE, until: NOW + DAY }, NOW, WEEK)).toBe('readVersion');
    expect(nudgeStep(ME, undefined, { person: ME, until: NOW + WEEK + DAY }, NOW, WEEK)).toBe('readVersion');
  });
});

describe('decideFromVersion: after Graph\'s etag', () => {
  it('is silent when the person has no Microsoft 365 photo', () => {
    expect(decideFromVersion(ME, recent('inSync', WEEK), undefined)).toBe('noPhoto');
  });

  it('reads no SharePoint when the etag is the one of the last in-sync check', () => {
    expect(decideFromVersion(ME, recent('inSync', WEEK), { etag: '"A1"' })).toBe('stillInSync');
  });

  it('checks when the photo changed, when the last check was not in sync, for another person, or with no etag', () => {
    expect(decideFromVersion(ME, recent('inSync', WEEK), { etag: '"B2"' })).toBe('check');
    expect(decideFromVersion(ME, recent('outOfSync', WEEK), { etag: '"A1"' })).toBe('check');
    expect(decideFromVersion(ME, recent('inSync', WEEK, SOMEONE_ELSE), { etag: '"A1"' })).toBe('check');
    expect(decideFromVersion(ME, recent('inSync', WEEK, ME, undefined), { etag: undefined })).toBe('check');
    expect(decideFromVersion(ME, undefined, { etag: '"A1"' })).toBe('check');
  });
});

describe('isWorthNudging', () => {
  it('speaks only when SharePoint shows another photo or the placeholder', () => {
    expect(['inSync', 'outOfSync', 'placeholder', 'noMicrosoft365Photo', 'awaitingCache', 'cantCheck', undefined].map((v) => isWorthNudging(v as IRecentCheck['verdict'] | undefined)))
      .toEqual([false, true, true, false, false, false, false]);
  });
});

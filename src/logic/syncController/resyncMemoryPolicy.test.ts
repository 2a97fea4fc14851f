import { ISharePointProfile } from '../../models/ISharePointProfile';
import { IMicrosoft365Photo } from '../../models/IMicrosoft365Photo';
import { autoResyncAllowed, storedResyncExplains } from './resyncMemoryPolicy';

const NOW: number = Date.UTC(2026, 11, 7, 12);
const HOUR: number = 60 * 60 * 1000;
const PHOTO: IMicrosoft365Photo = { etag: '"1"', width: 648, height: 648, image: new Blob(['m']) };
const PROFILE: ISharePointProfile = {
  accountName: 'i:0#.f|membership|adele@contoso.com', objectId: undefined, email: 'adele@contoso.com', displayName: 'Adele',
  pictureUrl: undefined, pictureTimestamp: '63931059035', pictureChangedAt: undefined, isPlaceholder: false, pullsFromMicrosoft365: true
};

describe('storedResyncExplains', () => {
  it('explains a differing picture by a resync SharePoint stored, for a day, for the same photo and timestamp', () => {
    const stored = { pictureTimestamp: '63931059035', microsoft365Etag: '"1"', storedAt: NOW - HOUR };
    expect(storedResyncExplains(stored, PROFILE, PHOTO, NOW)).toBe(true);
    expect(storedResyncExplains(stored, PROFILE, PHOTO, NOW + 24 * HOUR)).toBe(false);
    expect(storedResyncExplains(stored, { ...PROFILE, pictureTimestamp: '63931059999' }, PHOTO, NOW)).toBe(false);
    expect(storedResyncExplains(stored, PROFILE, { ...PHOTO, etag: '"2"' }, NOW)).toBe(false);
  });
});

describe('autoResyncAllowed', () => {
  it('tries each photo once a day in a browser', () => {
    expect(autoResyncAllowed(undefined, PROFILE, PHOTO, NOW)).toBe(true);
    expect(autoResyncAllowed({ microsoft365Etag: '"1"', triedAt: NOW - HOUR }, PROFILE, PHOTO, NOW)).toBe(false);
    expect(autoResyncAllowed({ microsoft365Etag: '"1"', triedAt: NOW - 25 * HOUR }, PROFILE, PHOTO, NOW)).toBe(true);
    expect(autoResyncAllowed({ microsoft365Etag: '"0"', triedAt: NOW - HOUR }, PROFILE, PHOTO, NOW)).toBe(true);
  });

  it('waits, in any browser, while SharePoint\'s picture changed less than a day ago', () => {
    expect(autoResyncAllowed(undefined, { ...PROFILE, pictureChangedAt: new Date(NOW - HOUR) }, PHOTO, NOW)).toBe(false);
    expect(autoResyncAllowed(undefined, { ...PROFILE, pictureChangedAt: new Date(NOW - 25 * HOUR) }, PHOTO, NOW)).toBe(true);
    // A date SharePoint gives in the future (clock skew) or one no one can read does not hold it back.
    expect(autoResyncAllowed(undefined, { ...PROFILE, pictureChangedAt: new Date(NOW + HOUR) }, PHOTO, NOW)).toBe(true);
    expect(autoResyncAllowed(undefined, { ...PROFILE, pictureChangedAt: new Date(NaN) }, PHOTO, NOW)).toBe(true);
  });
});

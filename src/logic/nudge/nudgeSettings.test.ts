/** @jest-environment node */
import { DEFAULT_NUDGE_SETTINGS, normalizeNudgeSettings } from './nudgeSettings';

describe('normalizeNudgeSettings: whatever an admin typed', () => {
  it('takes the defaults for anything that is not an object', () => {
    for (const raw of [undefined, null, [], 'quietDays', 7, true]) {
      expect(normalizeNudgeSettings(raw)).toEqual(DEFAULT_NUDGE_SETTINGS);
    }
    expect(normalizeNudgeSettings({})).toEqual({ enabled: true, quietDays: 7, photoPageUrl: undefined });
  });

  it('reads the quiet period as a number or a numeric string, rounded and kept between 1 and 90 days', () => {
    expect(normalizeNudgeSettings({ quietDays: 14 }).quietDays).toBe(14);
    expect(normalizeNudgeSettings({ quietDays: '3' }).quietDays).toBe(3);
    expect(normalizeNudgeSettings({ quietDays: 2.6 }).quietDays).toBe(3);
    expect(normalizeNudgeSettings({ quietDays: 0 }).quietDays).toBe(1);
    expect(normalizeNudgeSettings({ quietDays: -5 }).quietDays).toBe(1);
    expect(normalizeNudgeSettings({ quietDays: 1000 }).quietDays).toBe(90);
    for (const garbage of ['seven', '', NaN, Infinity, null, {}, []]) {
      expect(normalizeNudgeSettings({ quietDays: garbage }).quietDays).toBe(7);
    }
  });

  it('turns off only for the boolean false', () => {
    expect(normalizeNudgeSettings({ enabled: false }).enabled).toBe(false);
    expect(normalizeNudgeSettings({ enabled: 'false' }).enabled).toBe(true);
    expect(normalizeNudgeSettings({ enabled: 0 }).enabled).toBe(true);
  });

  it('offers a photo page only at an https address or a path on the tenant', () => {
    expect(normalizeNudgeSettings({ photoPageUrl: 'https://contoso.sharepoint.com/sites/intranet/SitePages/Photo.aspx' }).photoPageUrl)
      .toBe('https://contoso.sharepoint.com/sites/intranet/SitePages/Photo.aspx');
    expect(normalizeNudgeSettings({ photoPageUrl: ' /sites/intranet/SitePages/Photo.aspx ' }).photoPageUrl).toBe('/sites/intranet/SitePages/Photo.aspx');
    for (const unsafe of ['http://contoso.com/photo', ['javascript', 'alert(1)'].join(':'), '//evil.example/x', 'data:text/html,x', '/a b', '/a\\b', 'https://', 'SitePages/Photo.aspx', '', 42]) {
      expect(normalizeNudgeSettings({ photoPageUrl: unsafe }).photoPageUrl).toBeUndefined();
    }
  });
});

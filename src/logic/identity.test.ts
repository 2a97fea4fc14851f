import { isSamePerson, upnOf } from './identity';

describe('identity', () => {
  it('reads the UPN out of a claims login and compares it case-insensitively', () => {
    expect(upnOf('i:0#.f|membership|Adele@Contoso.com')).toBe('adele@contoso.com');
    expect(isSamePerson({ loginName: 'adele@contoso.com' }, { loginName: 'i:0#.f|membership|ADELE@contoso.com' })).toBe(true);
    expect(isSamePerson({ loginName: 'adele@contoso.com' }, { loginName: 'i:0#.f|membership|bogdan@contoso.com' })).toBe(false);
  });

  it('lets object ids decide when both sides have one', () => {
    const id: string = '306225cd-94aa-4c5f-9a13-1a2344795973';
    expect(isSamePerson({ loginName: 'old@contoso.com', objectId: id }, { loginName: 'new@contoso.com', objectId: id.toUpperCase() })).toBe(true);
    expect(isSamePerson({ loginName: 'adele@contoso.com', objectId: id }, { loginName: 'adele@contoso.com', objectId: 'another' })).toBe(false);
  });

  it('never matches an empty identity', () => {
    expect(isSamePerson({ loginName: '' }, { loginName: '' })).toBe(false);
    expect(isSamePerson({ loginName: 'i:0#.f|membership|' }, { loginName: 'i:0#.f|membership|' })).toBe(false);
  });
});

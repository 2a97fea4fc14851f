import { canResync, decideVerdict, IVerdictInput, Verdict } from './verdict';

const base: IVerdictInput = { hasMicrosoft365Photo: true, sharePointIsPlaceholder: false, isSamePhoto: true };

describe('decideVerdict', () => {
  it('says in sync when the comparison finds the same photo', () => {
    expect(decideVerdict(base)).toEqual({ kind: 'inSync' });
  });

  it('says out of sync when the photos differ', () => {
    expect(decideVerdict({ ...base, isSamePhoto: false })).toEqual({ kind: 'outOfSync' });
  });

  it('reports a placeholder when SharePoint has no picture', () => {
    expect(decideVerdict({ ...base, sharePointIsPlaceholder: true, isSamePhoto: undefined })).toEqual({ kind: 'placeholder' });
  });

  it('reports no Microsoft 365 photo even when SharePoint still shows an old one', () => {
    expect(decideVerdict({ ...base, hasMicrosoft365Photo: false, isSamePhoto: undefined })).toEqual({ kind: 'noMicrosoft365Photo' });
  });

  it('cannot check when the Graph permission is missing, and says why', () => {
    expect(decideVerdict({ ...base, microsoft365Error: 'permissionMissing' })).toEqual({ kind: 'cantCheck', reason: 'permissionMissing' });
  });

  it('cannot check when SharePoint failed to answer', () => {
    expect(decideVerdict({ ...base, sharePointError: 'network' })).toEqual({ kind: 'cantCheck', reason: 'network' });
  });

  it('cannot check when the comparison could not run', () => {
    expect(decideVerdict({ ...base, isSamePhoto: undefined })).toEqual({ kind: 'cantCheck', reason: 'unexpected' });
  });
});

describe('canResync', () => {
  it('allows a resync only for out-of-sync and placeholder verdicts', () => {
    const verdicts: Verdict[] = [
      { kind: 'inSync' }, { kind: 'outOfSync' }, { kind: 'placeholder' }, { kind: 'noMicrosoft365Photo' },
      { kind: 'cantCheck', reason: 'network' }
    ];
    expect(verdicts.map(canResync)).toEqual([false, true, true, false, false]);
    expect(canResync(undefined)).toBe(false);
  });
});

import * as React from 'react';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { INITIAL_SYNC_STATE } from '../../../../logic/syncController/SyncController';
import { ISyncState } from '../../../../logic/syncController/ISyncState';
import { ISharePointProfile } from '../../../../models/ISharePointProfile';
import { loadStrings } from '../../../../../test/support/loadStrings';
import { DEFAULT_WEB_PART_PROPERTIES } from '../../IProfilePhotoSyncWebPartProps';
import { IProfilePhotoSyncProps, ProfilePhotoSync } from './ProfilePhotoSync';
import { IPhotoSyncTheme } from '../IPhotoSyncTheme';

const en: IProfilePhotoSyncWebPartStrings = loadStrings('en-us');
const image: Blob = new Blob(['jpeg'], { type: 'image/jpeg' });
const profile: ISharePointProfile = {
  accountName: 'i:0#.f|membership|adele@contoso.com',
  objectId: undefined,
  email: 'adele@contoso.com',
  displayName: 'Adele Vance',
  pictureUrl: 'https://contoso-my.sharepoint.com/User%20Photos/Profile%20Pictures/adele_contoso_com_MThumb.jpg?t=63871724126',
  pictureTimestamp: '63871724126',
  pictureChangedAt: new Date('2025-01-06T01:35:26Z'),
  isPlaceholder: false,
  pullsFromMicrosoft365: true
};
const loaded: ISyncState = {
  ...INITIAL_SYNC_STATE,
  phase: 'ready',
  microsoft365Photo: { etag: '"1"', width: 648, height: 648, image },
  sharePointProfile: profile,
  sharePointImage: image,
  verdict: { kind: 'inSync' }
};

function renderView(state: Partial<ISyncState>, overrides: Partial<IProfilePhotoSyncProps> = {}): { onCheck: jest.Mock; onResync: jest.Mock } {
  const onCheck: jest.Mock = jest.fn();
  const onResync: jest.Mock = jest.fn();
  render(
    <ProfilePhotoSync
      state={{ ...loaded, ...state }}
      settings={DEFAULT_WEB_PART_PROPERTIES}
      strings={en}
      locale="en-US"
      canEditPage={false}
      appFrame={false}
      theme={undefined}
      onCheck={onCheck}
      onResync={onResync}
      {...overrides}
    />
  );
  return { onCheck, onResync };
}

describe('ProfilePhotoSync', () => {
  it('shows both photos with their labels and alt text, and says they are in sync', () => {
    renderView({});
    expect(screen.getByRole('img', { name: en.Microsoft365PhotoAlt })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: en.SharePointPhotoAlt })).toBeInTheDocument();
    expect(screen.getByText(en.Microsoft365PhotoLabel)).toBeInTheDocument();
    expect(screen.getByText(en.SharePointPhotoLabel)).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(en.VerdictInSyncTitle);
    expect(screen.queryByRole('button', { name: en.ResyncButton })).not.toBeInTheDocument();
  });

  it('shows when SharePoint last changed the photo, in the page locale', () => {
    renderView({});
    expect(screen.getByText(/Changed in SharePoint Jan 6, 2025/)).toBeInTheDocument();
  });

  it('hides the change date when the site owner turns timestamps off', () => {
    renderView({}, { settings: { ...DEFAULT_WEB_PART_PROPERTIES, showTimestamps: false } });
    expect(screen.queryByText(/Changed in SharePoint/)).not.toBeInTheDocument();
  });

  it('offers Resync when the photos differ, and raises the intent on click', () => {
    const { onResync } = renderView({ verdict: { kind: 'outOfSync' } });
    expect(screen.getByRole('status')).toHaveTextContent(en.VerdictOutOfSyncTitle);
    const resync: HTMLElement = screen.getByRole('button', { name: en.ResyncButton });
    expect(resync).toHaveAttribute('aria-disabled', 'false');
    fireEvent.click(resync);
    expect(onResync).toHaveBeenCalledTimes(1);
  });

  it('hides Resync when the site owner turns it off, and shows the manual steps instead', () => {
    renderView({ verdict: { kind: 'outOfSync' } }, { settings: { ...DEFAULT_WEB_PART_PROPERTIES, showResyncButton: false } });
    expect(screen.queryByRole('button', { name: en.ResyncButton })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: en.TroubleshootingTitle })).toBeInTheDocument();
  });

  it('reports a placeholder with its own alt text, and says when the admin turned the sync off', () => {
    renderView({ verdict: { kind: 'placeholder' }, sharePointProfile: { ...profile, isPlaceholder: true, pullsFromMicrosoft365: false } });
    expect(screen.getByRole('status')).toHaveTextContent(en.VerdictPlaceholderTitle);
    expect(screen.getByRole('status')).toHaveTextContent(en.SyncTurnedOffNote);
    expect(screen.getByRole('img', { name: en.SharePointPlaceholderAlt })).toBeInTheDocument();
  });

  it('says there is no Microsoft 365 photo and where to add one, with no Resync', () => {
    renderView({ verdict: { kind: 'noMicrosoft365Photo' }, microsoft365Photo: undefined });
    expect(screen.getByRole('status')).toHaveTextContent(en.VerdictNoPhotoBody);
    expect(screen.getByText(en.NoMicrosoft365Photo)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: en.ResyncButton })).not.toBeInTheDocument();
  });

  it('tells a reader to ask an administrator when the Graph permission is missing', () => {
    renderView({ verdict: { kind: 'cantCheck', reason: 'permissionMissing' }, microsoft365Photo: undefined });
    expect(screen.getByRole('status')).toHaveTextContent(en.VerdictCantCheckTitle);
    expect(screen.getByRole('status')).toHaveTextContent(en.ReasonPermissionUser);
    expect(screen.getByRole('status')).not.toHaveTextContent('User.Read');
  });

  it('tells a page editor exactly which permission to approve, and where', () => {
    renderView({ verdict: { kind: 'cantCheck', reason: 'permissionMissing' }, microsoft365Photo: undefined }, { canEditPage: true });
    expect(screen.getByRole('status')).toHaveTextContent(en.ReasonPermissionEditor);
    expect(screen.getByRole('status')).toHaveTextContent('User.Read');
    // Microsoft's own link to the page, which works whatever the admin center's language.
    expect(screen.getByRole('link', { name: en.ApiAccessLink })).toHaveAttribute('href', 'https://admin.microsoft.com/sharepoint?page=webApiPermissionManagement&modern=true');
  });

  it('gives readers no admin link: they cannot use it', () => {
    renderView({ verdict: { kind: 'cantCheck', reason: 'permissionMissing' }, microsoft365Photo: undefined });
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('never shows a raw status code when a check fails', () => {
    renderView({ verdict: { kind: 'cantCheck', reason: 'throttled' } });
    expect(screen.getByRole('status')).toHaveTextContent(en.ReasonThrottled);
    expect(screen.getByRole('status').textContent).not.toMatch(/\b(4|5)\d\d\b/);
  });

  it('says when to try again, as a time in the page\'s format, when the server asked for a long pause', () => {
    const retryAt: number = new Date(2026, 10, 23, 14, 35).getTime();
    renderView({ verdict: { kind: 'cantCheck', reason: 'throttled', retryAt } });
    expect(screen.getByRole('status')).toHaveTextContent('Try again after 2:35 PM.');
  });

  it('does not send the upload again before the time a throttling server gave', () => {
    jest.useFakeTimers();
    try {
      const retryAt: number = Date.now() + 120000;
      const { onResync } = renderView({ phase: 'failed', verdict: { kind: 'outOfSync' }, resync: { outcome: 'failed', reason: 'throttled', retryAt } });
      const resync: HTMLElement = screen.getByRole('button', { name: en.ResyncButton });
      expect(resync).toHaveAttribute('aria-disabled', 'true');
      fireEvent.click(resync);
      expect(onResync).not.toHaveBeenCalled();

      act(() => { jest.advanceTimersByTime(120001); });

      const ready: HTMLElement = screen.getByRole('button', { name: en.ResyncButton });
      expect(ready).toHaveAttribute('aria-disabled', 'false');
      fireEvent.click(ready);
      expect(onResync).toHaveBeenCalledTimes(1);
    } finally {
      jest.useRealTimers();
    }
  });

  it('says when to try again after a resync the server throttled', () => {
    const retryAt: number = new Date(2026, 10, 23, 9, 5).getTime();
    renderView({ phase: 'failed', verdict: { kind: 'outOfSync' }, resync: { outcome: 'failed', reason: 'throttled', retryAt } }, { locale: 'bg-BG', strings: loadStrings('bg-bg') });
    expect(screen.getByRole('status')).toHaveTextContent(/след 0?9:05/);
  });

  it('says SharePoint has the new photo while its cache lags, and shows the copy SharePoint stored', () => {
    const stored: string = 'https://contoso-my.sharepoint.com/User%20Photos/Profile%20Pictures/adele_MThumb.jpg?t=63871724127';
    renderView({ phase: 'done', verdict: { kind: 'outOfSync' }, resync: { outcome: 'cached' }, sharePointProfile: { ...profile, pictureUrl: stored } });
    expect(screen.getByRole('status')).toHaveTextContent(en.ResyncCachedTitle);
    // The large thumbnail beside the one PictureUrl names.
    expect(screen.getByRole('img', { name: en.SharePointPhotoAlt })).toHaveAttribute('src', stored.replace('_MThumb.jpg', '_LThumb.jpg'));
    expect(screen.queryByRole('button', { name: en.ResyncButton })).toBeNull();
  });

  it('on the next visit, still says SharePoint has the new photo and offers no second upload', () => {
    renderView({ phase: 'ready', verdict: { kind: 'awaitingCache' } });
    expect(screen.getByRole('status')).toHaveTextContent(en.ResyncCachedTitle);
    expect(screen.queryByRole('button', { name: en.ResyncButton })).toBeNull();
  });

  it('announces progress while checking, with no photo yet and the Check button unavailable', () => {
    const { onCheck } = renderView({ ...INITIAL_SYNC_STATE, phase: 'checking' });
    expect(screen.getByRole('status')).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('status')).toHaveTextContent(en.CheckingMessage);
    expect(screen.queryAllByRole('img')).toHaveLength(0);
    const check: HTMLElement = screen.getByRole('button', { name: en.CheckAgainButton });
    expect(check).toHaveAttribute('aria-disabled', 'true');
    fireEvent.click(check);
    expect(onCheck).not.toHaveBeenCalled();
  });

  it('disables Resync and marks it busy while uploading and verifying, ignoring further clicks', () => {
    const { onResync } = renderView({ phase: 'syncing', verdict: { kind: 'outOfSync' } });
    const button: HTMLElement = screen.getByRole('button', { name: en.ResyncBusyLabel });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveAttribute('aria-busy', 'true');
    fireEvent.click(button);
    expect(onResync).not.toHaveBeenCalled();
    expect(screen.getByRole('status')).toHaveTextContent(en.ResyncUploading);
  });

  it('moves focus to the outcome when the focused Resync button goes away after success', () => {
    const props: IProfilePhotoSyncProps = {
      state: { ...loaded, phase: 'verifying', verdict: { kind: 'outOfSync' } }, settings: DEFAULT_WEB_PART_PROPERTIES,
      strings: en, locale: 'en-US', canEditPage: false, appFrame: false, theme: undefined, onCheck: jest.fn(), onResync: jest.fn()
    };
    const { rerender } = render(<ProfilePhotoSync {...props} />);
    screen.getByRole('button', { name: en.ResyncBusyLabel }).focus();

    rerender(<ProfilePhotoSync {...props} state={{ ...loaded, phase: 'done', resync: { outcome: 'resynced' } }} />);

    expect(screen.getByRole('status')).toHaveFocus();
  });

  it('does not take focus on its own when a check finishes', () => {
    const props: IProfilePhotoSyncProps = {
      state: { ...INITIAL_SYNC_STATE, phase: 'checking' }, settings: DEFAULT_WEB_PART_PROPERTIES,
      strings: en, locale: 'en-US', canEditPage: false, appFrame: false, theme: undefined, onCheck: jest.fn(), onResync: jest.fn()
    };
    const { rerender } = render(<ProfilePhotoSync {...props} />);

    rerender(<ProfilePhotoSync {...props} state={loaded} />);

    expect(document.body).toHaveFocus();
  });

  it('does not point to manual steps the site owner has hidden', () => {
    renderView({ phase: 'failed', verdict: { kind: 'outOfSync' }, resync: { outcome: 'refused' } }, { settings: { ...DEFAULT_WEB_PART_PROPERTIES, showTroubleshooting: false } });
    expect(screen.getByRole('status')).toHaveTextContent(en.ResyncRefusedBody);
    expect(screen.getByRole('status')).not.toHaveTextContent(en.ManualStepsPointer);
    expect(screen.queryByRole('region', { name: en.TroubleshootingTitle })).not.toBeInTheDocument();
  });

  it('confirms a resync and mentions that other apps can take 72 hours', () => {
    renderView({ phase: 'done', resync: { outcome: 'resynced' } });
    expect(screen.getByRole('status')).toHaveTextContent(en.ResyncDoneTitle);
    expect(screen.getByRole('status')).toHaveTextContent(en.OtherAppsNote);
  });

  it('says honestly when SharePoint refused the photo, and shows the manual steps', () => {
    renderView({ phase: 'failed', verdict: { kind: 'outOfSync' }, resync: { outcome: 'refused' } });
    expect(screen.getByRole('status')).toHaveTextContent(en.ResyncRefusedTitle);
    expect(screen.getByRole('status')).toHaveTextContent(en.ManualStepsPointer);
    const steps: HTMLElement = screen.getByRole('region', { name: en.TroubleshootingTitle });
    expect(steps).toHaveTextContent(en.TroubleshootingStep1);
    expect(steps).toHaveTextContent(en.TroubleshootingStep4);
    expect(steps).toHaveTextContent(en.OtherAppsNote);
  });

  it('says honestly when SharePoint accepted the photo but still shows the old one', () => {
    renderView({ phase: 'failed', verdict: { kind: 'outOfSync' }, resync: { outcome: 'notTakenYet' } });
    expect(screen.getByRole('status')).toHaveTextContent(en.ResyncNotTakenTitle);
    expect(screen.getByRole('region', { name: en.TroubleshootingTitle })).toBeInTheDocument();
  });

  it('says SharePoint accepted the photo when only the read-back failed, offering Check again and no second upload', () => {
    const { onCheck } = renderView({ phase: 'done', verdict: { kind: 'outOfSync' }, resync: { outcome: 'unconfirmed', reason: 'network' } });
    expect(screen.getByRole('status')).toHaveTextContent(en.ResyncUnconfirmedTitle);
    expect(screen.getByRole('status')).toHaveTextContent(en.ResyncUnconfirmedBody);
    expect(screen.queryByRole('button', { name: en.ResyncButton })).not.toBeInTheDocument();
    const checkAgain: HTMLElement = screen.getByRole('button', { name: en.CheckAgainButton });
    expect(checkAgain).toHaveAttribute('aria-disabled', 'false');
    fireEvent.click(checkAgain);
    expect(onCheck).toHaveBeenCalledTimes(1);
  });

  it('says it cannot tell when the upload got no answer in time, offering Check again and no second upload', () => {
    const { onCheck } = renderView({ phase: 'done', verdict: { kind: 'outOfSync' }, resync: { outcome: 'unknown' } });
    expect(screen.getByRole('status')).toHaveTextContent(en.ResyncUnknownTitle);
    expect(screen.getByRole('status')).toHaveTextContent(en.ResyncUnknownBody);
    expect(screen.queryByRole('button', { name: en.ResyncButton })).not.toBeInTheDocument();
    // ActionButton never sets the disabled attribute (focus stays on an unavailable button): availability is aria-disabled.
    const checkAgain: HTMLElement = screen.getByRole('button', { name: en.CheckAgainButton });
    expect(checkAgain).toHaveAttribute('aria-disabled', 'false');
    fireEvent.click(checkAgain);
    expect(onCheck).toHaveBeenCalledTimes(1);
  });

  it('says the account changed, in words, when SharePoint answers for someone else', () => {
    renderView({ phase: 'failed', verdict: { kind: 'outOfSync' }, resync: { outcome: 'failed', reason: 'accountChanged' } });
    expect(screen.getByRole('status')).toHaveTextContent(en.ResyncFailedTitle);
    expect(screen.getByRole('status')).toHaveTextContent(en.ReasonAccountChanged);
  });

  it('shows "no date" instead of failing for a change date no formatter takes', () => {
    renderView({ sharePointProfile: { ...profile, pictureChangedAt: new Date(8.64e15 + 1) } });
    expect(screen.getByText(en.NoChangeDate)).toBeInTheDocument();
  });

  it('offers a Check button when the site owner chose to check on click', () => {
    const { onCheck } = renderView({ ...INITIAL_SYNC_STATE });
    expect(screen.getByRole('status')).toHaveTextContent(en.NotCheckedMessage);
    const check: HTMLElement = screen.getByRole('button', { name: en.CheckButton });
    expect(check).toHaveAttribute('aria-disabled', 'false');
    fireEvent.click(check);
    expect(onCheck).toHaveBeenCalledTimes(1);
  });

  it('speaks the page language', () => {
    const ro: IProfilePhotoSyncWebPartStrings = loadStrings('ro-ro');
    renderView({ verdict: { kind: 'outOfSync' } }, { strings: ro, locale: 'ro-RO' });
    expect(screen.getByRole('button', { name: ro.ResyncButton })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(ro.VerdictOutOfSyncTitle);
  });

  it('in an app frame, says to open the app again instead of reloading a page that is not there', () => {
    renderView({ phase: 'failed', verdict: { kind: 'outOfSync' }, resync: { outcome: 'failed', reason: 'accountChanged' } }, { appFrame: true });
    expect(screen.getByRole('status')).toHaveTextContent(en.ReasonAccountChangedApp);
    cleanup();
    renderView({ verdict: { kind: 'cantCheck', reason: 'signedOut' } }, { appFrame: true });
    expect(screen.getByRole('status')).toHaveTextContent(en.ReasonSignedOutApp);
    cleanup();
    renderView({ verdict: { kind: 'noMicrosoft365Photo' } }, { appFrame: true });
    expect(screen.getByRole('status')).toHaveTextContent(en.VerdictNoPhotoBodyApp);
    cleanup();
    renderView({ verdict: { kind: 'cantCheck', reason: 'signedOut' } });
    expect(screen.getByRole('status')).toHaveTextContent(en.ReasonSignedOut);
  });

  it('paints its theme\'s background where it is the whole page, and only there', () => {
    const dark: IPhotoSyncTheme = { semanticColors: { bodyBackground: '#292929', bodyText: '#ffffff' } };
    renderView({}, { theme: dark, appFrame: true });
    expect(screen.getByRole('region')).toHaveStyle({ backgroundColor: '#292929', color: '#ffffff' });
    cleanup();
    renderView({}, { theme: dark, appFrame: false });
    expect(screen.getByRole('region')).not.toHaveStyle({ backgroundColor: '#292929' });
  });
});

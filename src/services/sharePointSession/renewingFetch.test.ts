import { renewingFetch } from './renewingFetch';
import { renewSharePointSession } from './renewSharePointSession';

const answer = (status: number): Response => ({ status } as Response);

/** A SharePoint whose session has expired until `renew` is called; counts what it was sent. */
function expiredSharePoint(): { send: jest.Mock<Promise<Response>, [string, RequestInit]>; renew: jest.Mock<Promise<boolean>, []> } {
  let valid: boolean = false;
  const send = jest.fn((url: string, init: RequestInit) => Promise.resolve(answer(valid ? 200 : 401)));
  const renew = jest.fn(() => { valid = true; return Promise.resolve(true); });
  return { send, renew };
}

describe('renewingFetch', () => {
  it('renews an expired session once and sends a read again', async () => {
    const sharePoint = expiredSharePoint();
    const response: Response = await renewingFetch(sharePoint.send, sharePoint.renew)('https://contoso.sharepoint.com/_api/me', { method: 'GET' });
    expect(response.status).toBe(200);
    expect(sharePoint.renew).toHaveBeenCalledTimes(1);
    expect(sharePoint.send).toHaveBeenCalledTimes(2);
  });

  it('renews once for requests refused together', async () => {
    const sharePoint = expiredSharePoint();
    const fetch = renewingFetch(sharePoint.send, sharePoint.renew);
    const answers: Response[] = await Promise.all([fetch('/_api/a', {}), fetch('/_layouts/15/userphoto.aspx', {}), fetch('/_api/contextinfo', { method: 'POST' })]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(sharePoint.renew).toHaveBeenCalledTimes(1);
  });

  it('renews for a refused upload but never sends it again', async () => {
    const sharePoint = expiredSharePoint();
    const fetch = renewingFetch(sharePoint.send, sharePoint.renew);
    const response: Response = await fetch('/_api/SP.UserProfiles.PeopleManager/SetMyProfilePicture', { method: 'POST', body: 'jpeg' });
    expect(response.status).toBe(401);
    expect(sharePoint.renew).toHaveBeenCalledTimes(1);
    expect(sharePoint.send).toHaveBeenCalledTimes(1);
    // The next attempt (after the identity check) finds the session renewed.
    expect((await fetch('/_api/SP.UserProfiles.PeopleManager/SetMyProfilePicture', { method: 'POST', body: 'jpeg' })).status).toBe(200);
  });

  it('gives the 401 back when the renewal fails, and does not try again', async () => {
    const send = jest.fn(() => Promise.resolve(answer(401)));
    const renew = jest.fn(() => Promise.reject(new Error('FailedToGetAuthToken')));
    const fetch = renewingFetch(send, renew);
    expect((await fetch('/_api/a', {})).status).toBe(401);
    expect((await fetch('/_api/b', {})).status).toBe(401);
    expect(renew).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('sends a read once more at most, when SharePoint still refuses after a renewal', async () => {
    const send = jest.fn(() => Promise.resolve(answer(401)));
    const renew = jest.fn(() => Promise.resolve(true));
    expect((await renewingFetch(send, renew)('/_api/a', {})).status).toBe(401);
    expect(send).toHaveBeenCalledTimes(2);
    expect(renew).toHaveBeenCalledTimes(1);
  });

  it('leaves other answers alone', async () => {
    const send = jest.fn(() => Promise.resolve(answer(403)));
    const renew = jest.fn(() => Promise.resolve(true));
    expect((await renewingFetch(send, renew)('/_api/a', {})).status).toBe(403);
    expect(renew).not.toHaveBeenCalled();
  });
});

describe('renewSharePointSession', () => {
  it('posts a token to the SharePoint origin to SharePoint\'s sign-in, as SPFx does in Teams', async () => {
    const getToken = jest.fn(() => Promise.resolve('sso-token'));
    const send = jest.fn((url: string, init: RequestInit) => Promise.resolve(answer(200)));
    expect(await renewSharePointSession('https://contoso.sharepoint.com', getToken, send)()).toBe(true);
    expect(getToken).toHaveBeenCalledWith('https://contoso.sharepoint.com');
    expect(send).toHaveBeenCalledWith('https://contoso.sharepoint.com/_api/SP.OAuth.NativeClient/Authenticate', {
      method: 'POST', credentials: 'same-origin', headers: { Authorization: 'Bearer sso-token', 'X-FeatureVersion': '2' }
    });
  });

  it('reports a sign-in SharePoint refused', async () => {
    const send = jest.fn(() => Promise.resolve(answer(401)));
    expect(await renewSharePointSession('https://contoso.sharepoint.com', () => Promise.resolve('t'), send)()).toBe(false);
  });
});

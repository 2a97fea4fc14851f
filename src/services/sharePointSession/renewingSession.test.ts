import { pageSession, renewingSession } from './renewingSession';
import { renewSharePointSession } from './renewSharePointSession';

const answer = (status: number): Response => ({ status, ok: status >= 200 && status < 300 } as Response);

/** A SharePoint whose session has expired until `renew` is called; counts what it was sent. */
function expiredSharePoint(): { send: jest.Mock<Promise<Response>, [string, RequestInit]>; renew: jest.Mock<Promise<boolean>, []> } {
  let valid: boolean = false;
  const send = jest.fn((url: string, init: RequestInit) => Promise.resolve(answer(valid ? 200 : 401)));
  const renew = jest.fn(() => { valid = true; return Promise.resolve(true); });
  return { send, renew };
}

describe('renewingSession', () => {
  it('renews an expired session once and sends a read again', async () => {
    const sharePoint = expiredSharePoint();
    const session = renewingSession(sharePoint.send, sharePoint.renew);
    const response: Response = await session.fetch('https://contoso.sharepoint.com/_api/me', { method: 'GET' });
    expect(response.status).toBe(200);
    expect(sharePoint.renew).toHaveBeenCalledTimes(1);
    expect(sharePoint.send).toHaveBeenCalledTimes(2);
    expect(session.renewals()).toBe(1);
  });

  it('renews once for requests refused together', async () => {
    const sharePoint = expiredSharePoint();
    const { fetch } = renewingSession(sharePoint.send, sharePoint.renew);
    const answers: Response[] = await Promise.all([fetch('/_api/a', {}), fetch('/_layouts/15/userphoto.aspx', {}), fetch('/_api/contextinfo', { method: 'POST' })]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(sharePoint.renew).toHaveBeenCalledTimes(1);
  });

  it('does not renew again for a request sent before a renewal that has since finished', async () => {
    let release: (value: Response) => void = () => undefined;
    let valid: boolean = false;
    const send = jest.fn((url: string) => url === '/slow' && !valid
      ? new Promise<Response>((resolve) => { release = resolve; })
      : Promise.resolve(answer(valid ? 200 : 401)));
    const renew = jest.fn(() => { valid = true; return Promise.resolve(true); });
    const { fetch } = renewingSession(send, renew);
    const slow: Promise<Response> = fetch('/slow', {});
    expect((await fetch('/fast', {})).status).toBe(200);
    release(answer(401));
    expect((await slow).status).toBe(200);
    expect(renew).toHaveBeenCalledTimes(1);
  });

  it('renews for a refused upload but never sends it again, and counts the renewal for the caller to see', async () => {
    const sharePoint = expiredSharePoint();
    const session = renewingSession(sharePoint.send, sharePoint.renew);
    const response: Response = await session.fetch('/_api/SP.UserProfiles.PeopleManager/SetMyProfilePicture', { method: 'POST', body: 'jpeg' });
    expect(response.status).toBe(401);
    expect(sharePoint.renew).toHaveBeenCalledTimes(1);
    expect(sharePoint.send).toHaveBeenCalledTimes(1);
    expect(session.renewals()).toBe(1);
  });

  it('gives the 401 back when the renewal fails, and does not try again', async () => {
    const send = jest.fn(() => Promise.resolve(answer(401)));
    const renew = jest.fn(() => Promise.reject(new Error('FailedToGetAuthToken')));
    const session = renewingSession(send, renew);
    expect((await session.fetch('/_api/a', {})).status).toBe(401);
    expect((await session.fetch('/_api/b', {})).status).toBe(401);
    expect(renew).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledTimes(2);
    expect(session.renewals()).toBe(0);
  });

  it('gives up on a renewal that never ends, and does not wait for it again', async () => {
    jest.useFakeTimers();
    try {
      const send = jest.fn(() => Promise.resolve(answer(401)));
      const renew = jest.fn(() => new Promise<boolean>(() => undefined));
      const session = renewingSession(send, renew, 10000);
      const refused: Promise<Response> = session.fetch('/_api/a', {});
      await jest.advanceTimersByTimeAsync(10000);
      expect((await refused).status).toBe(401);
      expect((await session.fetch('/_api/b', {})).status).toBe(401);
      expect(renew).toHaveBeenCalledTimes(1);
    } finally {
      jest.useRealTimers();
    }
  });

  it('sends a read once more at most, when SharePoint still refuses after a renewal', async () => {
    const send = jest.fn(() => Promise.resolve(answer(401)));
    const renew = jest.fn(() => Promise.resolve(true));
    expect((await renewingSession(send, renew).fetch('/_api/a', {})).status).toBe(401);
    expect(send).toHaveBeenCalledTimes(2);
    expect(renew).toHaveBeenCalledTimes(1);
  });

  it('neither renews nor sends again for a request its caller aborted', async () => {
    const controller: AbortController = new AbortController();
    const send = jest.fn(() => { controller.abort(); return Promise.resolve(answer(401)); });
    const renew = jest.fn(() => Promise.resolve(true));
    expect((await renewingSession(send, renew).fetch('/_api/a', { signal: controller.signal })).status).toBe(401);
    expect(renew).not.toHaveBeenCalled();
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('leaves other answers alone', async () => {
    const send = jest.fn(() => Promise.resolve(answer(403)));
    const renew = jest.fn(() => Promise.resolve(true));
    expect((await renewingSession(send, renew).fetch('/_api/a', {})).status).toBe(403);
    expect(renew).not.toHaveBeenCalled();
  });
});

describe('pageSession', () => {
  it('sends as it is and never renews', async () => {
    const send = jest.fn(() => Promise.resolve(answer(401)));
    const session = pageSession(send);
    expect((await session.fetch('/_api/a', {})).status).toBe(401);
    expect(session.renewals()).toBe(0);
  });
});

describe('renewSharePointSession', () => {
  it('posts a token to the SharePoint origin to SharePoint\'s sign-in, as SPFx does in Teams', async () => {
    const getToken = jest.fn(() => Promise.resolve('sso-token'));
    const send = jest.fn((url: string, init: RequestInit) => Promise.resolve(answer(200)));
    expect(await renewSharePointSession('https://contoso.sharepoint.com', getToken, send)()).toBe(true);
    expect(getToken).toHaveBeenCalledWith('https://contoso.sharepoint.com');
    expect(send).toHaveBeenCalledWith('https://contoso.sharepoint.com/_api/SP.OAuth.NativeClient/Authenticate', {
      method: 'POST', credentials: 'same-origin', headers: { Authorization: 'Bearer sso-token', 'X-FeatureVersion': '2', Accept: 'application/json' }
    });
  });

  it('reports a sign-in SharePoint refused', async () => {
    const send = jest.fn(() => Promise.resolve(answer(401)));
    expect(await renewSharePointSession('https://contoso.sharepoint.com', () => Promise.resolve('t'), send)()).toBe(false);
  });
});

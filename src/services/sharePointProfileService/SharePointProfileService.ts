import { SPFI, spPost, SPQueryable } from '@pnp/sp';
import '@pnp/sp/profiles';
import { InjectHeaders, JSONParse, parseBinderWithErrorCheck } from '@pnp/queryable';
import { ISharePointProfile } from '../../models/ISharePointProfile';
import { pictureTimestampToDate } from '../../logic/pictureTimestamp';
import { PhotoSyncError } from '../../logic/PhotoSyncError';
import { ISharePointProfileService, IUploadTicket } from '../../logic/syncController/ISharePointProfileService';
import { upnOf } from '../../logic/identity';
import { IHttpResponse, IHttpTransport } from '../transport/IHttpTransport';
import { IRetryOptions, readImage, sendWithRetry } from '../transport/sendWithRetry';
import { parseContextInfo, parseMyProperties, parsePictureVersion } from './profileWireFormat';

/**
 * The codes SharePoint sends with 403 when the X-RequestDigest is wrong (-2130575251) or has timed out
 * (-2130575252): either way a fresh digest fixes it (docs/dev/platform-facts.md#contextinfo-and-the-request-digest).
 */
const STALE_DIGEST_CODES: ReadonlyArray<string> = ['-2130575251', '-2130575252'];

type FailureKind = 'badResponse' | 'uploadRefused';

/**
 * The signed-in person's SharePoint profile: its properties and the upload through pnpjs (`sp.profiles`), the
 * picture SharePoint shows through SPHttpClient, relative to the current site so that every request, the image
 * included, stays on the site's origin (the My Site host sends no CORS headers).
 */
export class SharePointProfileService implements ISharePointProfileService {
  private readonly _sp: SPFI;
  private readonly _pictureTransport: IHttpTransport;
  private readonly _siteUrl: string;
  private readonly _retry: IRetryOptions;
  private readonly _pageDigest: () => IPageDigest | undefined;
  private readonly _sessionRenewals: () => number;

  /**
   * @param sp pnpjs, configured for the current site (see createSyncController.ts)
   * @param pictureTransport reaches the current site with the user's SharePoint credentials (SPHttpClient)
   * @param sessionRenewals how many times the SharePoint session under these requests was renewed (in Teams); a
   *   ticket read under one session is not used to write under the next
   */
  public constructor(sp: SPFI, pictureTransport: IHttpTransport, siteUrl: string, retry: IRetryOptions,
    pageDigest: () => IPageDigest | undefined = () => undefined, sessionRenewals: () => number = () => 0) {
    this._sp = sp;
    this._pageDigest = pageDigest;
    this._sessionRenewals = sessionRenewals;
    this._pictureTransport = pictureTransport;
    this._siteUrl = siteUrl.replace(/\/+$/, '');
    this._retry = retry;
  }

  public async getMyProfile(): Promise<ISharePointProfile> {
    let body: unknown;
    try {
      body = await this._sp.profiles.myProperties();
    } catch (error) {
      throw toPhotoSyncError(error, await httpFailure(error), 'badResponse');
    }
    const profile: ISharePointProfile | undefined = parseMyProperties(body, pictureTimestampToDate);
    if (!profile) {
      throw new PhotoSyncError('badResponse', 'GetMyProperties answered without the expected properties');
    }
    return profile;
  }

  public async getMyPictureVersion(): Promise<{ accountName: string; pictureUrl: string | undefined }> {
    let body: unknown;
    try {
      body = await this._sp.profiles.myProperties.select('AccountName', 'PictureUrl')();
    } catch (error) {
      throw toPhotoSyncError(error, await httpFailure(error), 'badResponse');
    }
    const version: { accountName: string; pictureUrl: string | undefined } | undefined = parsePictureVersion(body);
    if (!version) {
      throw new PhotoSyncError('badResponse', 'GetMyProperties answered without AccountName');
    }
    return version;
  }

  public async getPicture(loginName: string): Promise<Blob> {
    // userphoto.aspx redirects to one signed link per person and size, with no picture version in it and cached for
    // a day (docs/dev/platform-facts.md#the-afdcache-redirect): the browser's cache would answer with the previous
    // picture after an upload, so the browser must ask again (cache mode no-cache), for both hops. userphoto.aspx
    // looks the person up by UPN; an unknown account gets the placeholder silhouette, not an error.
    const url: string = `${this._siteUrl}/_layouts/15/userphoto.aspx?size=L&accountname=${encodeURIComponent(upnOf(loginName))}`;
    let response: IHttpResponse = await this._sendPicture(url);
    if (response.status === 403) {
      // userphoto.aspx redirects to a signed, short-lived afdcache link that answers 403 once stale; asking again
      // gets a fresh link.
      response = await this._sendPicture(url);
    }
    if (!response.ok) {
      throw refusal(response.status, errorCode(await response.text()), 'badResponse');
    }
    return readImage(response);
  }

  public async prepareUpload(renewDigest: boolean): Promise<IUploadTicket> {
    const session: number = this._sessionRenewals();
    const page: string | undefined = renewDigest ? undefined : validDigest(this._pageDigest(), Date.now());
    const [digest, profile] = await Promise.all([page !== undefined ? Promise.resolve(page) : this._freshDigest(), this.getMyProfile()]);
    // The profile and the digest may have been read under two sessions: neither vouches for the other.
    if (this._sessionRenewals() !== session) {
      throw new PhotoSyncError('sessionRenewed', 'The SharePoint session was renewed while the ticket was read');
    }
    return { profile, upload: (image: Blob) => this._upload(image, digest, session) };
  }

  /**
   * Posts the picture with the given digest (pnpjs then fetches none of its own). Only SharePoint's own success
   * counts: 204, or 200 with `{"odata.null":true}` / `{"d":{"SetMyProfilePicture":null}}`
   * (docs/dev/platform-facts.md#setmyprofilepicture). A sign-in page, an empty body or any other 200 did not store it.
   */
  private async _upload(image: Blob, digest: string, session: number): Promise<void> {
    // The ticket's identity was checked under the session it was read with; under another, nothing is sent.
    if (this._sessionRenewals() !== session) {
      throw new PhotoSyncError('sessionRenewed', 'The SharePoint session was renewed after the ticket was read');
    }
    let answer: IUploadAnswer;
    try {
      // The body is the raw image bytes: not JSON, not multipart.
      answer = await spPost(SPQueryable(this._sp.profiles, 'setmyprofilepicture').using(
        InjectHeaders({ 'X-RequestDigest': digest }),
        parseBinderWithErrorCheck(async (response: Response) => ({ status: response.status, text: await response.text() }))
      ), { body: await image.arrayBuffer() });
    } catch (error) {
      const failure: IHttpFailure | undefined = await httpFailure(error);
      if (failure && failure.status === 403 && failure.code && STALE_DIGEST_CODES.indexOf(failure.code) >= 0) {
        throw new PhotoSyncError('staleDigest', `SharePoint refused the digest (${failure.code})`, 403);
      }
      // Refused for an expired session that has just been renewed: SharePoint stored nothing, a new ticket may work.
      if (failure && failure.status === 401 && this._sessionRenewals() !== session) {
        throw new PhotoSyncError('sessionRenewed', 'The upload was refused for an expired session, now renewed', 401);
      }
      throw toPhotoSyncError(error, failure, 'uploadRefused');
    }
    if (!isUploadSuccess(answer)) {
      throw new PhotoSyncError('badResponse', `SetMyProfilePicture answered ${answer.status} without SharePoint's success`, answer.status);
    }
  }

  private async _freshDigest(): Promise<string> {
    let body: unknown;
    try {
      body = await spPost(SPQueryable([this._sp.profiles, `${this._siteUrl}/_api/contextinfo`]).using(JSONParse()), {
        headers: { 'X-PnPjs-NoDigest': '1' }
      });
    } catch (error) {
      throw toPhotoSyncError(error, await httpFailure(error), 'badResponse');
    }
    const info: { value: string } | undefined = parseContextInfo(body);
    if (!info) {
      throw new PhotoSyncError('badResponse', 'contextinfo answered without FormDigestValue');
    }
    return info.value;
  }

  private _sendPicture(url: string): Promise<IHttpResponse> {
    return sendWithRetry((signal) => this._pictureTransport.fetch(url, { headers: { Accept: 'image/*' }, cache: 'no-cache', signal }), this._retry);
  }
}

/** The digest SharePoint wrote into the page (legacyPageContext.formDigestValue) and how long it lives. */
export interface IPageDigest {
  value: string;
  timeoutSeconds: number;
}

/**
 * The page's digest while it should still be valid: its own date (after the comma) plus its lifetime, less 15 s
 * as pnpjs reckons it (docs/dev/platform-facts.md#pnpjs-v4-behaviours-this-project-relies-on). A refused one is
 * replaced by the controller asking for a renewed ticket.
 */
function validDigest(digest: IPageDigest | undefined, now: number): string | undefined {
  if (!digest || !digest.value) {
    return undefined;
  }
  const comma: number = digest.value.indexOf(',');
  const issued: number = comma < 0 ? NaN : Date.parse(digest.value.slice(comma + 1));
  return !isNaN(issued) && issued + (digest.timeoutSeconds - 15) * 1000 > now ? digest.value : undefined;
}

interface IUploadAnswer {
  status: number;
  text: string;
}

function isUploadSuccess(answer: IUploadAnswer): boolean {
  if (answer.status === 204) {
    return true;
  }
  if (answer.status !== 200) {
    return false;
  }
  try {
    const body: { 'odata.null'?: unknown; d?: { SetMyProfilePicture?: unknown } } | null = JSON.parse(answer.text);
    return body !== null && typeof body === 'object' &&
      (body['odata.null'] === true || (typeof body.d === 'object' && body.d !== null && body.d.SetMyProfilePicture === null));
  } catch {
    return false;
  }
}

/** The stable number of a SharePoint error code such as "-2130575251, Microsoft.SharePoint.SPException". */
function errorCode(text: string): string | undefined {
  try {
    const body: { 'odata.error'?: { code?: string }; error?: { code?: string } } = JSON.parse(text);
    const code: string | undefined = (body['odata.error'] || body.error || {}).code;
    return code ? code.split(',')[0].trim() : undefined;
  } catch {
    return undefined;
  }
}

interface IHttpFailure {
  status: number;
  code: string | undefined;
}

/** pnpjs rejects with HttpRequestError (status and the unread Response) for any answer that is not OK. */
async function httpFailure(error: unknown): Promise<IHttpFailure | undefined> {
  const httpError: { isHttpRequestError?: boolean; status: number; response: { text(): Promise<string> } } | undefined =
    error && (error as { isHttpRequestError?: boolean }).isHttpRequestError ? error as { status: number; response: { text(): Promise<string> } } : undefined;
  if (!httpError) {
    return undefined;
  }
  let text: string = '';
  try {
    text = await httpError.response.text();
  } catch {
    // The body only carries the error code; the status decides without it.
  }
  return { status: httpError.status, code: errorCode(text) };
}

function toPhotoSyncError(error: unknown, failure: IHttpFailure | undefined, kind: FailureKind): PhotoSyncError {
  if (error instanceof PhotoSyncError) {
    return error;
  }
  if (failure) {
    return refusal(failure.status, failure.code, kind);
  }
  // A 200 whose body is not JSON: pnpjs's parser throws a SyntaxError.
  if (error instanceof SyntaxError) {
    return new PhotoSyncError('badResponse', `Malformed JSON: ${error.message}`);
  }
  return new PhotoSyncError('unexpected', error instanceof Error ? error.message : String(error));
}

function refusal(status: number, code: string | undefined, kind: FailureKind): PhotoSyncError {
  const detail: string = `SharePoint answered ${status}${code ? ` ${code}` : ''}`;
  if (status === 401) {
    return new PhotoSyncError('signedOut', detail, status);
  }
  return new PhotoSyncError(kind === 'uploadRefused' || status < 500 ? kind : 'unexpected', detail, status);
}

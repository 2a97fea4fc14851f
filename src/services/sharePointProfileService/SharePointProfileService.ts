import { SPFI, spPost, SPQueryable } from '@pnp/sp';
import '@pnp/sp/profiles';
import { InjectHeaders, JSONParse } from '@pnp/queryable';
import { ISharePointProfile } from '../../models/ISharePointProfile';
import { pictureTimestampToDate } from '../../logic/pictureTimestamp';
import { PhotoSyncError } from '../../logic/PhotoSyncError';
import { ISharePointProfileService } from '../../logic/syncController/ISharePointProfileService';
import { IHttpResponse, IHttpTransport } from '../transport/IHttpTransport';
import { IRetryOptions, readImage, sendWithRetry } from '../transport/sendWithRetry';
import { parseContextInfo, parseMyProperties } from './profileWireFormat';

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

  /**
   * @param sp pnpjs, configured for the current site (see createSyncController.ts)
   * @param pictureTransport reaches the current site with the user's SharePoint credentials (SPHttpClient)
   */
  public constructor(sp: SPFI, pictureTransport: IHttpTransport, siteUrl: string, retry: IRetryOptions) {
    this._sp = sp;
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

  public async getMyPicture(profile: ISharePointProfile): Promise<Blob> {
    // userphoto.aspx redirects to one signed link per person and size, with no picture version in it and cached for
    // a day (docs/dev/platform-facts.md#the-afdcache-redirect): the browser's cache would answer with the previous
    // picture after an upload, so the browser must ask again. The timestamp on userphoto.aspx itself is kept as a
    // cache-buster for the first hop.
    const query: string = `size=L&accountname=${encodeURIComponent(userPrincipalName(profile))}` +
      (profile.pictureTimestamp ? `&t=${encodeURIComponent(profile.pictureTimestamp)}` : '');
    const url: string = `${this._siteUrl}/_layouts/15/userphoto.aspx?${query}`;
    // SPHttpClient would otherwise ask for JSON.
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

  public async setMyProfilePicture(image: Blob): Promise<void> {
    try {
      // The body is the raw image bytes: not JSON, not multipart. pnpjs adds the request digest.
      await this._sp.profiles.setMyProfilePic(image);
      return;
    } catch (error) {
      const failure: IHttpFailure | undefined = await httpFailure(error);
      if (!failure || failure.status !== 403 || !failure.code || STALE_DIGEST_CODES.indexOf(failure.code) < 0) {
        throw toPhotoSyncError(error, failure, 'uploadRefused');
      }
    }
    // The digest was refused (page digests can be old, and SharePoint can end one early). pnpjs keeps digests in a
    // map nothing clears (docs/dev/platform-facts.md#pnpjs-v4-request-digests), so the one retry carries a fresh one.
    const digest: string = await this._freshDigest();
    try {
      await this._sp.profiles.using(InjectHeaders({ 'X-RequestDigest': digest })).setMyProfilePic(image);
    } catch (error) {
      throw toPhotoSyncError(error, await httpFailure(error), 'uploadRefused');
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
    return sendWithRetry(() => this._pictureTransport.fetch(url, { headers: { Accept: 'image/*' }, cache: 'no-cache' }), this._retry);
  }
}

/**
 * userphoto.aspx looks the person up by UPN, which the claims login ends with (i:0#.f|membership|<upn>); the email
 * address can differ from it, and an unknown account gets the placeholder silhouette, not an error.
 */
function userPrincipalName(profile: ISharePointProfile): string {
  const claims: string[] = profile.accountName.split('|');
  return claims.length > 1 && claims[claims.length - 1] ? claims[claims.length - 1] : profile.email || profile.accountName;
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

import { IMicrosoft365Photo } from '../../models/IMicrosoft365Photo';
import { PhotoSyncError } from '../../logic/PhotoSyncError';
import { IHttpResponse, IHttpTransport } from '../transport/IHttpTransport';
import { IRetryOptions, readImage, readJson, sendWithRetry } from '../transport/sendWithRetry';
import { IMicrosoft365PhotoService } from '../../logic/syncController/IMicrosoft365PhotoService';
import { IPerson } from '../../logic/identity';

/** Largest photo side read from Graph: 648×648 is its largest standard size and plenty for a profile picture. */
const MAX_SIDE: number = 648;

const LARGEST_SIZE: string = `${MAX_SIDE}x${MAX_SIDE}`;

interface IGraphPhotoMetadata {
  id?: string;
  width?: number;
  height?: number;
  '@odata.mediaEtag'?: string;
  '@odata.mediaContentType'?: string;
}

interface ITokenClaims {
  oid?: unknown;
  upn?: unknown;
  preferred_username?: unknown;
  unique_name?: unknown;
}

interface IGraphErrorBody {
  error?: { code?: string; message?: string };
}

/** Reads /me/photo through Microsoft Graph and translates its errors into PhotoSyncError kinds. */
export class GraphPhotoService implements IMicrosoft365PhotoService {
  private readonly _transport: IHttpTransport;
  private readonly _baseUrl: string;
  private readonly _retry: IRetryOptions;
  private readonly _token: () => Promise<string>;

  /**
   * @param baseUrl Graph's v1.0 root, e.g. https://graph.microsoft.com/v1.0
   * @param token the Graph access token the transport sends (SPFx's AadTokenProvider, which caches it)
   */
  public constructor(transport: IHttpTransport, baseUrl: string, retry: IRetryOptions, token: () => Promise<string>) {
    this._transport = transport;
    this._token = token;
    this._baseUrl = baseUrl.replace(/\/+$/, '');
    this._retry = retry;
  }

  public async getMyPhoto(): Promise<IMicrosoft365Photo | undefined> {
    // The metadata (for the etag) and the bytes at the largest standard size do not depend on each other: one round
    // trip for both. 648×648 exists for any photo at least that large (docs/dev/platform-facts.md#photo-sizes).
    const [metadata, sized] = await Promise.all([
      this._getJson<IGraphPhotoMetadata>('/me/photo'),
      this._get(`/me/photos/${LARGEST_SIZE}/$value`)
    ]);
    if (metadata === undefined || isPlaceholderGif(metadata)) {
      return undefined;
    }
    let response: IHttpResponse = sized;
    let width: number = MAX_SIDE;
    let height: number = MAX_SIDE;
    if (isNoPhoto(response.status)) {
      // A smaller photo, or one stored in Entra ID, whose sized paths answer 404 while /me/photo has metadata and
      // bytes (docs/dev/platform-facts.md#photo-metadata): that is a photo, read at its largest size.
      response = await this._get('/me/photo/$value');
      width = metadata.width ?? 0;
      height = metadata.height ?? 0;
    }
    if (isNoPhoto(response.status)) {
      return undefined;
    }
    this._throwUnlessOk(response, await errorCode(response, response.ok));
    return { etag: metadata['@odata.mediaEtag'], width, height, image: await readImage(response) };
  }

  public async getMyPhotoVersion(): Promise<{ etag: string | undefined } | undefined> {
    const metadata: IGraphPhotoMetadata | undefined = await this._getJson<IGraphPhotoMetadata>('/me/photo');
    return metadata === undefined || isPlaceholderGif(metadata) ? undefined : { etag: metadata['@odata.mediaEtag'] };
  }

  /**
   * Whom Graph answers for: the claims of the token it is sent (oid, and upn or preferred_username), read without a
   * request (docs/dev/platform-facts.md#who-graph-answers-for).
   */
  public async getMyIdentity(): Promise<IPerson> {
    const claims: ITokenClaims | undefined = readClaims(await this._token());
    const loginName: unknown = claims && (claims.upn || claims.preferred_username || claims.unique_name);
    if (!claims || typeof claims.oid !== 'string' || typeof loginName !== 'string') {
      throw new PhotoSyncError('badResponse', 'The Graph token names no user');
    }
    return { loginName, objectId: claims.oid };
  }

  /**
   * A JSON resource, or undefined when Graph says the person has no photo: any 404 on the photo paths, whatever its
   * code (ImageNotFound, ErrorItemNotFound, ErrorEntityNotFound have all been seen: docs/dev/platform-facts.md#no-photo).
   */
  private async _getJson<T>(path: string): Promise<T | undefined> {
    const response: IHttpResponse = await this._get(path);
    if (response.ok) {
      return readJson<T>(response);
    }
    if (isNoPhoto(response.status)) {
      return undefined;
    }
    this._throwUnlessOk(response, await errorCode(response, false));
    return undefined;
  }

  private _get(path: string): Promise<IHttpResponse> {
    return sendWithRetry((signal) => this._transport.fetch(this._baseUrl + path, { signal }), this._retry);
  }

  private _throwUnlessOk(response: IHttpResponse, code: string | undefined): void {
    if (response.ok) {
      return;
    }
    const detail: string = `Graph answered ${response.status}${code ? ` ${code}` : ''}`;
    // 401 is a token Graph no longer takes (expired, or signed out): reloading gets a new one. A missing permission
    // shows while getting the token (AADSTS65001) or as 403 (docs/dev/platform-facts.md#authentication-and-permission-errors).
    if (response.status === 401) {
      throw new PhotoSyncError('signedOut', detail, response.status);
    }
    if (response.status === 403) {
      throw new PhotoSyncError('permissionMissing', detail, response.status);
    }
    throw new PhotoSyncError(response.status >= 500 ? 'unexpected' : 'badResponse', detail, response.status);
  }
}

function isNoPhoto(status: number): boolean {
  return status === 404;
}

/** Graph's documented answer for a person without a photo: a 1×1 GIF (docs/dev/platform-facts.md#no-photo). */
function isPlaceholderGif(metadata: IGraphPhotoMetadata): boolean {
  return metadata.id === '1x1' || (metadata.width === 1 && metadata.height === 1) ||
    (metadata['@odata.mediaContentType'] || '').toLowerCase() === 'image/gif';
}

async function errorCode(response: IHttpResponse, ok: boolean): Promise<string | undefined> {
  if (ok) {
    return undefined;
  }
  try {
    const body: IGraphErrorBody = JSON.parse(await response.text());
    return body.error && body.error.code;
  } catch {
    return undefined;
  }
}

/** The payload of a JWT (base64url JSON between the first and second dot), or undefined when it is not one. */
function readClaims(token: string): ITokenClaims | undefined {
  try {
    const payload: string = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const binary: string = atob(payload + '='.repeat((4 - (payload.length % 4)) % 4));
    const bytes: Uint8Array = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return typeof claims === 'object' && claims !== null ? claims as ITokenClaims : undefined;
  } catch {
    return undefined;
  }
}

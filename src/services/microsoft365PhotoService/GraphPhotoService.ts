import { IMicrosoft365Photo } from '../../models/IMicrosoft365Photo';
import { PhotoSyncError } from '../../logic/PhotoSyncError';
import { IHttpResponse, IHttpTransport } from '../transport/IHttpTransport';
import { IRetryOptions, readImage, readJson, sendWithRetry } from '../transport/sendWithRetry';
import { IMicrosoft365PhotoService } from '../../logic/syncController/IMicrosoft365PhotoService';
import { IPerson } from '../../logic/identity';

/** Largest photo side read from Graph: 648×648 is its largest standard size and plenty for a profile picture. */
const MAX_SIDE: number = 648;

/** For an optional request: asked once, never retried. */
const ONE_ATTEMPT: IRetryOptions['policy'] = { maxRetries: 0, baseDelayMs: 0, maxDelayMs: 0 };

interface IGraphPhotoMetadata {
  id?: string;
  width?: number;
  height?: number;
  '@odata.mediaEtag'?: string;
  '@odata.mediaContentType'?: string;
}

interface IGraphErrorBody {
  error?: { code?: string; message?: string };
}

/** Reads /me/photo through Microsoft Graph and translates its errors into PhotoSyncError kinds. */
export class GraphPhotoService implements IMicrosoft365PhotoService {
  private readonly _transport: IHttpTransport;
  private readonly _baseUrl: string;
  private readonly _retry: IRetryOptions;

  /** @param baseUrl Graph's v1.0 root, e.g. https://graph.microsoft.com/v1.0 */
  public constructor(transport: IHttpTransport, baseUrl: string, retry: IRetryOptions) {
    this._transport = transport;
    this._baseUrl = baseUrl.replace(/\/+$/, '');
    this._retry = retry;
  }

  public async getMyPhoto(): Promise<IMicrosoft365Photo | undefined> {
    // Metadata (for the etag) and the list of stored sizes do not depend on each other: read them together.
    // The size list only helps choose a size: if it fails where the metadata works, the original will do.
    // Being optional, it is asked once, never retried: a throttled size list must not hold up the verdict.
    const [metadata, sizes] = await Promise.all([
      this._getJson<IGraphPhotoMetadata>('/me/photo'),
      this._getJson<{ value?: IGraphPhotoMetadata[] }>('/me/photos', ONE_ATTEMPT).catch(() => undefined)
    ]);
    if (metadata === undefined || isPlaceholderGif(metadata)) {
      return undefined;
    }
    const size: IGraphPhotoMetadata | undefined = largestSizeWithin((sizes && sizes.value) || [], MAX_SIDE);
    let chosen: IGraphPhotoMetadata = size ?? metadata;
    let response: IHttpResponse = await this._get(size && size.id ? `/me/photos/${encodeURIComponent(size.id)}/$value` : '/me/photo/$value');
    if (isNoPhoto(response.status) && size) {
      // A photo stored in Entra ID can have metadata and bytes at /me/photo while its sized paths answer 404
      // (docs/dev/platform-facts.md#photo-metadata): that is a photo, read at its original size.
      chosen = metadata;
      response = await this._get('/me/photo/$value');
    }
    if (isNoPhoto(response.status)) {
      return undefined;
    }
    this._throwUnlessOk(response, await errorCode(response, response.ok));
    return {
      etag: metadata['@odata.mediaEtag'],
      width: chosen.width ?? 0,
      height: chosen.height ?? 0,
      image: await readImage(response)
    };
  }

  public async getMyIdentity(): Promise<IPerson> {
    const me: { id?: unknown; userPrincipalName?: unknown } | undefined = await this._getJson('/me?$select=id,userPrincipalName');
    if (!me || typeof me.id !== 'string' || typeof me.userPrincipalName !== 'string') {
      throw new PhotoSyncError('badResponse', 'Graph /me answered without id and userPrincipalName');
    }
    return { loginName: me.userPrincipalName, objectId: me.id };
  }

  /**
   * A JSON resource, or undefined when Graph says the person has no photo: any 404 on the photo paths, whatever its
   * code (ImageNotFound, ErrorItemNotFound, ErrorEntityNotFound have all been seen: docs/dev/platform-facts.md#no-photo).
   */
  private async _getJson<T>(path: string, policy?: IRetryOptions['policy']): Promise<T | undefined> {
    const response: IHttpResponse = await this._get(path, policy);
    if (response.ok) {
      return readJson<T>(response);
    }
    if (isNoPhoto(response.status)) {
      return undefined;
    }
    this._throwUnlessOk(response, await errorCode(response, false));
    return undefined;
  }

  private _get(path: string, policy?: IRetryOptions['policy']): Promise<IHttpResponse> {
    return sendWithRetry((signal) => this._transport.fetch(this._baseUrl + path, { signal }), policy ? { ...this._retry, policy } : this._retry);
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

/** The largest square-or-not size whose sides both fit within maxSide. */
export function largestSizeWithin(sizes: IGraphPhotoMetadata[], maxSide: number): IGraphPhotoMetadata | undefined {
  let best: IGraphPhotoMetadata | undefined;
  for (const size of sizes) {
    const width: number = size.width ?? 0;
    const height: number = size.height ?? 0;
    if (width > 0 && height > 0 && width <= maxSide && height <= maxSide && (!best || width * height > (best.width ?? 0) * (best.height ?? 0))) {
      best = size;
    }
  }
  return best;
}

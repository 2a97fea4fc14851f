import { SyncController } from '../../logic/syncController/SyncController';
import { DEFAULT_RETRY_POLICY } from '../../logic/retryPolicy';
import { ComparisonSensitivity } from '../../logic/photoComparison/comparePhotos';
import { IHttpTransport } from '../../services/transport/IHttpTransport';
import { IRetryOptions } from '../../services/transport/sendWithRetry';
import { GraphPhotoService } from '../../services/microsoft365PhotoService/GraphPhotoService';
import { SharePointProfileService } from '../../services/sharePointProfileService/SharePointProfileService';
import { IImageCodec } from '../../logic/syncController/IImageCodec';

export interface ISyncControllerWiring {
  /** Reaches the current site with the user's SharePoint credentials. */
  sharePointTransport: IHttpTransport;
  /** Reaches Microsoft Graph with a token for User.Read. */
  graphTransport: IHttpTransport;
  /** Absolute URL of the current site (every SharePoint request stays on its origin). */
  siteUrl: string;
  /** Graph's v1.0 root. */
  graphUrl: string;
  codec: IImageCodec;
  sensitivity: ComparisonSensitivity;
  autoResync: boolean;
}

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** SharePoint sometimes shows a new picture a moment after accepting it: read back at once, after 2 s and after 5 s more. */
const VERIFY_DELAYS_MS: ReadonlyArray<number> = [0, 2000, 5000];

/** Long enough for a 4.76 MB upload on a slow connection; after it the person reads "could not be reached". */
const REQUEST_TIMEOUT_MS: number = 60000;

/** The one place that assembles services and controller, for the web part. */
export function createSyncController(wiring: ISyncControllerWiring): SyncController {
  const retry: IRetryOptions = { policy: DEFAULT_RETRY_POLICY, delay: wait, timeoutMs: REQUEST_TIMEOUT_MS };
  return new SyncController({
    microsoft365: new GraphPhotoService(wiring.graphTransport, wiring.graphUrl, retry),
    sharePoint: new SharePointProfileService(wiring.sharePointTransport, wiring.siteUrl, retry),
    codec: wiring.codec,
    sensitivity: wiring.sensitivity,
    autoResync: wiring.autoResync,
    verifyDelaysMs: VERIFY_DELAYS_MS,
    delay: wait
  });
}

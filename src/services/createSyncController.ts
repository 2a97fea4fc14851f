import { spfi, SPFI, SPFx } from '@pnp/sp';
import type { BaseComponentContext } from '@microsoft/sp-component-base';
import { SyncController, ISyncSettings } from '../logic/syncController/SyncController';
import { DEFAULT_RETRY_POLICY } from '../logic/retryPolicy';
import { ComparisonSensitivity } from '../logic/photoComparison/comparePhotos';
import { IHttpTransport } from './transport/IHttpTransport';
import { IRetryOptions } from './transport/sendWithRetry';
import { GraphPhotoService } from './microsoft365PhotoService/GraphPhotoService';
import { IPageDigest, SharePointProfileService } from './sharePointProfileService/SharePointProfileService';
import { IImageCodec } from '../logic/syncController/IImageCodec';
import { IMicrosoft365PhotoService } from '../logic/syncController/IMicrosoft365PhotoService';
import { IResyncMemory } from '../logic/syncController/IResyncMemory';
import { IKeptCheckStore } from '../logic/syncController/IKeptCheckStore';
import { SendWithRetry } from './sharePointProfileService/sendWithRetryBehavior';
import { IPerson } from '../logic/identity';
import { graphToken, graphTransport } from './transport/SPFxTransports';
import { sameOriginTransport } from './transport/FetchTransport';
import { BrowserImageCodec } from './imageCodec/BrowserImageCodec';
import { BrowserResyncMemory } from './resyncMemory/BrowserResyncMemory';
import { BrowserKeptCheckStore } from './keptCheckStore/BrowserKeptCheckStore';
import { BrowserRecentCheckStore } from './recentCheckStore/BrowserRecentCheckStore';
import { IRecentCheckStore } from '../logic/nudge/IRecentCheck';
import { ISharePointSession } from './sharePointSession/renewingSession';

export interface ISyncControllerWiring {
  /** SharePoint REST for the current site (see createSP). */
  sp: SPFI;
  /** Reaches the current site with the user's SharePoint credentials, for the picture itself. */
  sharePointTransport: IHttpTransport;
  /** Reaches Microsoft Graph with a token for User.Read. */
  graphTransport: IHttpTransport;
  /** That token itself (cached by SPFx), whose claims say whom Graph answers for. */
  graphToken: () => Promise<string>;
  /** Absolute URL of the current site (every SharePoint request stays on its origin). */
  siteUrl: string;
  /** Graph's v1.0 root. */
  graphUrl: string;
  codec: IImageCodec;
  /** Where a resync SharePoint stored but could not show yet is remembered across visits. */
  memory: IResyncMemory;
  /** Where each person's last check is kept for the next visit. */
  keptChecks: IKeptCheckStore;
  /** Where the last verdict is noted for every surface of the browser (the nudge reads it on each page view). */
  recentChecks?: IRecentCheckStore;
  sensitivity: ComparisonSensitivity;
  autoResync: boolean;
  /** How long a kept check may be shown again, in milliseconds; 0 keeps none. */
  keepCheckForMs: number;
  /** The person the page was opened for (SPFx's page context). */
  person: IPerson;
  /** The request digest SharePoint wrote into the page, if any. */
  pageDigest: () => IPageDigest | undefined;
  /** How many times the SharePoint session was renewed (in Teams; always 0 on a page). */
  sessionRenewals: () => number;
}

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** SharePoint sometimes shows a new picture a moment after accepting it: read back at once, after 2 s and after 5 s more. */
const VERIFY_DELAYS_MS: ReadonlyArray<number> = [0, 2000, 5000];

/** Longest wait for a read's answer; after it the request is aborted and the person reads "could not be reached". */
const READ_TIMEOUT_MS: number = 20000;

/** Long enough for a 4.76 MB upload on a slow connection; after it the upload is aborted and read back. */
const UPLOAD_TIMEOUT_MS: number = 60000;

/** A resync, upload and read-backs together, ends with its outcome in words within this time. */
const RESYNC_BUDGET_MS: number = 90000;

const RETRY: IRetryOptions = { policy: DEFAULT_RETRY_POLICY, delay: wait, timeoutMs: READ_TIMEOUT_MS };

/**
 * pnpjs for the web part's site, built once per web part: SPFx's defaults (the site's URL, the page's request
 * digest, same-origin credentials), sending through `send` (window.fetch, as pnpjs does in SPFx; in an app frame one
 * that renews an expired session), with the project's retry policy in place of pnpjs's own.
 */
export function createSP(context: Parameters<typeof SPFx>[0], send: (url: string, init: RequestInit) => Promise<Response>): SPFI {
  return spfi().using(SPFx(context), SendWithRetry(send, RETRY, UPLOAD_TIMEOUT_MS));
}

const GRAPH_RESOURCE: string = 'https://graph.microsoft.com';
const GRAPH_URL: string = `${GRAPH_RESOURCE}/v1.0`;

/**
 * The one place that builds the sync core from an SPFx component's context, for every component of the package:
 * Graph through the real AadHttpClient (the token it holds says whom Graph answers for), SharePoint through pnpjs and
 * the page's fetch (in an app frame, one that renews an expired session), the browser's codec and storage, and the
 * person SPFx's page context names.
 */
export async function createSyncControllerFor(context: BaseComponentContext, session: ISharePointSession, settings: ISyncSettings): Promise<SyncController> {
  const graph: IGraphParts = await graphPartsFor(context);
  const pageContext = context.pageContext;
  return createSyncController({
    sp: createSP(context, session.fetch),
    sharePointTransport: sameOriginTransport(session.fetch),
    sessionRenewals: session.renewals,
    graphTransport: graph.transport,
    graphToken: graph.token,
    siteUrl: pageContext.web.absoluteUrl,
    graphUrl: GRAPH_URL,
    codec: new BrowserImageCodec(),
    memory: new BrowserResyncMemory(() => window.localStorage),
    // Cache Storage exists only in secure contexts (SharePoint is always https).
    keptChecks: new BrowserKeptCheckStore(() => (typeof caches !== 'undefined' ? caches : undefined), window.location.origin),
    recentChecks: new BrowserRecentCheckStore(() => window.localStorage),
    sensitivity: settings.sensitivity,
    autoResync: settings.autoResync,
    keepCheckForMs: settings.keepCheckForMs,
    // Online, SPFx gives the UPN as loginName (docs/dev/platform-facts.md#what-sharepoint-supplies-at-run-time).
    person: { loginName: pageContext.user.loginName, objectId: pageContext.aadInfo?.userId?.toString() },
    pageDigest: () => {
      const legacy: { formDigestValue?: string; formDigestTimeoutSeconds?: number } | undefined = pageContext.legacyPageContext;
      return legacy && legacy.formDigestValue ? { value: legacy.formDigestValue, timeoutSeconds: legacy.formDigestTimeoutSeconds || 1800 } : undefined;
    }
  });
}

/**
 * Graph's photo service alone, for a surface that reads Graph's photo etag before deciding whether a check is due
 * (the nudge): the same client, token and retry policy as the controller's.
 */
export async function createMicrosoft365PhotoServiceFor(context: BaseComponentContext): Promise<IMicrosoft365PhotoService> {
  const graph: IGraphParts = await graphPartsFor(context);
  return new GraphPhotoService(graph.transport, GRAPH_URL, RETRY, graph.token);
}

interface IGraphParts {
  transport: IHttpTransport;
  token: () => Promise<string>;
}

async function graphPartsFor(context: BaseComponentContext): Promise<IGraphParts> {
  // Getting the client does not get a token yet: an unapproved User.Read surfaces on the first Graph request.
  const graphClient = await context.aadHttpClientFactory.getClient(GRAPH_RESOURCE);
  return { transport: graphTransport(graphClient), token: graphToken(await context.aadTokenProviderFactory.getTokenProvider(), GRAPH_RESOURCE) };
}

/** Assembles services and controller from their parts (the SPFx-free half of createSyncControllerFor). */
export function createSyncController(wiring: ISyncControllerWiring): SyncController {
  return new SyncController({
    microsoft365: new GraphPhotoService(wiring.graphTransport, wiring.graphUrl, RETRY, wiring.graphToken),
    sharePoint: new SharePointProfileService(wiring.sp, wiring.sharePointTransport, wiring.siteUrl, RETRY, wiring.pageDigest, wiring.sessionRenewals),
    codec: wiring.codec,
    memory: wiring.memory,
    keptChecks: wiring.keptChecks,
    recentChecks: wiring.recentChecks,
    sensitivity: wiring.sensitivity,
    autoResync: wiring.autoResync,
    keepCheckForMs: wiring.keepCheckForMs,
    person: wiring.person,
    resyncBudgetMs: RESYNC_BUDGET_MS,
    verifyDelaysMs: VERIFY_DELAYS_MS,
    delay: wait
  });
}

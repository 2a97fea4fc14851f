/**
 * The real SPFx runtime in Node, for tests: the dist AMD bundles of @microsoft/sp-loader (its assembly carries
 * sp-core-library, sp-page-context, sp-http-base and the rest), sp-http-msgraph and sp-http, run in a jsdom window
 * as a SharePoint page runs them, with the HTTP clients SharePoint uses (SPHttpClient, AadHttpClient).
 *
 * The runtime is loaded and the page's root ServiceScope built by the workbench's own code
 * (workbench/src/spfxRuntime.ts, the one file that touches SPFx internals, with workbench/amd.js). What differs
 * from a browser is only what jsdom lacks: the window's fetch, Blob and TextDecoder are Node's, and fetch is wrapped
 * to send the site's cookie as a browser would (see `pageFetch`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsdom from 'jsdom';
import { ASSEMBLY_PACKAGES, componentNames, distFile, MICROSOFT } from '../../scripts/spfxRuntimeFiles.mjs';
import { runInPage } from './servicesBundle.mjs';

const { JSDOM, ResourceLoader, VirtualConsole } = jsdom;

const root = new URL('../..', import.meta.url).pathname;

export const GRAPH_ORIGIN = 'https://graph.microsoft.com';
/** Where the page loads the runtime from; only the resource loader below ever sees this origin. */
const RUNTIME_ORIGIN = 'https://spfx-runtime.invalid';

/** Serves `${RUNTIME_ORIGIN}/<package>/<file>` from node_modules/@microsoft/<package>/dist; nothing else loads. */
class RuntimeFiles extends ResourceLoader {
  fetch(url) {
    if (!url.startsWith(`${RUNTIME_ORIGIN}/`)) {
      return Promise.reject(new Error(`The test page loads no resources but the SPFx runtime's, not ${url}`));
    }
    const [pkg, file] = new URL(url).pathname.slice(1).split('/');
    // The assembly loads the chunks of the packages it carries from its own folder (as the workbench copies them).
    const dirs = [pkg, ...(pkg === 'sp-loader' ? ASSEMBLY_PACKAGES : [])].map((name) => join(MICROSOFT, name, 'dist'));
    const dir = dirs.find((candidate) => readdirSync(candidate).includes(file));
    if (!dir) return Promise.reject(new Error(`${file} is in none of ${dirs.join(', ')}`));
    return this._readFile(join(dir, file));
  }
}

/**
 * @typedef {object} RecordedRequest
 * @property {string} method
 * @property {string} url the URL requested, after Graph's origin was routed to the emulator
 * @property {Buffer | undefined} body what a POST sent
 */

/**
 * Loads the runtime into a new jsdom window whose location is a page of the site.
 * @param {{ siteUrl: string, graphUrl: string }} emulator
 */
export async function loadSpfxRuntime({ siteUrl, graphUrl }) {
  /** @type {Error[]} */
  const errors = [];
  const virtualConsole = new VirtualConsole();
  // The runtime's own console output is noise here; script errors are not.
  virtualConsole.on('jsdomError', (error) => errors.push(error));
  const dom = new JSDOM('<!DOCTYPE html><html><head></head><body></body></html>', {
    url: `${siteUrl}/SitePages/Home.aspx`,
    runScripts: 'dangerously',
    resources: new RuntimeFiles(),
    virtualConsole,
  });
  const { window } = dom;
  const siteOrigin = new URL(siteUrl).origin;

  /** @type {RecordedRequest[]} */
  const requests = [];
  let signedInUser;

  // jsdom has no Fetch API: the page gets Node's, with Node's Blob and URL so that bodies and answers are one kind
  // of Blob. The runtime builds Requests and Headers and sends them through window.fetch (sp-http-base FetchProvider).
  Object.assign(window, { Request, Headers, Response, Blob, URL, TextDecoder });
  window.fetch = async function pageFetch(input, init) {
    let request = new Request(input, init);
    if (new URL(request.url).origin === siteOrigin && signedInUser !== undefined) {
      // A browser sends the site's cookie with a same-origin request; Node's fetch has no cookie jar. The
      // emulator's SharePoint origins know the user from this cookie. Nothing else about the request changes.
      const headers = new Headers(request.headers);
      headers.set('cookie', `emulator-user=${encodeURIComponent(signedInUser)}`);
      request = new Request(request, { headers });
    }
    const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : Buffer.from(await request.clone().arrayBuffer());
    requests.push({ method: request.method, url: request.url, body });
    return fetch(request);
  };

  window.eval(readFileSync(join(root, 'workbench', 'amd.js'), 'utf8'));
  const host = await runInPage(window, join(root, 'workbench', 'src', 'spfxRuntime.ts'), '__spfxRuntime');
  host.routeGraph(graphUrl);
  await host.loadRuntimeModules([
    `${RUNTIME_ORIGIN}/sp-loader/sp-loader-assembly_en-us.js`,
    `${RUNTIME_ORIGIN}/sp-http-msgraph/${distFile('sp-http-msgraph', /^sp-http-msgraph_en-us_.*\.js$/)}`,
    `${RUNTIME_ORIGIN}/sp-http/${distFile('sp-http', /^sp-http_none_.*\.js$/)}`,
  ], componentNames(), '00000000-0000-0000-0000-000000000000');
  if (errors.length > 0) throw errors[0];
  const modules = window.workbenchModules;

  /**
   * A page load by one user: a new root ServiceScope with the page's context, the real token provider, and the
   * two clients the web part uses.
   * @param {{ user: { id: string, upn: string, displayName: string, objectId: string },
   *   acquireToken: (resource: string) => Promise<string>, tokenPath?: 'msal' | 'obo' }} page
   */
  function openPage({ user, acquireToken, tokenPath = 'msal' }) {
    /** Which path the runtime asked the token step by, each time it asked. */
    const tokenPaths = [];
    signedInUser = user.id;
    const http = modules.get('@microsoft/sp-http');
    const scope = host.createRootScope({
      siteUrl, locale: 'en-us', canEditPage: false, graphUrl, acquireToken, tokenPath,
      onTokenRequest: (path) => tokenPaths.push(path),
      user: { displayName: user.displayName, objectId: user.objectId, email: user.upn, loginName: user.upn },
    });
    const pageContext = scope.consume(modules.get('@microsoft/sp-page-context').PageContext.serviceKey);
    return {
      scope,
      tokenPaths,
      /** What createSP reads of the web part's context: the page context. */
      context: { pageContext },
      /** As the web part gets it: `context.aadHttpClientFactory.getClient(resource)`. */
      aadHttpClient: (resource) => scope.consume(http.AadHttpClientFactory.serviceKey).getClient(resource),
      /** As the web part gets it: `context.aadTokenProviderFactory.getTokenProvider()`. */
      aadTokenProvider: () => scope.consume(http.AadTokenProviderFactory.serviceKey).getTokenProvider(),
    };
  }

  return {
    window,
    /** The runtime's modules by package name, for the services bundle (`@microsoft/sp-http` and the rest). */
    module: (name) => modules.get(name),
    /** Every request the page sent, in order; cleared by the caller. */
    requests,
    openPage,
    /** Script errors the page raised (uncaught exceptions, scripts that failed to load). */
    errors,
    close: () => window.close(),
  };
}

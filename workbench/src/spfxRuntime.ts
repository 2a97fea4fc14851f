/**
 * Hosts the web part's production bundle in the real SPFx runtime from node_modules, as a SharePoint page does.
 *
 * Everything SharePoint-internal the workbench touches is in this file, so that an SPFx upgrade that changes one of
 * them fails here, loudly: every lookup throws when a name is missing, and the token step records each call so that
 * tests can tell when SPFx stopped asking it. The internal APIs used:
 * - `spModuleLoader._assemblyComponents` (sp-loader assembly): the modules the loader assembly carries, by component id;
 * - `spModuleLoader.initializeFlightsAndKillswitches` (`_SPStarter`): flights and kill switches, initialised empty;
 * - `_SPExperiment.initialize` (sp-core-library): experiments, initialised with none running;
 * - `_QosMonitor.startRealTimeProcessing` (sp-diagnostics): part of what SharePoint's starter does once the application
 *   has started; the workbench calls it once the runtime's scripts have loaded, before any web part;
 * - `PageContext.initialize` (sp-page-context, @internal): the page's site, web, list, user and culture;
 * - `_GraphHttpClientContext.initialize` (sp-http-base): Graph's endpoint for the site;
 * - `_AadTokenProviders._initialize` (sp-http-base): the tenant's configurable token provider;
 * - `AadTokenProvider._getAadTokenProvider` and the returned provider's `_getMsalBrowserTokenProvider` /
 *   `_getOboTokenProvider` / `_shouldUseOboTokenExchange` (sp-http-base): the one place a token is obtained; the
 *   real provider's failure memory ("Token request previously failed") stays in force;
 * - `ThemeProvider._setTheme` (sp-component-base): the section's theme, as a page section sets it;
 * - `_MinimalWebPartHost` on a page, `_TeamsAwareWebPartHost` on the page Teams hosts (teamshostedapp.aspx): before
 *   it initializes the web part, it loads sp-webpart-base's own teams-js chunk, calls `initialize()` and waits for
 *   `getContext`, when sp-core-library's `_BrowserUtilities.isTeamsHosted()` sees `window.name` set to
 *   `embedded-page-container` (docs/dev/platform-facts.md#teams);
 * - `_ClientSideWebPartManager.loadWebPart`, `getWebPartByInstanceId`, `_setDisplayMode`,
 *   `disposeWebparts` (sp-webpart-base): loading, rendering, switching to edit mode and back, and disposing;
 * - `BaseWebPart._getPropertyPaneData` and `_onPropertyPaneFieldChanged` (sp-webpart-base): what SharePoint's
 *   property pane reads and calls;
 * - `SPComponentLoader.loadComponent`, `tryGetManifestById` and `loadComponentById` (sp-loader): replaced, because
 *   the bundles are already on the page (the nudge's second part asks for its SPFx packages by component id);
 * - `_ExtensionManager` (sp-extension-base) with `BaseApplicationCustomizer` and `ApplicationCustomizerContext`
 *   (sp-application-base): what SharePoint's page does for each Application Customizer in the tenant's list
 *   (docs/dev/platform-facts.md#application-customizers); `_PlaceholderManager` (its `_enable`, `registerPlaceholders`)
 *   finds the page's `data-sp-placeholder` elements; `_Navigator.raiseNavigatedEvent` is what an in-page navigation
 *   raises;
 * - `_PropertyPaneLoader` (sp-webpart-base): provided in the section's scope, refusing to load SharePoint's property
 *   pane (edit mode asks for it), whose bundle needs Microsoft-internal ones; the workbench's panel stands in;
 * - stand-ins for the Microsoft-internal modules that are not on npm: `@msinternal/sp-edit-customer-promise`,
 *   `@msinternal/sp-idle-web-task`, `@msinternal/sp-safehtml`; and `@microsoft/sp-property-pane`, whose dist bundle
 *   needs a dozen of them, made of the identical field factories sp-webpart-base still ships; and
 *   `@msinternal/odsp-core-bundle` (sp-application-base: feature flags, kill switches and engagement logging for
 *   SharePoint's own app bar), with every feature at its default and nothing logged.
 */
import type { ServiceScope } from '@microsoft/sp-core-library';

/* eslint-disable @typescript-eslint/no-explicit-any */
type AnyModule = any;

interface IWorkbenchModules {
  nameComponents(names: Record<string, string>): void;
  provide(name: string, exports: unknown): void;
  get(name: string): AnyModule;
  has(name: string): boolean;
}

declare global {
  interface Window {
    workbenchModules: IWorkbenchModules;
    spModuleLoader: AnyModule;
  }
}

/** What scripts/build-workbench.mjs writes to runtime.json. */
export interface IRuntimeFiles {
  componentNames: Record<string, string>;
  scripts: string[];
  webPart: {
    manifest: AnyModule;
    bundle: string;
    stringsModule: string;
    strings: Record<string, string>;
  };
  /** The nudge, an Application Customizer; it shares the web part's strings. */
  customizer: {
    manifest: AnyModule;
    bundle: string;
  };
}

/** The nudge as the page hosts it. */
export interface IHostedCustomizer {
  /** What SharePoint raises after an in-page navigation; the customizer stays alive across it. */
  navigated(): void;
  setTheme(theme: unknown): void;
  dispose(): void;
}

export interface IPageUser {
  displayName: string;
  /** Entra ID object id. */
  objectId: string;
  email: string;
  loginName: string;
}

export interface IPageOptions {
  siteUrl: string;
  locale: string;
  user: IPageUser;
  /** A page editor has the list's editListItems permission; a reader has view permissions only. */
  canEditPage: boolean;
  /** Where the emulator's Graph origin is: requests to https://graph.microsoft.com go there. */
  graphUrl: string;
  /** Gets a Graph token for the signed-in user, or fails as the token service does. */
  acquireToken: (resource: string) => Promise<string>;
  /** SharePoint Online gets tokens from MSAL (errors are Errors) or from its OBO endpoint (errors are strings). */
  tokenPath: 'msal' | 'obo';
  /** The request digest SharePoint writes into the page it serves (legacyPageContext), when there is one. */
  pageDigest?: { formDigestValue: string; formDigestTimeoutSeconds: number };
  /** Hears each time the runtime asks the token step, and which path it took. */
  onTokenRequest?: (path: 'msal' | 'obo', resource: string) => void;
  /** A SharePoint page, or the page Teams hosts (teamshostedapp.aspx), whose web part host waits for the Teams SDK. */
  host: 'page' | 'teams';
}

/** A property pane field as the web part describes it, read from its real configuration. */
export interface IPaneField {
  type: number;
  targetProperty: string;
  properties: AnyModule;
}

export interface IPaneGroup {
  groupName?: string;
  groupFields: IPaneField[];
}

export interface IHostedWebPart {
  /** The web part's property pane as SharePoint's pane would show it, and its current properties. */
  propertyPane(): Promise<{ description?: string; groups: IPaneGroup[]; properties: Record<string, unknown> }>;
  /** What the property pane does when a field changes. */
  changeProperty(name: string, value: unknown): void;
  setTheme(theme: unknown): void;
  /** What the page's Edit button does; SharePoint's property pane, which edit mode also loads, is not on this page. */
  setEditMode(edit: boolean): Promise<void>;
  dispose(): void;
  fieldTypes: Record<string, number>;
}

export const GRAPH_ORIGIN: string = 'https://graph.microsoft.com';
/** A User Timing mark the workbench sets just before the runtime loads the web part. */
export const LOAD_WEB_PART_MARK: string = 'workbench:load-web-part';
/** User Timing marks around what the page does for the nudge: its script has run; SPFx creates it (onInit included). */
export const CUSTOMIZER_SCRIPT_RUN_MARK: string = 'workbench:customizer-script-run';
export const CUSTOMIZER_CREATE_MARKS: [string, string] = ['workbench:customizer-create-start', 'workbench:customizer-create-end'];
/** Around the customizer's own onInit, which SPFx calls inside its creation. */
export const CUSTOMIZER_ON_INIT_MARKS: [string, string] = ['workbench:customizer-on-init-start', 'workbench:customizer-on-init-end'];

const WEB_PART_INSTANCE_ID: string = 'b6c0e1e5-7f53-4a43-9a0e-3b6a2f3c9d11';
const SITE_ID: string = '4f3c2b1a-0d9e-4c8b-a7f6-5e4d3c2b1a09';
const WEB_ID: string = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const TENANT_ID: string = '3c5b0e7d-1f2a-4b6c-9d8e-7f6a5b4c3d2e';
const LIST_ID: string = '2c4e6a8b-0d1f-4a3c-9e5b-7d9f1b3d5e7f';
/** SharePoint's permission masks (SPBasePermissions): ViewListItems|OpenItems|ViewVersions|Open|ViewPages, and EditListItems on top. */
const READ_PERMISSIONS: { High: number; Low: number } = { High: 0, Low: 0x21061 };
const EDIT_PERMISSIONS: { High: number; Low: number } = { High: 0, Low: 0x21065 };

function loadScript(src: string, moduleName?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script: HTMLScriptElement = document.createElement('script');
    script.src = src;
    script.async = false;
    if (moduleName) {
      script.setAttribute('data-module', moduleName);
    }
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`Could not load ${src}`));
    document.head.appendChild(script);
  });
}

/** Lets the browser fetch every script at once; they still run one after the other, in order. */
function preload(sources: string[]): void {
  for (const src of sources) {
    const link: HTMLLinkElement = document.createElement('link');
    link.rel = 'preload';
    link.as = 'script';
    link.href = src;
    document.head.appendChild(link);
  }
}

function member<T = AnyModule>(owner: AnyModule, name: string, from: string): T {
  const value: T | undefined = owner ? owner[name] : undefined;
  if (value === undefined) {
    throw new Error(`SPFx changed: ${from} has no ${name}. Update workbench/src/spfxRuntime.ts for this SPFx version.`);
  }
  return value;
}

function notAvailable(name: string): () => never {
  return () => {
    throw new Error(`${name} is Microsoft-internal and not available outside SharePoint; the workbench has no stand-in for it`);
  };
}

/** Requests the bundle makes to Graph's real origin go to the emulator's Graph origin, unchanged otherwise. */
export function routeGraph(graphUrl: string): void {
  const pageFetch: typeof window.fetch = window.fetch.bind(window);
  window.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url: string = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.indexOf(GRAPH_ORIGIN + '/') !== 0) {
      return pageFetch(input, init);
    }
    const routed: string = graphUrl + url.slice(GRAPH_ORIGIN.length);
    return typeof input === 'string' || input instanceof URL ? pageFetch(routed, init) : pageFetch(new Request(routed, input), init);
  };
}

/**
 * Loads the SPFx runtime's bundles in order (the sp-loader assembly first) and prepares what SharePoint's page
 * prepares before any of them runs: flights, experiments, React, and the stand-ins for Microsoft-internal modules.
 * Shared by the workbench page and the Node integration test (test/support/spfxRuntime.mjs).
 */
export async function loadRuntimeModules(scripts: string[], componentNames: Record<string, string>, objectId: string): Promise<void> {
  const modules: IWorkbenchModules = window.workbenchModules;
  modules.nameComponents(componentNames);
  preload(scripts);

  await loadScript(scripts[0]);
  const loader: AnyModule = window.spModuleLoader;
  for (const [id, , exports] of member<Array<[string, string, unknown]>>(loader, '_assemblyComponents', 'the sp-loader assembly')) {
    modules.provide(member<string>(componentNames, id, 'the runtime manifests'), exports);
  }
  // SharePoint serves flights and kill switches with the page; the workbench has none, so every feature is at its default.
  member(loader, 'initializeFlightsAndKillswitches', '_SPStarter').call(loader, { ExpFeatures: [], killSwitches: {}, ECSClientFeatures: {} });
  const core: AnyModule = modules.get('@microsoft/sp-core-library');
  member(core._SPExperiment, 'initialize', '_SPExperiment').call(core._SPExperiment, {
    experimentData: [], experimentDataLookup: {}, serverTime: Date.now(), siteId: SITE_ID, aadUserId: objectId
  });
  modules.provide('react', (window as AnyModule).React);
  modules.provide('react-dom', (window as AnyModule).ReactDOM);
  modules.provide('@msinternal/sp-edit-customer-promise', {
    // Telemetry for failures of Microsoft's own web parts in edit mode: nothing to report outside SharePoint.
    _logFailuresForEditCustomerPromise: () => undefined,
    _EditModeCustomerPromiseHandler: { serviceKey: undefined }
  });
  modules.provide('@msinternal/sp-idle-web-task', {
    PrefetchDependencyPriority: { high: 'high', low: 'low' },
    IdleTaskPriority: { OPTIONAL_HIGH: 1 },
    IdleTaskQueue: { get instance(): never { return notAvailable('@msinternal/sp-idle-web-task IdleTaskQueue')(); } },
    createPrefetchDependencyQueue: notAvailable('@msinternal/sp-idle-web-task createPrefetchDependencyQueue')
  });
  modules.provide('@msinternal/odsp-core-bundle', {
    // SharePoint's own feature and kill-switch service (for its app bar): outside SharePoint every feature is at its
    // default, no kill switch is on, and nothing is logged.
    Features: { isFeatureEnabled: () => false },
    FeatureOverrides: { isFeatureEnabled: () => false },
    KillSwitch: { isActivated: () => false },
    Engagement: { logData: () => undefined }
  });
  modules.provide('@msinternal/sp-safehtml', {
    SafeHtml: { clean: notAvailable('@msinternal/sp-safehtml SafeHtml.clean'), isSafeLinkProtocol: notAvailable('@msinternal/sp-safehtml SafeHtml.isSafeLinkProtocol') }
  });
  for (const script of scripts.slice(1)) {
    await loadScript(script);
  }
  // SharePoint's page starter calls _Telemetry.startRealTimeProcessing() once the application has started (sp-loader's
  // SPStarter._logDataInRealTime), which registers Microsoft's telemetry backend and then lets the QoS monitor process
  // its entries as they come. Until then every QoS start and end that sp-http writes per request is queued, and the
  // queue only grows. The workbench has no telemetry backend to register (and must send nothing to Microsoft), so it
  // starts only the QoS monitor's processing: with no logger set, each entry is handled and dropped. Engagement's
  // processing stays off: it would hand its entries to the handler only the backend registers, and until then they
  // wait in sp-diagnostics' LogManager, a circular buffer of 5000 entries (LogManager._maxVerboseLog), which is bounded.
  const diagnostics: AnyModule = modules.get('@microsoft/sp-diagnostics');
  member(member(diagnostics, '_QosMonitor', '@microsoft/sp-diagnostics'), 'startRealTimeProcessing', '_QosMonitor').call(diagnostics._QosMonitor);
}

/** Loads the SPFx runtime, the web part's strings for the page's language and its bundle, as SharePoint would. */
export async function loadRuntime(files: IRuntimeFiles, options: IPageOptions): Promise<void> {
  const modules: IWorkbenchModules = window.workbenchModules;
  routeGraph(options.graphUrl);
  const strings: string = files.webPart.strings[options.locale] || files.webPart.strings['en-us'];
  preload([strings, files.webPart.bundle]);
  await loadRuntimeModules(files.scripts, files.componentNames, options.user.objectId);

  const webPartBase: AnyModule = modules.get('@microsoft/sp-webpart-base');
  const propertyPane: Record<string, unknown> = {};
  for (const name of ['PropertyPaneTextField', 'PropertyPaneToggle', 'PropertyPaneDropdown', 'PropertyPaneFieldType']) {
    propertyPane[name] = member(webPartBase, name, '@microsoft/sp-webpart-base');
  }
  modules.provide('@microsoft/sp-property-pane', propertyPane);

  await loadScript(strings, files.webPart.stringsModule);
  await loadScript(files.webPart.bundle);
  // An anonymous module, as SharePoint's loader names it from the manifest. The mark tells `npm run bench` when its
  // script has run (its evaluation is main-thread work the nudge costs every page).
  await loadScript(files.customizer.bundle, componentEntryName(files.customizer.manifest));
  performance.mark(CUSTOMIZER_SCRIPT_RUN_MARK);
  installComponentLoader(files);
}

function componentEntryName(manifest: AnyModule): string {
  return `${manifest.id}_${manifest.version}`;
}

/**
 * SPFx's component loader, answering from the bundles already on the page (the only part of module loading the
 * workbench does itself): the web part and the nudge by their manifests, the SPFx packages by their component ids.
 */
function installComponentLoader(files: IRuntimeFiles): void {
  const modules: IWorkbenchModules = window.workbenchModules;
  const componentLoader: AnyModule = member(modules.get('@microsoft/sp-loader'), 'SPComponentLoader', '@microsoft/sp-loader');
  const own: Record<string, AnyModule> = { [files.webPart.manifest.id]: files.webPart.manifest, [files.customizer.manifest.id]: files.customizer.manifest };
  member(componentLoader, 'loadComponent', 'SPComponentLoader');
  member(componentLoader, 'tryGetManifestById', 'SPComponentLoader');
  member(componentLoader, 'loadComponentById', 'SPComponentLoader');
  componentLoader.loadComponent = (requested: AnyModule) => own[requested.id]
    ? Promise.resolve(modules.get(componentEntryName(own[requested.id])))
    : Promise.reject(new Error(`The workbench hosts only its own components, not ${requested.id}`));
  componentLoader.tryGetManifestById = (id: string) => own[id];
  componentLoader.loadComponentById = (id: string) => {
    const name: string | undefined = files.componentNames[id];
    return name && modules.has(name) ? Promise.resolve(modules.get(name)) : Promise.reject(new Error(`No SPFx package with component id ${id} is on the page`));
  };
}

let pageRootScope: ServiceScope | undefined;

/** The page's one root scope: the web part and the nudge live under it, as on a SharePoint page. */
function rootScopeOf(options: IPageOptions): ServiceScope {
  if (!pageRootScope) {
    pageRootScope = createRootScope(options);
  }
  return pageRootScope;
}

/**
 * Loads the nudge as SharePoint's page loads each Application Customizer of the tenant's list: through sp-extension-base's
 * extension manager, with the properties JSON as the list stores it, into the page's Top placeholder.
 */
export async function hostApplicationCustomizer(files: IRuntimeFiles, options: IPageOptions, propertiesJson: string, theme: unknown): Promise<IHostedCustomizer> {
  const modules: IWorkbenchModules = window.workbenchModules;
  const componentBase: AnyModule = modules.get('@microsoft/sp-component-base');
  const extensionBase: AnyModule = modules.get('@microsoft/sp-extension-base');
  const applicationBase: AnyModule = modules.get('@microsoft/sp-application-base');
  const rootScope: ServiceScope = rootScopeOf(options);
  // The page's theme (the site's), which a customizer reads from its scope.
  const themeProvider: AnyModule = rootScope.consume(componentBase.ThemeProvider.serviceKey);
  member(themeProvider, '_setTheme', 'ThemeProvider').call(themeProvider, theme);
  const placeholders: AnyModule = rootScope.consume(member(applicationBase, '_PlaceholderManager', '@microsoft/sp-application-base').serviceKey);
  member(placeholders, '_enable', '_PlaceholderManager').call(placeholders);
  member(placeholders, 'registerPlaceholders', '_PlaceholderManager').call(placeholders);

  const ExtensionManager: AnyModule = member(extensionBase, '_ExtensionManager', '@microsoft/sp-extension-base');
  const manager: AnyModule = new ExtensionManager(rootScope, member(applicationBase, 'BaseApplicationCustomizer', '@microsoft/sp-application-base'));
  const Context: AnyModule = member(applicationBase, 'ApplicationCustomizerContext', '@microsoft/sp-application-base');
  // Times the customizer's own onInit for `npm run bench` (the code inside runs unchanged).
  const Customizer: AnyModule = member(modules.get(componentEntryName(files.customizer.manifest)), 'default', 'the nudge\'s bundle');
  const onInit: AnyModule = Customizer.prototype.onInit;
  Customizer.prototype.onInit = function timedOnInit(this: unknown, ...args: unknown[]): unknown {
    performance.mark(CUSTOMIZER_ON_INIT_MARKS[0]);
    try {
      return onInit.apply(this, args);
    } finally {
      performance.mark(CUSTOMIZER_ON_INIT_MARKS[1]);
    }
  };
  // No pre-allocated height: SharePoint keeps such space on the page even when the customizer shows nothing.
  performance.mark(CUSTOMIZER_CREATE_MARKS[0]);
  await member(manager, 'createExtension', '_ExtensionManager').call(manager, files.customizer.manifest.id, propertiesJson,
    (parameters: AnyModule) => new Context(parameters, { sequence: 0, preAllocatedApplicationCustomizerTopHeight: 0, preAllocatedApplicationCustomizerBottomHeight: 0 }));
  performance.mark(CUSTOMIZER_CREATE_MARKS[1]);
  const navigator: AnyModule = member(applicationBase, '_Navigator', '@microsoft/sp-application-base');
  member(navigator, 'raiseNavigatedEvent', '_Navigator');
  return {
    navigated: () => navigator.raiseNavigatedEvent(),
    setTheme: (next: unknown) => { themeProvider._setTheme(next); },
    dispose: () => { member(manager, 'disposeExtensions', '_ExtensionManager').call(manager); }
  };
}

/** The root ServiceScope a SharePoint page builds, with the page's context and the workbench's token provider. */
export function createRootScope(options: IPageOptions): ServiceScope {
  const modules: IWorkbenchModules = window.workbenchModules;
  const core: AnyModule = modules.get('@microsoft/sp-core-library');
  const pageContextModule: AnyModule = modules.get('@microsoft/sp-page-context');
  const httpBase: AnyModule = modules.get('@microsoft/sp-http-base');

  installTokenProvider(httpBase, options);

  const scope: ServiceScope = member(core.ServiceScope, 'startNewRoot', 'ServiceScope')();
  scope.finish();
  const site: URL = new URL(options.siteUrl);
  const pageContext: AnyModule = scope.consume(pageContextModule.PageContext.serviceKey);
  const culture: string = options.locale.replace(/-(\w+)$/, (match: string, region: string) => `-${region.toUpperCase()}`);
  member(pageContext, 'initialize', 'PageContext').call(pageContext, {
    site: { absoluteUrl: options.siteUrl, id: SITE_ID, serverRelativeUrl: site.pathname.replace(/\/$/, '') || '/', correlationId: '6a1f3e2d-4c5b-4a69-8f7e-0d1c2b3a4958' },
    web: {
      absoluteUrl: options.siteUrl, id: WEB_ID, serverRelativeUrl: site.pathname.replace(/\/$/, '') || '/', title: 'Contoso intranet',
      language: 1033, languageName: culture, permissions: options.canEditPage ? EDIT_PERMISSIONS : READ_PERMISSIONS, isAppWeb: false, templateName: 'SITEPAGEPUBLISHING#0'
    },
    // teamshostedapp.aspx is no page of a list (docs/dev/platform-facts.md#teams): its context has none.
    list: options.host === 'teams' ? undefined : { id: LIST_ID, title: 'Site Pages', serverRelativeUrl: '/SitePages', permissions: options.canEditPage ? EDIT_PERMISSIONS : READ_PERMISSIONS },
    user: { displayName: options.user.displayName, email: options.user.email, loginName: options.user.loginName, isAnonymousGuestUser: false, isExternalGuestUser: false },
    cultureInfo: { currentCultureName: culture, currentUICultureName: culture, isRightToLeft: false },
    aadInfo: { instanceUrl: 'https://login.microsoftonline.com', tenantId: TENANT_ID, userId: options.user.objectId }
  }, { ...options.pageDigest, webAbsoluteUrl: options.siteUrl, userLoginName: options.user.email });
  const graphContext: AnyModule = scope.consume(member(httpBase, '_GraphHttpClientContext', '@microsoft/sp-http-base').serviceKey);
  member(graphContext, 'initialize', '_GraphHttpClientContext').call(graphContext, site.pathname, GRAPH_ORIGIN, options.siteUrl);
  return scope;
}

/**
 * The real AadTokenProvider, with only its innermost step (asking MSAL, or SharePoint's OBO endpoint, for a token)
 * answered by the workbench. Failures keep their real shapes: MSAL rejects with an Error carrying the AADSTS code,
 * the OBO endpoint with a plain string; and the real provider then refuses the resource for five minutes.
 */
function installTokenProvider(httpBase: AnyModule, options: IPageOptions): void {
  const configuration: AnyModule = {
    aadInstanceUrl: 'https://login.microsoftonline.com',
    aadTenantId: TENANT_ID,
    redirectUri: `${options.siteUrl}/_forms/spfxsinglesignon.aspx`,
    // SharePoint Online Client Extensibility Web Application Principal, the tenant's app for approved permissions.
    servicePrincipalId: '08e18876-6177-487e-b8b5-cf950c1e598c',
    aadUserId: options.user.objectId
  };
  const AadTokenProvider: AnyModule = member(httpBase, 'AadTokenProvider', '@microsoft/sp-http-base');
  const provider: AnyModule = new AadTokenProvider(configuration, options.tokenPath === 'obo' ? { siteUrl: options.siteUrl } : undefined);
  const deferred: AnyModule = member(provider, '_getAadTokenProvider', 'AadTokenProvider').call(provider);
  member(deferred, '_getMsalBrowserTokenProvider', 'DeferredAadTokenProvider');
  member(deferred, '_getOboTokenProvider', 'DeferredAadTokenProvider');
  member(deferred, '_shouldUseOboTokenExchange', 'DeferredAadTokenProvider');
  deferred._shouldUseOboTokenExchange = () => options.tokenPath === 'obo';
  const heard = (path: 'msal' | 'obo', resource: string): void => { options.onTokenRequest?.(path, resource); };
  deferred._getMsalBrowserTokenProvider = () => Promise.resolve({
    getTokenData: (resource: string) => {
      heard('msal', resource);
      return options.acquireToken(resource)
        .then((accessToken: string) => ({ accessToken, expiresOn: new Date(Date.now() + 3600 * 1000), fromCache: false }));
    }
  });
  deferred._getOboTokenProvider = () => Promise.resolve({
    getToken: (resource: string) => {
      heard('obo', resource);
      return options.acquireToken(resource).catch((error: Error) => Promise.reject(error.message));
    }
  });
  member(httpBase._AadTokenProviders, '_initialize', '_AadTokenProviders').call(httpBase._AadTokenProviders, provider, configuration);
}

/** Loads the web part into `domElement` through the real web part manager, with the given stored properties. */
export async function hostWebPart(domElement: HTMLElement, files: IRuntimeFiles, options: IPageOptions, properties: Record<string, unknown>, theme: unknown): Promise<IHostedWebPart> {
  const modules: IWorkbenchModules = window.workbenchModules;
  const core: AnyModule = modules.get('@microsoft/sp-core-library');
  const componentBase: AnyModule = modules.get('@microsoft/sp-component-base');
  const webPartBase: AnyModule = modules.get('@microsoft/sp-webpart-base');
  const manifest: AnyModule = files.webPart.manifest;

  const rootScope: ServiceScope = rootScopeOf(options);
  // A page section gives its web parts their own scope with the section's theme.
  const sectionScope: ServiceScope = rootScope.startNewChild();
  const themeProvider: AnyModule = sectionScope.createAndProvide(componentBase.ThemeProvider.serviceKey, componentBase.ThemeProvider);
  sectionScope.provide(member(webPartBase, '_PropertyPaneLoader', '@microsoft/sp-webpart-base').serviceKey, {
    get propertyPane(): Promise<never> {
      return Promise.reject(new Error('SharePoint\'s property pane needs Microsoft-internal bundles that are not on npm'));
    },
    isLoaded: false
  });
  sectionScope.finish();
  member(themeProvider, '_setTheme', 'ThemeProvider').call(themeProvider, theme);

  const hostClass: string = options.host === 'teams' ? '_TeamsAwareWebPartHost' : '_MinimalWebPartHost';
  const host: AnyModule = new (member(webPartBase, hostClass, '@microsoft/sp-webpart-base'))(sectionScope);
  const manager: AnyModule = new (member(webPartBase, '_ClientSideWebPartManager', '@microsoft/sp-webpart-base'))(host);
  const preconfigured: AnyModule = manifest.preconfiguredEntries[0];
  // The moment the runtime is asked to load the web part (it then calls onInit, with no request in between): where
  // `npm run bench` starts timing a first visit's verdict, so that the runtime's own loading is not counted.
  performance.mark(LOAD_WEB_PART_MARK);
  await member(manager, 'loadWebPart', '_ClientSideWebPartManager').call(manager, {
    domElement,
    instanceId: WEB_PART_INSTANCE_ID,
    manifest,
    displayMode: member(core.DisplayMode, 'Read', 'DisplayMode'),
    addedFromPersistedData: true,
    webPartData: {
      id: manifest.id,
      instanceId: WEB_PART_INSTANCE_ID,
      title: preconfigured.title.default,
      dataVersion: '1.0',
      properties: { ...preconfigured.properties, ...properties }
    }
  });
  const webPart: AnyModule = member(manager, 'getWebPartByInstanceId', '_ClientSideWebPartManager').call(manager, WEB_PART_INSTANCE_ID);
  if (!webPart) {
    throw new Error(`${manifest.alias} did not load; the browser console says why`);
  }
  member(webPart, '_getPropertyPaneData', 'BaseWebPart');
  member(webPart, '_onPropertyPaneFieldChanged', 'BaseWebPart');

  return {
    fieldTypes: member(webPartBase, 'PropertyPaneFieldType', '@microsoft/sp-webpart-base'),
    propertyPane: async () => {
      const data: AnyModule = await webPart._getPropertyPaneData();
      const page: AnyModule = member<AnyModule[]>(data.configuration, 'pages', 'the property pane data')[0];
      return { description: page.header && page.header.description, groups: page.groups, properties: data.properties };
    },
    changeProperty: (name: string, value: unknown) => { webPart._onPropertyPaneFieldChanged(name, value); },
    setTheme: (next: unknown) => { themeProvider._setTheme(next); },
    setEditMode: async (edit: boolean) => {
      const mode: number = member(core.DisplayMode, edit ? 'Edit' : 'Read', 'DisplayMode');
      try {
        // Sets the web part's display mode at once, then loads SharePoint's property pane for edit mode.
        await member(manager, '_setDisplayMode', '_ClientSideWebPartManager').call(manager, mode, WEB_PART_INSTANCE_ID);
      } catch (error) {
        // The property pane needs Microsoft-internal bundles; the workbench's panel stands in for it.
        console.info(`SharePoint's property pane is not on the workbench page (${(error as Error).message}); the panel on the right stands in for it.`);
      }
      if (webPart.displayMode !== mode) {
        throw new Error('SPFx changed: _setDisplayMode no longer sets the web part\'s display mode');
      }
    },
    dispose: () => { member(manager, 'disposeWebparts', '_ClientSideWebPartManager').call(manager, WEB_PART_INSTANCE_ID); }
  };
}

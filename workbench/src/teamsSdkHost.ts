/**
 * The host side of the Teams JavaScript SDK, as Teams (or Outlook, or the Microsoft 365 app) answers an app in its
 * frame: the page in the frame runs the teams-js 2.36.0 that SPFx ships, unmodified, and this answers its messages.
 *
 * The wire format is teams-js's own (docs/dev/platform-facts.md#teams): the app posts
 * `{ id, uuidAsString, func, args, apiVersionTag, ... }` to its parent; the host answers
 * `{ id, uuidAsString, args }` to the same window, and pushes events as `{ func, args }` (e.g. `themeChange`).
 * teams-js takes messages from its own origin without an allow-list, which is why the frame shares the page's origin.
 */

export type TeamsTheme = 'default' | 'dark' | 'contrast';
export type TeamsHostKind = 'teams-personal' | 'teams-tab' | 'outlook';

export interface ITeamsSdkHostOptions {
  kind: TeamsHostKind;
  theme: TeamsTheme;
  locale: string;
  user: { objectId: string; upn: string; displayName: string; id: string };
  tenantId: string;
  /** The team's site for a tab; the tenant's root site for a personal app. */
  siteUrl: string;
  /** 'content' when the app shows, 'settings' while a tab is being configured. */
  frameContext: 'content' | 'settings';
  /** Gets a token to a resource for the signed-in person, or fails with the message Teams would give. */
  getToken: (resource: string) => Promise<string>;
  /** Leaves the SDK unanswered, as a host that never loads the app would. */
  silent: boolean;
}

interface IAppMessage {
  id: number;
  uuidAsString?: string;
  func: string;
  args?: unknown[];
}

/** What the host heard, for tests and the workbench's log. */
export interface ISdkCall {
  func: string;
  args: unknown[];
}

/** The capabilities a current Teams web client reports (runtime API version 4). */
const RUNTIME: object = {
  apiVersion: 4,
  hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
  isLegacyTeams: false,
  supports: { app: {}, appEntity: {}, appInstallDialog: {}, dialog: { url: {}, update: {} }, pages: { appButton: {}, config: {}, currentApp: {}, tabs: {} }, permissions: {}, profile: {}, teamsCore: {} }
};

/** The SDK version the host says it supports: the one SPFx 1.23.2 ships. */
const CLIENT_SDK_VERSION: string = '2.36.0';

export class TeamsSdkHost {
  public readonly calls: ISdkCall[] = [];
  private _themeHandlerRegistered: boolean = false;
  private readonly _frame: HTMLIFrameElement;
  private _options: ITeamsSdkHostOptions;
  private readonly _listener: (event: MessageEvent) => void;

  public constructor(frame: HTMLIFrameElement, options: ITeamsSdkHostOptions) {
    this._frame = frame;
    this._options = options;
    this._listener = (event: MessageEvent) => { this._receive(event); };
    window.addEventListener('message', this._listener);
  }

  public get themeHandlerRegistered(): boolean {
    return this._themeHandlerRegistered;
  }

  /** Teams pushes a theme change to every app that registered for it, and to no other. */
  public setTheme(theme: TeamsTheme): void {
    this._options = { ...this._options, theme };
    if (this._themeHandlerRegistered && !this._options.silent) {
      this._post({ func: 'themeChange', args: [theme] });
    }
  }

  public dispose(): void {
    window.removeEventListener('message', this._listener);
  }

  private _receive(event: MessageEvent): void {
    const message: IAppMessage = event.data;
    if (event.source !== this._frame.contentWindow || !message || typeof message.func !== 'string' || typeof message.id !== 'number') {
      return;
    }
    const args: unknown[] = Array.isArray(message.args) ? message.args : [];
    this.calls.push({ func: message.func, args });
    if (this._options.silent) {
      return;
    }
    const reply = (answer: unknown[]): void => { this._post({ id: message.id, uuidAsString: message.uuidAsString, args: answer }); };
    switch (message.func) {
      case 'initialize':
        reply([this._options.frameContext, 'web', JSON.stringify(RUNTIME), CLIENT_SDK_VERSION]);
        break;
      case 'getContext':
        reply([this._context()]);
        break;
      case 'authentication.getAuthToken': {
        // args: resources, claims, silent, tenantId. Teams answers [true, token] or [false, reason].
        const resources: unknown = args[0];
        const resource: string = Array.isArray(resources) && typeof resources[0] === 'string' ? resources[0] : new URL(this._options.siteUrl).origin;
        this._options.getToken(resource).then((token: string) => reply([true, token]), (error: Error) => reply([false, error.message]));
        break;
      }
      case 'registerHandler':
        if (args[0] === 'themeChange') {
          this._themeHandlerRegistered = true;
        }
        break;
      default:
        // Logging, telemetry and capabilities the web part does not use: Teams answers many of them with nothing.
        break;
    }
  }

  /** The context Teams sends (the SDK's v1 shape, which SPFx hands the web part as `sdks.microsoftTeams.context`). */
  private _context(): Record<string, unknown> {
    const o: ITeamsSdkHostOptions = this._options;
    const site: URL = new URL(o.siteUrl);
    const tab: boolean = o.kind === 'teams-tab';
    return {
      locale: o.locale,
      theme: o.theme,
      hostName: o.kind === 'outlook' ? 'Outlook' : 'Teams',
      hostClientType: 'web',
      frameContext: o.frameContext,
      entityId: tab ? 'profile-photo-sync-tab' : 'profile-photo-sync',
      appSessionId: 'b5a7e0b2-6d43-4d0f-9c1a-0e0c8f1f6a10',
      sessionId: 'f3f4b7e1-3f0e-4b5b-8a47-5e8d0c2f9b21',
      ringId: 'general',
      userObjectId: o.user.objectId,
      userPrincipalName: o.user.upn,
      loginHint: o.user.upn,
      userDisplayName: o.user.displayName,
      userLicenseType: 'Unknown',
      tid: o.tenantId,
      tenantSKU: 'enterprise',
      isFullScreen: false,
      teamSiteUrl: o.siteUrl,
      teamSiteDomain: site.host,
      teamSitePath: site.pathname.replace(/\/$/, ''),
      ...(tab ? {
        teamId: '19:3c1f0b7f8c2d4f6a9e5b7d1c3a5e7f9b@thread.tacv2',
        teamName: 'Marketing',
        teamType: 0,
        groupId: '5f6e7d8c-9b0a-4c1d-8e2f-3a4b5c6d7e8f',
        channelId: '19:general@thread.tacv2',
        channelName: 'General',
        channelType: 'Regular',
        userTeamRole: 1
      } : {})
    };
  }

  private _post(message: object): void {
    const target: Window | null = this._frame.contentWindow;
    if (target) {
      target.postMessage(message, window.location.origin);
    }
  }
}

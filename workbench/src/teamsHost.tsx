import * as React from 'react';
import * as ReactDom from 'react-dom';
import { IEmulatorConfig, IEmulatorUser, LOCALES } from './workbenchOptions';
import { ISdkCall, TeamsHostKind, TeamsSdkHost, TeamsTheme } from './teamsSdkHost';
import { changeQuery, PersonControls } from './PersonControls';

/**
 * The workbench as Teams: a Teams-like window whose frame, named `embedded-page-container` as Teams names it, loads
 * the workbench page as SharePoint's teamshostedapp.aspx (on the same origin), and a TeamsSdkHost that answers the
 * teams-js SPFx ships. Query string: ?host=teams-personal|teams-tab|outlook&teamsTheme=default|dark|contrast
 * &width=phone&teamsHost=silent, with the page's own ?user= and ?locale=.
 */

/** Teams' name for the frame it loads a SharePoint page into; SPFx tests it (docs/dev/platform-facts.md#teams). */
export const TEAMS_FRAME_NAME: string = 'embedded-page-container';

const KINDS: Array<{ id: TeamsHostKind; name: string }> = [
  { id: 'teams-personal', name: 'Teams: personal app' },
  { id: 'teams-tab', name: 'Teams: channel tab' },
  { id: 'outlook', name: 'Outlook: personal app' }
];
const THEMES: Array<{ id: TeamsTheme; name: string; background: string; text: string; bar: string }> = [
  { id: 'default', name: 'Light (default)', background: '#f5f5f5', text: '#242424', bar: '#ebebeb' },
  { id: 'dark', name: 'Dark', background: '#1f1f1f', text: '#ffffff', bar: '#0a0a0a' },
  { id: 'contrast', name: 'High contrast', background: '#000000', text: '#ffffff', bar: '#000000' }
];
/** The team whose site a channel tab runs on. */
const TEAM_SITE_PATH: string = '/sites/marketing';
const TENANT_ID: string = '3c5b0e7d-1f2a-4b6c-9d8e-7f6a5b4c3d2e';
/** A phone's width in CSS pixels, as Teams mobile gives an app. */
const PHONE_WIDTH_PX: number = 360;

export function isTeamsFrame(): boolean {
  return window.name === TEAMS_FRAME_NAME;
}

export function teamsHostKind(query: URLSearchParams): TeamsHostKind | undefined {
  const value: string | null = query.get('host');
  return KINDS.filter((kind) => kind.id === value)[0]?.id;
}

/** Where Teams opens the app: the tenant's root site for a personal app, the team's site for a channel tab. */
export function teamsSiteUrl(kind: TeamsHostKind | undefined, rootSiteUrl: string): string {
  return kind === 'teams-tab' ? `${rootSiteUrl}${TEAM_SITE_PATH}` : rootSiteUrl;
}

function themeOf(id: string | null): (typeof THEMES)[number] {
  return THEMES.filter((theme) => theme.id === id)[0] || THEMES[0];
}

/** A token from the emulator's token service, failing with the words Teams' single sign-on gives. */
async function getToken(userId: string, resource: string): Promise<string> {
  const response: Response = await fetch(`/_emulator/token?user=${encodeURIComponent(userId)}&resource=${encodeURIComponent(resource)}`);
  const body: { access_token?: string; error_description?: string } = await response.json();
  if (!response.ok || !body.access_token) {
    throw new Error(body.error_description || 'FailedToGetAuthToken');
  }
  return body.access_token;
}

interface ITeamsWindowProps {
  config: IEmulatorConfig;
  user: IEmulatorUser;
  kind: TeamsHostKind;
  locale: string;
  theme: TeamsTheme;
  phone: boolean;
  silent: boolean;
}

function TeamsWindow(props: ITeamsWindowProps): React.ReactElement {
  const { config, user, kind, locale, silent } = props;
  const [theme, setTheme] = React.useState<TeamsTheme>(props.theme);
  const [phone, setPhone] = React.useState<boolean>(props.phone);
  const [frameContext, setFrameContext] = React.useState<'content' | 'settings'>('content');
  const frame: React.RefObject<HTMLIFrameElement> = React.useRef<HTMLIFrameElement>(null);
  const sdk: React.MutableRefObject<TeamsSdkHost | undefined> = React.useRef<TeamsSdkHost | undefined>(undefined);
  const colors = themeOf(theme);

  // One SDK host per frame load: a settings page and the tab's content are two loads, as in Teams.
  React.useEffect(() => {
    const host: TeamsSdkHost = new TeamsSdkHost(frame.current!, {
      kind, theme, locale, frameContext, silent, tenantId: TENANT_ID,
      user: { objectId: user.objectId, upn: user.upn, displayName: user.displayName, id: user.id },
      siteUrl: teamsSiteUrl(kind, config.siteUrl),
      getToken: (resource: string) => getToken(user.id, resource)
    });
    sdk.current = host;
    (window as unknown as { teamsSdkCalls: ISdkCall[] }).teamsSdkCalls = host.calls;
    return () => host.dispose();
  }, [frameContext]);

  const navigate = (change: Record<string, string>): void => changeQuery(change, true);
  const remember = (change: Record<string, string | undefined>): void => changeQuery(change, false);

  const frameQuery: URLSearchParams = new URLSearchParams(window.location.search);
  frameQuery.delete('teamsTheme');
  frameQuery.delete('width');
  if (frameContext === 'settings') {
    frameQuery.set('teamsFrame', 'settings');
  }
  const appName: string = 'Profile Photo Sync';
  return (
    <div className="teams-window" style={{ background: colors.background, color: colors.text }} data-teams-theme={theme}>
      <header className="teams-bar" style={{ background: colors.bar }}>
        <strong>{kind === 'outlook' ? 'Outlook' : 'Microsoft Teams'}</strong>
        <span>{kind === 'teams-tab' ? `Marketing › General › ${appName}` : appName}</span>
      </header>
      <nav className="toolbar teams-toolbar" aria-label="Workbench">
        <PersonControls users={config.users} userId={user.id} locale={locale} onNavigate={navigate} />
        <label>
          Host
          <select value={kind} onChange={(e) => navigate({ host: e.target.value })} data-testid="host-switcher">
            {KINDS.map((k) => <option key={k.id} value={k.id}>{k.name}</option>)}
          </select>
        </label>
        <label>
          Teams theme
          <select
            value={theme}
            data-testid="teams-theme-switcher"
            onChange={(e) => {
              const next: TeamsTheme = e.target.value as TeamsTheme;
              setTheme(next);
              sdk.current?.setTheme(next);
              remember({ teamsTheme: next });
            }}
          >
            {THEMES.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={phone} data-testid="phone-width" onChange={(e) => { setPhone(e.target.checked); remember({ width: e.target.checked ? 'phone' : undefined }); }} />
          Phone width ({PHONE_WIDTH_PX} px)
        </label>
        <a href="/" className="teams-leave">SharePoint page</a>
        {kind === 'teams-tab' ? (
          <button type="button" data-testid="tab-settings" onClick={() => setFrameContext(frameContext === 'settings' ? 'content' : 'settings')}>
            {frameContext === 'settings' ? 'Save tab settings' : 'Tab settings'}
          </button>
        ) : undefined}
      </nav>
      <iframe
        key={frameContext}
        ref={frame}
        name={TEAMS_FRAME_NAME}
        title={appName}
        className="teams-app-frame"
        style={phone ? { width: PHONE_WIDTH_PX } : undefined}
        src={`index.html?${frameQuery.toString()}`}
      />
    </div>
  );
}

/** Shows the Teams window; the frame inside it hosts the web part. */
export function startTeamsHost(config: IEmulatorConfig, query: URLSearchParams): void {
  const user: IEmulatorUser = config.users.filter((u) => u.id === query.get('user'))[0] || config.users[0];
  const locale: string = LOCALES.filter((l) => l.id === query.get('locale'))[0]?.id || 'en-us';
  document.documentElement.lang = locale;
  document.body.classList.add('teams-host');
  // Who SharePoint's origins think is signed in, as a tenant's auth cookie would tell them.
  document.cookie = `emulator-user=${encodeURIComponent(user.id)}; path=/; SameSite=Lax`;
  const root: HTMLElement = document.createElement('div');
  document.body.appendChild(root);
  ReactDom.render(
    <TeamsWindow
      config={config}
      user={user}
      kind={teamsHostKind(query)!}
      locale={locale}
      theme={themeOf(query.get('teamsTheme')).id}
      phone={query.get('width') === 'phone'}
      silent={query.get('teamsHost') === 'silent'}
    />,
    root
  );
  document.body.setAttribute('data-teams-host-ready', 'true');
}

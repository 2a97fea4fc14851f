import * as React from 'react';
import * as ReactDom from 'react-dom';
import { hostApplicationCustomizer, hostWebPart, IHostedCustomizer, IHostedWebPart, IPageOptions, IRuntimeFiles, loadRuntime } from './spfxRuntime';
import { PropertyPanel } from './PropertyPanel';
import { changeQuery, PersonControls } from './PersonControls';
import { IEmulatorConfig, IEmulatorUser, IWorkbenchTheme, LOCALES, THEMES } from './workbenchOptions';
import { isTeamsFrame, startTeamsHost, teamsHostKind, teamsSiteUrl } from './teamsHost';

/**
 * The local workbench: a page shaped like a SharePoint page with one section, hosting the web part's --ship bundle
 * in the real SPFx runtime against the emulator. Query string: ?user=<id>&locale=<ll-cc>&theme=<id>&editor=1
 * &token=obo, plus any stored web part property as prop.<name>=<value> (e.g. prop.checkOnLoad=false), so that
 * tests and people can open any state directly. A different user, language or editor role is a new page load, as
 * in SharePoint; the theme and the properties change in place, through the runtime.
 *
 * Two pages of one site: Home carries the web part; News (?page=news) carries none. Between them the page navigates in
 * place, as SharePoint does (the runtime disposes the web part, the nudge stays and hears navigatedEvent). The nudge,
 * the package's Application Customizer, is on every page with the properties JSON of ?nudge=<json> (as an admin
 * types it in the Tenant Wide Extensions list), or with its defaults and this site's Home as the photo page;
 * ?nudge=off leaves it out.
 *
 * With ?host=teams-personal, teams-tab or outlook the page becomes a Teams host (teamsHost.tsx) whose frame, named as
 * Teams names it, loads this page again: there it is SharePoint's teamshostedapp.aspx, with no chrome of its own.
 */

interface IToolbarProps {
  users: IEmulatorUser[];
  userId: string;
  locale: string;
  themeId: string;
  canEditPage: boolean;
  /** The web part is on the page: until then there is nothing to remove. */
  hosted: boolean;
  onNavigate: (change: Record<string, string>) => void;
  onTheme: (themeId: string) => void;
  /** Deletes the web part from the page, as a page editor can: the runtime disposes it. */
  onRemove: () => void;
  /** The page's Edit button: edit mode and back, for page editors. */
  onEditMode: (edit: boolean) => void;
}

function Toolbar(props: IToolbarProps): React.ReactElement {
  const { users, userId, locale, canEditPage, hosted, onNavigate, onTheme, onRemove, onEditMode } = props;
  const [themeId, setThemeId] = React.useState<string>(props.themeId);
  const [editing, setEditing] = React.useState<boolean>(false);
  return (
    <>
      <PersonControls users={users} userId={userId} locale={locale} onNavigate={onNavigate} />
      <label>
        Theme
        <select value={themeId} onChange={(e) => { setThemeId(e.target.value); onTheme(e.target.value); }} data-testid="theme-switcher">
          {THEMES.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
        </select>
      </label>
      <label>
        <input type="checkbox" checked={canEditPage} onChange={(e) => onNavigate({ editor: e.target.checked ? '1' : '0' })} />
        Page editor
      </label>
      <button type="button" aria-pressed={editing} disabled={!hosted || !canEditPage} onClick={() => { setEditing(!editing); onEditMode(!editing); }}>
        Edit page
      </button>
      <button type="button" onClick={onRemove} disabled={!hosted}>Remove web part</button>
    </>
  );
}

type PageId = 'home' | 'news';
const PAGES: Array<{ id: PageId; title: string }> = [{ id: 'home', title: 'Home' }, { id: 'news', title: 'News' }];

/** The site's navigation: links that navigate in place, as SharePoint's do between its modern pages. */
function SiteNav(props: { page: PageId; onNavigate: (page: PageId) => void }): React.ReactElement {
  return (
    <>
      {PAGES.map((page) => (
        <a
          key={page.id}
          href={pageHref(page.id)}
          aria-current={page.id === props.page ? 'page' : undefined}
          data-testid={`page-link-${page.id}`}
          onClick={(e) => { e.preventDefault(); props.onNavigate(page.id); }}
        >
          {page.title}
        </a>
      ))}
    </>
  );
}

function pageHref(page: PageId): string {
  const query: URLSearchParams = new URLSearchParams(window.location.search);
  if (page === 'home') {
    query.delete('page');
  } else {
    query.set('page', page);
  }
  return `/?${query.toString()}`;
}

/** The nudge's properties JSON: ?nudge=<json> as typed, or its defaults with this site's Home as the photo page. */
function nudgeProperties(query: URLSearchParams): string {
  const typed: string | null = query.get('nudge');
  return typed !== null ? typed : JSON.stringify({ enabled: true, quietDays: 7, photoPageUrl: pageHref('home') });
}

function pick(query: URLSearchParams, name: string, allowed: string[], fallback: string): string {
  const value: string | null = query.get(name);
  return value !== null && allowed.indexOf(value) >= 0 ? value : fallback;
}

function storedProperties(query: URLSearchParams, defaults: Record<string, unknown>): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  query.forEach((value, key) => {
    const name: string = key.replace(/^prop\./, '');
    if (key.indexOf('prop.') === 0 && Object.prototype.hasOwnProperty.call(defaults, name)) {
      properties[name] = typeof defaults[name] === 'boolean' ? value === 'true' : value;
    }
  });
  return properties;
}

async function getJson<T>(url: string): Promise<T> {
  const response: Response = await fetch(url);
  if (!response.ok) {
    throw new Error(`${url} answered ${response.status}`);
  }
  return response.json();
}

/** Graph tokens from the emulator's token service; a refused consent fails as MSAL does, with the AADSTS code. */
async function acquireToken(userId: string): Promise<string> {
  const response: Response = await fetch(`/_emulator/token?user=${encodeURIComponent(userId)}`);
  const body: { access_token?: string; error_description?: string } = await response.json();
  if (!response.ok || !body.access_token) {
    throw new Error(body.error_description || `Token request failed (${response.status})`);
  }
  return body.access_token;
}

async function start(): Promise<void> {
  const query: URLSearchParams = new URLSearchParams(window.location.search);
  if (teamsHostKind(query) !== undefined && !isTeamsFrame()) {
    return startTeamsHost(await getJson<IEmulatorConfig>('/_emulator/config'), query);
  }
  const [config, files] = await Promise.all([getJson<IEmulatorConfig>('/_emulator/config'), getJson<IRuntimeFiles>('runtime.json')]);
  const user: IEmulatorUser = config.users.filter((u) => u.id === query.get('user'))[0] || config.users[0];
  // In Teams' frame this page is teamshostedapp.aspx: on the tenant's root site for a personal app, the team's site for a tab.
  const inTeams: boolean = isTeamsFrame();
  const siteUrl: string = inTeams ? teamsSiteUrl(teamsHostKind(query), config.siteUrl) : config.siteUrl;
  // Teams configures a tab by opening it with the property pane (frameContext "settings"); a personal app has none.
  const showPanel: boolean = !inTeams || query.get('teamsFrame') === 'settings';
  if (inTeams) {
    document.documentElement.classList.add('teams-frame');
    document.body.classList.add('teams-frame');
  }
  // SharePoint serves each page with a fresh request digest for its user.
  const pageDigest: IPageOptions['pageDigest'] = await getJson(`/_emulator/page-context?user=${encodeURIComponent(user.id)}`);
  const locale: string = pick(query, 'locale', LOCALES.map((l) => l.id), 'en-us');
  const themeId: string = pick(query, 'theme', THEMES.map((t) => t.id), 'light');
  const canEditPage: boolean = query.get('editor') === '1';
  const themeOf = (id: string): IWorkbenchTheme => THEMES.filter((t) => t.id === id)[0] || THEMES[0];
  document.documentElement.lang = locale;

  // Who SharePoint's origins think is signed in, as a tenant's auth cookie would tell them.
  document.cookie = `emulator-user=${encodeURIComponent(user.id)}; path=/; SameSite=Lax`;

  const navigate = (change: Record<string, string>): void => changeQuery(change, true);
  const section: HTMLElement = document.getElementById('section')!;
  // The theme chosen last, also while the runtime is still loading: the web part starts with it.
  let currentThemeId: string = themeId;
  let hosted: IHostedWebPart | undefined;
  let hostedCustomizer: IHostedCustomizer | undefined;
  const renderToolbar = (): void => {
    ReactDom.render(
      <Toolbar
        users={config.users}
        userId={user.id}
        locale={locale}
        themeId={themeId}
        canEditPage={canEditPage}
        hosted={hosted !== undefined}
        onNavigate={navigate}
        onTheme={(id) => {
          currentThemeId = id;
          section.style.background = themeOf(id).sectionBackground;
          hosted?.setTheme(themeOf(id).theme);
          hostedCustomizer?.setTheme(themeOf(id).theme);
          updateQuery({ theme: id });
        }}
        onEditMode={(edit) => { hosted?.setEditMode(edit).catch(showFailure); }}
        onRemove={() => {
          hosted?.dispose();
          hosted = undefined;
          ReactDom.unmountComponentAtNode(document.getElementById('property-panel')!);
          renderToolbar();
        }}
      />,
      document.getElementById('toolbar')
    );
  };
  if (!inTeams) {
    section.style.background = themeOf(themeId).sectionBackground;
    renderToolbar();
  }

  // What the runtime asked the token step, for tests that must know the seam is still in use.
  const tokenRequests: Array<{ path: string; resource: string }> = [];
  (window as unknown as { workbenchTokenRequests: typeof tokenRequests }).workbenchTokenRequests = tokenRequests;
  const options: IPageOptions = {
    siteUrl,
    locale,
    user: { displayName: user.displayName, objectId: user.objectId, email: user.upn, loginName: user.upn },
    canEditPage,
    graphUrl: config.graphUrl,
    acquireToken: () => acquireToken(user.id),
    // In Teams, SPFx gets Graph tokens through SharePoint's OBO exchange, not MSAL (docs/dev/platform-facts.md#teams).
    tokenPath: inTeams || query.get('token') === 'obo' ? 'obo' : 'msal',
    host: inTeams ? 'teams' : 'page',
    pageDigest,
    onTokenRequest: (path, resource) => tokenRequests.push({ path, resource })
  };
  await loadRuntime(files, options);
  const defaults: Record<string, unknown> = files.webPart.manifest.preconfiguredEntries[0].properties;
  const panel: HTMLElement = document.getElementById('property-panel')!;

  const hostHome = async (): Promise<void> => {
    const webPart: IHostedWebPart = await hostWebPart(document.getElementById('webpart')!, files, options, storedProperties(new URLSearchParams(window.location.search), defaults), themeOf(currentThemeId).theme);
    hosted = webPart;
    if (!inTeams) {
      renderToolbar();
    }
    const renderPanel = async (): Promise<void> => {
      const pane: Awaited<ReturnType<IHostedWebPart['propertyPane']>> = await webPart.propertyPane();
      ReactDom.render(
        <PropertyPanel
          description={pane.description}
          groups={pane.groups}
          properties={pane.properties}
          fieldTypes={webPart.fieldTypes}
          onChange={(name, value) => {
            webPart.changeProperty(name, value);
            updateQuery({ [`prop.${name}`]: value === defaults[name] ? undefined : String(value) });
            renderPanel().catch(showFailure);
          }}
        />,
        panel
      );
    };
    if (showPanel) {
      await renderPanel();
    }
    if (inTeams && showPanel) {
      // Teams configures a tab with the web part in edit mode and its property pane open (openPropertyPane=true).
      await webPart.setEditMode(true);
    }
  };

  let currentPage: PageId = inTeams ? 'home' : pick(query, 'page', PAGES.map((p) => p.id), 'home') as PageId;
  const showPage = (page: PageId): void => {
    const title: string = PAGES.filter((p) => p.id === page)[0].title;
    document.getElementById('page-title')!.textContent = title;
    document.title = `${title} – Profile Photo Sync – local workbench`;
    section.hidden = page !== 'home';
    document.getElementById('news')!.hidden = page !== 'news';
    if (!inTeams) {
      ReactDom.render(<SiteNav page={page} onNavigate={(next) => { navigateTo(next).catch(showFailure); }} />, document.getElementById('site-nav'));
    }
  };
  const navigateTo = async (page: PageId): Promise<void> => {
    if (page === currentPage) {
      return;
    }
    currentPage = page;
    updateQuery({ page: page === 'home' ? undefined : page });
    // The page's web parts go with it; the customizer stays.
    hosted?.dispose();
    hosted = undefined;
    ReactDom.unmountComponentAtNode(panel);
    renderToolbar();
    showPage(page);
    if (page === 'home') {
      await hostHome();
    }
    hostedCustomizer?.navigated();
  };
  showPage(currentPage);
  if (currentPage === 'home') {
    await hostHome();
  }
  // Teams' frame is no SharePoint page: no customizer runs there.
  if (!inTeams && query.get('nudge') !== 'off') {
    hostedCustomizer = await hostApplicationCustomizer(files, options, nudgeProperties(query), themeOf(currentThemeId).theme);
  }
  // Tests wait for this: the runtime has loaded the web part and the panel shows its properties.
  document.body.setAttribute('data-workbench-ready', 'true');
}

/** Every choice stays in the address bar, so a state can be shared or reopened. */
function updateQuery(change: Record<string, string | undefined>): void {
  changeQuery(change, false);
}

function showFailure(error: Error): void {
  const message: HTMLParagraphElement = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.setAttribute('data-testid', 'workbench-failure');
  message.textContent = `The workbench could not host the web part: ${error.message}. Is the emulator running (npm start)?`;
  document.getElementById('webpart')!.appendChild(message);
  document.body.setAttribute('data-workbench-ready', 'failed');
}

start().catch(showFailure);

import * as React from 'react';
import { SyncController } from '../../src/logic/syncController/SyncController';
import { createSyncController } from '../../src/services/createSyncController';
import { FetchTransport } from '../../src/services/transport/FetchTransport';
import { BrowserImageCodec } from '../../src/services/imageCodec/BrowserImageCodec';
import { ErrorBoundary } from '../../src/webparts/profilePhotoSync/components/errorBoundary';
import { ProfilePhotoSyncContainer } from '../../src/webparts/profilePhotoSync/components/profilePhotoSyncContainer';
import { DEFAULT_WEB_PART_PROPERTIES, IProfilePhotoSyncWebPartProps } from '../../src/webparts/profilePhotoSync/IProfilePhotoSyncWebPartProps';
import { IEmulatorConfig, IWorkbenchTheme, LOCALES, THEMES } from './workbenchOptions';
import { PropertyPanel } from './PropertyPanel';

export interface IWorkbenchSelection {
  userId: string;
  locale: string;
  themeId: string;
  canEditPage: boolean;
}

export interface IWorkbenchAppProps {
  config: IEmulatorConfig;
  initialSelection: IWorkbenchSelection;
  initialProperties: IProfilePhotoSyncWebPartProps;
  loadStrings: (locale: string) => Promise<IProfilePhotoSyncWebPartStrings>;
  /** Tells the emulator's SharePoint origins who is signed in (as a tenant's auth cookie would). */
  signIn: (userId: string) => void;
}

/** Graph tokens come from the emulator; a refused consent comes back as SPFx reports it, an AADSTS65001 error. */
async function getGraphToken(userId: string): Promise<string> {
  const response: Response = await fetch(`/_emulator/token?user=${encodeURIComponent(userId)}`);
  const body: { access_token?: string; error_description?: string } = await response.json();
  if (!response.ok || !body.access_token) {
    throw new Error(body.error_description || `Token request failed (${response.status})`);
  }
  return body.access_token;
}

export function WorkbenchApp(props: IWorkbenchAppProps): React.ReactElement {
  const { config, loadStrings, signIn } = props;
  const [selection, setSelection] = React.useState<IWorkbenchSelection>(props.initialSelection);
  const [properties, setProperties] = React.useState<IProfilePhotoSyncWebPartProps>(props.initialProperties);
  const [strings, setStrings] = React.useState<IProfilePhotoSyncWebPartStrings | undefined>(undefined);

  React.useEffect(() => {
    let current: boolean = true;
    loadStrings(selection.locale).then((loaded) => { if (current) { setStrings(loaded); } }).catch(() => undefined);
    return () => { current = false; };
  }, [selection.locale]);

  // As in the web part, a new controller (and a fresh check) when the user or a controller property changes.
  const controller: SyncController = React.useMemo(() => {
    signIn(selection.userId);
    return createSyncController({
      sharePointTransport: new FetchTransport(),
      graphTransport: new FetchTransport(() => getGraphToken(selection.userId)),
      siteUrl: config.siteUrl,
      graphUrl: `${config.graphUrl}/v1.0`,
      codec: new BrowserImageCodec(),
      sensitivity: properties.sensitivity,
      autoResync: properties.autoResync
    });
  }, [selection.userId, properties.sensitivity, properties.autoResync]);

  // Every choice stays in the address bar, so a state can be shared or reopened (web part properties as prop.<name>).
  React.useEffect(() => {
    const query: URLSearchParams = new URLSearchParams({
      user: selection.userId, locale: selection.locale, theme: selection.themeId, editor: selection.canEditPage ? '1' : '0'
    });
    for (const name of Object.keys(properties) as Array<keyof IProfilePhotoSyncWebPartProps>) {
      if (properties[name] !== DEFAULT_WEB_PART_PROPERTIES[name]) {
        query.set(`prop.${name}`, String(properties[name]));
      }
    }
    window.history.replaceState(undefined, '', `?${query.toString()}`);
    document.documentElement.lang = selection.locale;
  }, [selection, properties]);

  const theme: IWorkbenchTheme = THEMES.filter((t) => t.id === selection.themeId)[0] || THEMES[0];
  const update = (change: Partial<IWorkbenchSelection>): void => setSelection({ ...selection, ...change });

  return (
    <>
      <header className="suite-bar">
        <span>SharePoint</span>
        <span className="site">Contoso intranet (local workbench)</span>
      </header>
      <nav className="toolbar" aria-label="Workbench">
        <label>
          Signed-in user
          <select value={selection.userId} onChange={(e) => update({ userId: e.target.value })} data-testid="user-switcher">
            {config.users.map((user) => <option key={user.id} value={user.id}>{`${user.displayName} (${user.scenario})`}</option>)}
          </select>
        </label>
        <label>
          Language
          <select value={selection.locale} onChange={(e) => update({ locale: e.target.value })} data-testid="locale-switcher">
            {LOCALES.map((locale) => <option key={locale.id} value={locale.id}>{locale.name}</option>)}
          </select>
        </label>
        <label>
          Theme
          <select value={selection.themeId} onChange={(e) => update({ themeId: e.target.value })} data-testid="theme-switcher">
            {THEMES.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={selection.canEditPage} onChange={(e) => update({ canEditPage: e.target.checked })} />
          Page editor
        </label>
      </nav>
      <div className="layout">
        <main className="canvas">
          <h1 className="page-title">Home</h1>
          <div className="section" style={{ background: theme.sectionBackground }} data-testid="section">
            <div className="column">
              {strings ? (
                <ErrorBoundary message={strings.CrashMessage}>
                  <ProfilePhotoSyncContainer
                    key={`${selection.userId}|${properties.sensitivity}|${properties.autoResync}`}
                    controller={controller}
                    checkOnLoad={properties.checkOnLoad}
                    settings={properties}
                    strings={strings}
                    locale={selection.locale}
                    canEditPage={selection.canEditPage}
                    theme={theme.theme}
                  />
                </ErrorBoundary>
              ) : undefined}
            </div>
          </div>
        </main>
        {strings ? <PropertyPanel properties={properties} strings={strings} onChange={setProperties} /> : undefined}
      </div>
    </>
  );
}

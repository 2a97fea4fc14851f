import * as React from 'react';
import * as ReactDom from 'react-dom';
import { DEFAULT_WEB_PART_PROPERTIES, IProfilePhotoSyncWebPartProps } from '../../src/webparts/profilePhotoSync/IProfilePhotoSyncWebPartProps';
import { WorkbenchApp } from './WorkbenchApp';
import { IEmulatorConfig, LOCALES, THEMES } from './workbenchOptions';

/**
 * The local workbench: the web part's real React root and real services on a page shaped like a SharePoint
 * section, talking to the emulator. Query string: ?user=<id>&locale=<ll-cc>&theme=<id>&editor=1, plus any web part
 * property as prop.<name>=<value> (e.g. prop.checkOnLoad=false) so tests can open any state directly.
 */
async function start(): Promise<void> {
  const config: IEmulatorConfig = await (await fetch('/_emulator/config')).json();
  const query: URLSearchParams = new URLSearchParams(window.location.search);
  const pick = (name: string, allowed: string[], fallback: string): string => {
    const value: string | null = query.get(name);
    return value !== null && allowed.indexOf(value) >= 0 ? value : fallback;
  };

  const properties: IProfilePhotoSyncWebPartProps = { ...DEFAULT_WEB_PART_PROPERTIES };
  query.forEach((value, key) => {
    const name: string = key.replace(/^prop\./, '');
    if (key.indexOf('prop.') === 0 && name in properties) {
      const current: unknown = (properties as unknown as Record<string, unknown>)[name];
      (properties as unknown as Record<string, unknown>)[name] = typeof current === 'boolean' ? value === 'true' : value;
    }
  });

  const strings: Record<string, IProfilePhotoSyncWebPartStrings> = {};
  ReactDom.render(
    <WorkbenchApp
      config={config}
      initialSelection={{
        userId: pick('user', config.users.map((u) => u.id), config.users[0].id),
        locale: pick('locale', LOCALES.map((l) => l.id), 'en-us'),
        themeId: pick('theme', THEMES.map((t) => t.id), 'light'),
        canEditPage: query.get('editor') === '1'
      }}
      initialProperties={properties}
      loadStrings={async (locale) => {
        if (!strings[locale]) {
          strings[locale] = await (await fetch(`loc/${locale}.json`)).json();
        }
        return strings[locale];
      }}
      signIn={(userId) => { document.cookie = `emulator-user=${encodeURIComponent(userId)}; path=/; SameSite=Lax`; }}
    />,
    document.getElementById('workbench')
  );
}

start().catch((error: Error) => {
  document.body.textContent = `The workbench could not start: ${error.message}. Is the emulator running (npm start)?`;
});

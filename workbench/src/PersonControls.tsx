import * as React from 'react';
import { IEmulatorUser, LOCALES } from './workbenchOptions';

export interface IPersonControlsProps {
  users: IEmulatorUser[];
  userId: string;
  locale: string;
  /** A different person or language is a new page load, as in SharePoint and Teams. */
  onNavigate: (change: Record<string, string>) => void;
}

/** Who is signed in and in which language: the first two controls of the page's toolbar and of the Teams host's. */
export function PersonControls(props: IPersonControlsProps): React.ReactElement {
  const { users, userId, locale, onNavigate } = props;
  return (
    <>
      <label>
        Signed-in user
        <select value={userId} onChange={(e) => onNavigate({ user: e.target.value })} data-testid="user-switcher">
          {users.map((user) => <option key={user.id} value={user.id}>{`${user.displayName} (${user.scenario})`}</option>)}
        </select>
      </label>
      <label>
        Language
        <select value={locale} onChange={(e) => onNavigate({ locale: e.target.value })} data-testid="locale-switcher">
          {LOCALES.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
        </select>
      </label>
    </>
  );
}

/** The address bar with `change` applied (undefined removes a parameter): a new page load, or only a new entry. */
export function changeQuery(change: Record<string, string | undefined>, reload: boolean): void {
  const next: URLSearchParams = new URLSearchParams(window.location.search);
  Object.keys(change).forEach((key) => {
    const value: string | undefined = change[key];
    if (value === undefined) {
      next.delete(key);
    } else {
      next.set(key, value);
    }
  });
  if (reload) {
    window.location.search = next.toString();
  } else {
    window.history.replaceState(undefined, '', `?${next.toString()}`);
  }
}

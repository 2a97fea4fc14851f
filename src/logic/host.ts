/**
 * Where the web part runs, from what the host says of itself, and what follows for the words it shows. Pure: the web
 * part fills ITeamsHostFacts from the Teams SDK's app.getContext() (docs/dev/platform-facts.md#teams).
 */

/** A SharePoint page, or an app frame in Teams, Outlook or the Microsoft 365 app. */
export type HostKind = 'sharePointPage' | 'teams' | 'outlook' | 'microsoft365';

/** Teams' three themes; anything else a host sends is read as the default. */
export type TeamsThemeName = 'default' | 'dark' | 'contrast';

export interface IHost {
  kind: HostKind;
  /**
   * Whether anyone can open the property pane here: on a page, in edit mode; in Teams, only a channel tab (as its
   * configuration). A personal app has none, so no words may send a person to one.
   */
  hasPropertyPane: boolean;
}

/** What the Teams SDK's context tells (app.host.name, page.frameContext, team). */
export interface ITeamsHostFacts {
  hostName: string | undefined;
  frameContext: string | undefined;
  /** Set for a tab in a team's channel. */
  teamId: string | undefined;
}

export const SHAREPOINT_PAGE: IHost = { kind: 'sharePointPage', hasPropertyPane: true };

export function hostFromTeams(facts: ITeamsHostFacts): IHost {
  const name: string = (facts.hostName || '').toLowerCase();
  // teams-js HostName: "Teams", "TeamsModern", "Outlook", "OutlookWin32", "Office", ... ; none given means Teams.
  const kind: HostKind = name.indexOf('outlook') === 0 ? 'outlook' : name === 'office' ? 'microsoft365' : 'teams';
  const tab: boolean = facts.frameContext === 'settings' || (facts.teamId !== undefined && facts.teamId !== '');
  return { kind, hasPropertyPane: tab };
}

export function teamsThemeName(value: string | undefined): TeamsThemeName {
  return value === 'dark' || value === 'contrast' ? value : 'default';
}

/** In an app frame there is no page to reload: the words say to open the app again. */
export function isAppFrame(host: IHost): boolean {
  return host.kind !== 'sharePointPage';
}

import { hostFromTeams, isAppFrame, SHAREPOINT_PAGE, teamsThemeName } from './host';

describe('hostFromTeams', () => {
  it('reads a personal app in Teams as Teams without a property pane', () => {
    expect(hostFromTeams({ hostName: 'Teams', frameContext: 'content', teamId: undefined })).toEqual({ kind: 'teams', hasPropertyPane: false });
  });

  it('gives a channel tab its property pane, as the tab\'s configuration', () => {
    expect(hostFromTeams({ hostName: 'Teams', frameContext: 'content', teamId: '19:abc@thread.tacv2' }).hasPropertyPane).toBe(true);
    expect(hostFromTeams({ hostName: 'TeamsModern', frameContext: 'settings', teamId: undefined })).toEqual({ kind: 'teams', hasPropertyPane: true });
  });

  it('tells Outlook and the Microsoft 365 app from Teams, and takes no host name as Teams', () => {
    expect(hostFromTeams({ hostName: 'Outlook', frameContext: 'content', teamId: undefined }).kind).toBe('outlook');
    expect(hostFromTeams({ hostName: 'OutlookWin32', frameContext: 'content', teamId: undefined }).kind).toBe('outlook');
    expect(hostFromTeams({ hostName: 'Office', frameContext: 'content', teamId: undefined }).kind).toBe('microsoft365');
    expect(hostFromTeams({ hostName: undefined, frameContext: undefined, teamId: undefined }).kind).toBe('teams');
  });

  it('counts every host but a SharePoint page as an app frame', () => {
    expect(isAppFrame(SHAREPOINT_PAGE)).toBe(false);
    expect(isAppFrame({ kind: 'outlook', hasPropertyPane: false })).toBe(true);
    expect(isAppFrame({ kind: 'teams', hasPropertyPane: true })).toBe(true);
    expect(isAppFrame({ kind: 'microsoft365', hasPropertyPane: false })).toBe(true);
  });
});

describe('teamsThemeName', () => {
  it('keeps Teams\' three themes and reads anything else as the default', () => {
    expect(['default', 'dark', 'contrast', 'Dark', undefined, 'light'].map(teamsThemeName)).toEqual(['default', 'dark', 'contrast', 'default', 'default', 'default']);
  });
});

import * as React from 'react';
import * as ReactDom from 'react-dom';
import { DisplayMode, Version } from '@microsoft/sp-core-library';
import {
  IPropertyPaneConfiguration,
  IPropertyPaneField,
  PropertyPaneDropdown,
  PropertyPaneTextField,
  PropertyPaneToggle
} from '@microsoft/sp-property-pane';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import { IReadonlyTheme } from '@microsoft/sp-component-base';
import { SPList, SPPermission } from '@microsoft/sp-page-context';

import * as strings from 'ProfilePhotoSyncWebPartStrings';
import { ISyncSettings, SyncController } from '../../logic/syncController/SyncController';
import { createSyncControllerFor } from '../../services/createSyncController';
import { ErrorBoundary } from './components/errorBoundary';
import { ProfilePhotoSyncContainer } from './components/profilePhotoSyncContainer';
import { IPhotoSyncTheme } from './components/IPhotoSyncTheme';
import { hostFromTeams, IHost, isAppFrame, SHAREPOINT_PAGE, TeamsThemeName, teamsThemeName } from '../../logic/host';
import { teamsTheme } from './teamsThemes';
import { ISharePointSession, pageSession, renewingSession } from '../../services/sharePointSession/renewingSession';
import { renewSharePointSession } from '../../services/sharePointSession/renewSharePointSession';
import { IProfilePhotoSyncWebPartProps, KEEP_CHECK_HOURS } from './IProfilePhotoSyncWebPartProps';
import { CONTROLLER_PROPERTIES, PROPERTY_GROUPS, PropertyField } from './propertyFields';
import { normalizeProperties } from './normalizeProperties';
import { WEB_PART_MARKER } from '../../logic/nudge/webPartMarker';

const HOUR_MS: number = 60 * 60 * 1000;

export default class ProfilePhotoSyncWebPart extends BaseClientSideWebPart<IProfilePhotoSyncWebPartProps> {
  private _controller: SyncController | undefined;
  private _theme: IReadonlyTheme | undefined;
  private _host: IHost = SHAREPOINT_PAGE;
  /** Set in Teams, Outlook and the Microsoft 365 app: their theme, not the SharePoint site's, is what people see. */
  private _teamsTheme: TeamsThemeName | undefined;
  /** SharePoint requests: the page's fetch, which in an app frame renews an expired session through the host. */
  private _session: ISharePointSession = pageSession((url, init) => window.fetch(url, init));
  private _disposed: boolean = false;

  protected async onInit(): Promise<void> {
    // This page has the web part's own surface: the nudge checks nothing here.
    this.domElement.setAttribute(WEB_PART_MARKER, '');
    await super.onInit();
    await this._joinTeamsHost();
    if (this._disposed) {
      return;
    }
    const controller: SyncController = await createSyncControllerFor(this.context, this._session, this._syncSettings());
    // Removed from the page while onInit waited: nothing else would ever dispose it.
    if (this._disposed) {
      controller.dispose();
    } else {
      this._controller = controller;
    }
  }

  public render(): void {
    if (!this._controller) {
      return;
    }
    const settings: IProfilePhotoSyncWebPartProps = normalizeProperties(this.properties);
    const element: React.ReactElement = React.createElement(
      ErrorBoundary,
      { message: isAppFrame(this._host) ? strings.CrashMessageApp : strings.CrashMessage },
      React.createElement(ProfilePhotoSyncContainer, {
        controller: this._controller,
        checkOnLoad: settings.checkOnLoad,
        settings,
        strings,
        // Dates follow the page's regional format (currentCultureName), the words its UI language.
        locale: this.context.pageContext.cultureInfo.currentCultureName,
        canEditPage: this._canEditPage(),
        appFrame: isAppFrame(this._host),
        theme: this._currentTheme()
      })
    );
    ReactDom.render(element, this.domElement);
  }

  protected onThemeChanged(currentTheme: IReadonlyTheme | undefined): void {
    this._theme = currentTheme;
    this.render();
  }

  protected onPropertyPaneFieldChanged(propertyPath: string): void {
    if (CONTROLLER_PROPERTIES.indexOf(propertyPath as keyof IProfilePhotoSyncWebPartProps) >= 0) {
      // The same controller takes them: a resync under way finishes and shows its outcome before a new check.
      this._controller?.updateSettings(this._syncSettings());
    }
  }

  protected onDispose(): void {
    this._disposed = true;
    ReactDom.unmountComponentAtNode(this.domElement);
    this.domElement.removeAttribute(WEB_PART_MARKER);
    this._controller?.dispose();
    this._controller = undefined;
  }

  protected get dataVersion(): Version {
    return Version.parse('1.0');
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return {
      pages: [{
        header: { description: strings.PropertyPaneDescription },
        displayGroupsAsAccordion: true,
        groups: PROPERTY_GROUPS.map((group) => ({
          groupName: strings[group.name],
          isCollapsed: group.collapsed,
          groupFields: group.fields.map(toPaneField)
        }))
      }]
    };
  }

  private _syncSettings(): ISyncSettings {
    const { sensitivity, autoResync, keepCheck } = normalizeProperties(this.properties);
    return { sensitivity, autoResync, keepCheckForMs: KEEP_CHECK_HOURS[keepCheck] * HOUR_MS };
  }

  /**
   * In Teams, Outlook and the Microsoft 365 app, SPFx hands the web part the host's SDK (docs/dev/platform-facts.md#teams):
   * its context says which host and theme, it pushes theme changes, and its single sign-on renews SharePoint's session.
   */
  private async _joinTeamsHost(): Promise<void> {
    const teams = this.context.sdks.microsoftTeams;
    if (!teams) {
      return;
    }
    const teamsJs = teams.teamsJs;
    let context: Awaited<ReturnType<typeof teamsJs.app.getContext>>;
    try {
      context = await teamsJs.app.getContext();
    } catch {
      // SPFx also counts some hosts as Teams that may not answer (Viva Connections on mobile): they stay a page.
      return;
    }
    this._host = hostFromTeams({ hostName: context.app.host.name, frameContext: context.page.frameContext, teamId: context.team?.internalId });
    this._teamsTheme = teamsThemeName(context.app.theme);
    teamsJs.app.registerOnThemeChangeHandler((theme: string) => {
      // The SDK keeps the handler for the frame's lifetime; a removed web part has nothing to re-theme.
      if (!this._disposed) {
        this._teamsTheme = teamsThemeName(theme);
        this.render();
      }
    });
    const pageFetch = this._session.fetch;
    const renew = renewSharePointSession(
      window.location.origin,
      (resource: string) => teamsJs.authentication.getAuthToken({ resources: [resource] }),
      pageFetch
    );
    this._session = renewingSession(pageFetch, renew);
  }

  private _currentTheme(): IPhotoSyncTheme | undefined {
    return this._teamsTheme !== undefined ? teamsTheme(this._teamsTheme) : this._theme;
  }

  /**
   * Page editors are told exactly which permission an admin must approve; readers are told to ask one. Where no one
   * can open a property pane (a personal app in Teams), no one is addressed as its editor.
   */
  private _canEditPage(): boolean {
    const list: SPList | undefined = this.context.pageContext.list;
    const canEdit: boolean = this.displayMode === DisplayMode.Edit || (list !== undefined && list.permissions.hasPermission(SPPermission.editListItems));
    return canEdit && this._host.hasPropertyPane;
  }
}

function toPaneField(field: PropertyField): IPropertyPaneField<unknown> {
  switch (field.kind) {
    case 'text':
      return PropertyPaneTextField(field.name, { label: strings[field.label], multiline: field.multiline });
    case 'toggle':
      return PropertyPaneToggle(field.name, { label: strings[field.label], onText: strings.ToggleOn, offText: strings.ToggleOff });
    default:
      return PropertyPaneDropdown(field.name, {
        label: strings[field.label],
        options: field.options.map((option) => ({ key: option.key, text: strings[option.text] }))
      });
  }
}

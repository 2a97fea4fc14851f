import * as React from 'react';
import * as ReactDom from 'react-dom';
import { getTheme } from '@fluentui/react/lib/Styling';
import type { ISemanticColors } from '@fluentui/react/lib/Styling';
import { PlaceholderContent, PlaceholderName } from '@microsoft/sp-application-base';
import type { ApplicationCustomizerContext } from '@microsoft/sp-application-base';
import { ThemeProvider } from '@microsoft/sp-component-base';
import type { IReadonlyTheme } from '@microsoft/sp-component-base';
import type { ISPEventObserver } from '@microsoft/sp-core-library';
import * as strings from 'ProfilePhotoSyncWebPartStrings';

import { SyncController } from '../../logic/syncController/SyncController';
import { IPerson, personKey } from '../../logic/identity';
import { IRecentCheckStore } from '../../logic/nudge/IRecentCheck';
import { decideFromVersion, INudgeQuiet, isWorthNudging, VersionDecision } from '../../logic/nudge/nudgePolicy';
import { DAY_MS, INudgeSettings } from '../../logic/nudge/nudgeSettings';
import { createMicrosoft365PhotoServiceFor, createSyncControllerFor } from '../../services/createSyncController';
import { pageSession } from '../../services/sharePointSession/renewingSession';
import { DEFAULT_WEB_PART_PROPERTIES } from '../../webparts/profilePhotoSync/IProfilePhotoSyncWebPartProps';
import { NudgeBar } from './components/NudgeBar';

/**
 * The nudge's second part, loaded only when a check is due: Graph's photo etag first, then (only when it is not the
 * etag of the last in-sync check) the web part's own controller reads SharePoint and compares, and the bar shows when
 * SharePoint shows another photo or the placeholder. Everything a check costs lives here, out of the part every page
 * loads.
 */

export interface INudgeCheckOptions {
  context: ApplicationCustomizerContext;
  settings: INudgeSettings;
  person: IPerson;
  recentChecks: IRecentCheckStore;
  quiet: { remember(quiet: INudgeQuiet): void };
  /** The customizer, which SPFx's events take as their observer. */
  observer: ISPEventObserver;
}

/** A bar on the page: it follows the page's placeholders and goes away for good when closed. */
export interface INudge {
  placeholdersChanged(): void;
  dispose(): void;
}

/** How long the words of a successful resync stay before the bar closes, in milliseconds. */
const SUCCESS_SHOWN_MS: number = 5000;

class Nudge implements INudge {
  private readonly _controller: SyncController;
  private readonly _options: INudgeCheckOptions;
  private readonly _theme: ThemeProvider | undefined;
  private _content: PlaceholderContent | undefined;
  private _closed: boolean = false;
  private _closeTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly _onThemeChanged = (): void => this._render();

  public constructor(controller: SyncController, options: INudgeCheckOptions) {
    this._controller = controller;
    this._options = options;
    this._theme = themeProviderOf(options.context);
    this._theme?.themeChangedEvent.add(options.observer, this._onThemeChanged);
    controller.subscribe(() => this._render());
    this._render();
  }

  public placeholdersChanged(): void {
    this._render();
  }

  public dispose(): void {
    this._close();
  }

  private _render(): void {
    if (this._closed) {
      return;
    }
    if (!this._content || this._content.isDisposed) {
      // undefined while the page has no Top placeholder: the bar shows once it has one (placeholdersChanged).
      this._content = this._options.context.placeholderProvider.tryCreateContent(PlaceholderName.Top, {
        // SharePoint may take the placeholder away (another page layout): the bar goes with it.
        onDispose: () => this._unmount()
      });
    }
    if (!this._content) {
      return;
    }
    const state = this._controller.state;
    ReactDom.render(React.createElement(NudgeBar, {
      state,
      strings,
      locale: this._options.context.pageContext.cultureInfo.currentCultureName,
      quietDays: this._options.settings.quietDays,
      photoPageUrl: this._options.settings.photoPageUrl,
      colors: this._colors(),
      onResync: () => { this._controller.resync().catch(() => undefined); },
      onNotNow: () => this._notNow()
    }), this._content.domElement);
    if (state.phase === 'done' && state.resync?.outcome === 'resynced' && this._closeTimer === undefined) {
      // SharePoint shows the photo now: the bar says so, then goes.
      this._closeTimer = setTimeout(() => this._close(), SUCCESS_SHOWN_MS);
    }
  }

  private _notNow(): void {
    this._options.quiet.remember({ person: personKey(this._options.person), until: Date.now() + this._options.settings.quietDays * DAY_MS });
    this._close();
  }

  private _close(): void {
    if (this._closed) {
      return;
    }
    this._closed = true;
    if (this._closeTimer !== undefined) {
      clearTimeout(this._closeTimer);
    }
    this._theme?.themeChangedEvent.remove(this._options.observer, this._onThemeChanged);
    this._controller.dispose();
    if (this._content && !this._content.isDisposed) {
      this._unmount();
      this._content.dispose();
    }
    this._content = undefined;
  }

  private _unmount(): void {
    if (this._content) {
      ReactDom.unmountComponentAtNode(this._content.domElement);
    }
  }

  /** The page's theme (the site's), over Fluent UI's defaults for anything it leaves out. */
  private _colors(): Partial<ISemanticColors> {
    let theme: IReadonlyTheme | undefined;
    try {
      theme = this._theme?.tryGetTheme();
    } catch {
      theme = undefined;
    }
    return { ...getTheme().semanticColors, ...(theme && theme.semanticColors) };
  }
}

export async function checkAndNudge(options: INudgeCheckOptions): Promise<INudge | undefined> {
  const { context, person, recentChecks } = options;
  const key: string = personKey(person);
  let decision: VersionDecision;
  let etag: string | undefined;
  try {
    const version: { etag: string | undefined } | undefined = await (await createMicrosoft365PhotoServiceFor(context)).getMyPhotoVersion();
    etag = version?.etag;
    decision = decideFromVersion(key, recentChecks.recall(), version);
  } catch {
    // No consent yet, throttled, offline: silent, and tried again after a while (nudgePolicy).
    recentChecks.remember({ person: key, checkedAt: Date.now(), microsoft365Etag: undefined, verdict: 'cantCheck' });
    return undefined;
  }
  if (decision !== 'check') {
    recentChecks.remember({ person: key, checkedAt: Date.now(), microsoft365Etag: etag, verdict: decision === 'noPhoto' ? 'noMicrosoft365Photo' : 'inSync' });
    return undefined;
  }
  // The web part's defaults; nothing is uploaded without a click. The controller notes its verdict (recentChecks).
  const controller: SyncController = await createSyncControllerFor(context, pageSession((url, init) => window.fetch(url, init)), {
    sensitivity: DEFAULT_WEB_PART_PROPERTIES.sensitivity,
    autoResync: false,
    keepCheckForMs: DAY_MS
  });
  await controller.check();
  if (!isWorthNudging(controller.state.verdict?.kind)) {
    controller.dispose();
    return undefined;
  }
  return new Nudge(controller, options);
}

function themeProviderOf(context: ApplicationCustomizerContext): ThemeProvider | undefined {
  try {
    return context.serviceScope.consume(ThemeProvider.serviceKey);
  } catch {
    return undefined;
  }
}

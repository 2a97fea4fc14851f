/**
 * The nudge's settings, as an admin types them in the Tenant Wide Extensions list (the component properties JSON):
 * whatever arrives, malformed or of the wrong shape, the result is usable, and anything not understood takes its
 * default. Nothing an admin types can break a page.
 */
export interface INudgeSettings {
  /** Off: the nudge does nothing at all, on every page. */
  enabled: boolean;
  /** Days between two checks of one person, and how long "Not now" keeps the bar away. */
  quietDays: number;
  /** A page that carries the Profile Photo Sync web part, offered as "Open my photo page"; undefined: none. */
  photoPageUrl: string | undefined;
}

export const DEFAULT_NUDGE_SETTINGS: INudgeSettings = { enabled: true, quietDays: 7, photoPageUrl: undefined };

/** Bounds for the quiet period: at least a day (the tenant's limits), at most a quarter. */
const MIN_QUIET_DAYS: number = 1;
const MAX_QUIET_DAYS: number = 90;

export const DAY_MS: number = 24 * 60 * 60 * 1000;

export function normalizeNudgeSettings(raw: unknown): INudgeSettings {
  const value: Record<string, unknown> = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw as Record<string, unknown> : {};
  return {
    enabled: typeof value.enabled === 'boolean' ? value.enabled : DEFAULT_NUDGE_SETTINGS.enabled,
    quietDays: quietDaysOf(value.quietDays),
    photoPageUrl: pageUrlOf(value.photoPageUrl)
  };
}

function quietDaysOf(value: unknown): number {
  const days: number = typeof value === 'string' && value.trim() !== '' ? Number(value) : typeof value === 'number' ? value : NaN;
  if (!isFinite(days)) {
    return DEFAULT_NUDGE_SETTINGS.quietDays;
  }
  return Math.min(MAX_QUIET_DAYS, Math.max(MIN_QUIET_DAYS, Math.round(days)));
}

/** An https address, or a path on the tenant's own host ("/sites/intranet/SitePages/Photo.aspx"); anything else is none. */
function pageUrlOf(value: unknown): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const url: string = value.trim();
  if (/^\/(?!\/)[^\s\\]*$/.test(url)) {
    return url;
  }
  return /^https:\/\/[^\s/\\]+(\/[^\s\\]*)?$/i.test(url) ? url : undefined;
}

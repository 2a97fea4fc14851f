import { DEFAULT_WEB_PART_PROPERTIES, IProfilePhotoSyncWebPartProps } from './IProfilePhotoSyncWebPartProps';

/** The values each choice may hold; anything else stored for it falls back to the default. */
const CHOICES: { [K in ChoiceName]: ReadonlyArray<IProfilePhotoSyncWebPartProps[K]> } = {
  photoSize: ['small', 'medium', 'large'],
  sensitivity: ['relaxed', 'standard', 'strict'],
  keepCheck: ['off', 'day', 'threeDays', 'week']
};

/** Longest title and description kept: the page stays readable whatever a template stored. */
const MAX_TEXT_LENGTH: number = 500;

/**
 * The web part's properties as stored on the page, checked one by one: a provisioning template, a page edited
 * through REST or an older version can store anything. Each property is read only as the object's own (never from
 * its prototype: `toString` or `__proto__` are not choices), keeps its type, and otherwise takes its default.
 */
export function normalizeProperties(stored: unknown): IProfilePhotoSyncWebPartProps {
  const source: Record<string, unknown> = typeof stored === 'object' && stored !== null ? stored as Record<string, unknown> : {};
  const own = (name: keyof IProfilePhotoSyncWebPartProps): unknown =>
    Object.prototype.hasOwnProperty.call(source, name) ? source[name] : undefined;
  const text = (name: 'title' | 'description'): string => {
    const value: unknown = own(name);
    return typeof value === 'string' ? value.slice(0, MAX_TEXT_LENGTH) : DEFAULT_WEB_PART_PROPERTIES[name];
  };
  const toggle = (name: ToggleName): boolean => {
    const value: unknown = own(name);
    return typeof value === 'boolean' ? value : DEFAULT_WEB_PART_PROPERTIES[name];
  };
  const choice = <K extends ChoiceName>(name: K): IProfilePhotoSyncWebPartProps[K] => {
    const value: unknown = own(name);
    const allowed: ReadonlyArray<IProfilePhotoSyncWebPartProps[K]> = CHOICES[name];
    return allowed.filter((option) => option === value)[0] ?? DEFAULT_WEB_PART_PROPERTIES[name];
  };
  return {
    title: text('title'),
    description: text('description'),
    showResyncButton: toggle('showResyncButton'),
    checkOnLoad: toggle('checkOnLoad'),
    autoResync: toggle('autoResync'),
    photoSize: choice('photoSize'),
    showTimestamps: toggle('showTimestamps'),
    showTroubleshooting: toggle('showTroubleshooting'),
    sensitivity: choice('sensitivity'),
    keepCheck: choice('keepCheck')
  };
}

type ChoiceName = 'photoSize' | 'sensitivity' | 'keepCheck';

type ToggleName = 'showResyncButton' | 'checkOnLoad' | 'autoResync' | 'showTimestamps' | 'showTroubleshooting';

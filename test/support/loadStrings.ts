/** Typed access to test/support/localizedStrings.cjs: the web part's languages and strings, as SharePoint loads them. */
import { readdirSync } from 'fs';

interface ILocalizedStrings {
  readonly LOC_DIR: string;
  readonly LOCALES: ReadonlyArray<string>;
  loadStrings(locale: string): IProfilePhotoSyncWebPartStrings;
}

// A CommonJS module without type declarations, shared with the scripts; this file is its one typed entry point.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const localized: ILocalizedStrings = require('./localizedStrings.cjs');

export const LOC_DIR: string = localized.LOC_DIR;

/** The languages the web part ships, English first. */
export const LOCALES: ReadonlyArray<string> = localized.LOCALES;

/** Evaluates an SPFx AMD strings module (`define([], function () { return {...}; })`) as SharePoint's loader would. */
export function loadStrings(locale: string): IProfilePhotoSyncWebPartStrings {
  return localized.loadStrings(locale);
}

export function shippedLocales(): string[] {
  return readdirSync(LOC_DIR).filter((name) => name.endsWith('.js')).map((name) => name.replace(/\.js$/, '')).sort();
}

import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import * as vm from 'vm';

export const LOC_DIR: string = join(__dirname, '..', '..', 'src', 'webparts', 'profilePhotoSync', 'loc');

/** Evaluates an SPFx AMD strings module (`define([], function () { return {...}; })`) as SharePoint's loader would. */
export function loadStrings(locale: string): IProfilePhotoSyncWebPartStrings {
  let strings: IProfilePhotoSyncWebPartStrings | undefined;
  vm.runInNewContext(readFileSync(join(LOC_DIR, `${locale}.js`), 'utf8'), {
    define: (_deps: string[], factory: () => IProfilePhotoSyncWebPartStrings) => { strings = factory(); }
  });
  if (!strings) {
    throw new Error(`${locale}.js did not call define()`);
  }
  return strings;
}

export function shippedLocales(): string[] {
  return readdirSync(LOC_DIR).filter((name) => name.endsWith('.js')).map((name) => name.replace(/\.js$/, '')).sort();
}

'use strict';
/**
 * The web part's languages and its strings, read from the AMD files SharePoint loads
 * (src/webparts/profilePhotoSync/loc/*.js), for everything that runs on Node: jest and Playwright's tests through
 * test/support/loadStrings.ts, the scripts by importing this file.
 *
 * CommonJS on purpose, like emulator/portraits.cjs: jest runs CommonJS and cannot load an .mjs, and the scripts, plain
 * Node, cannot load a .ts; a .cjs is the one file both can load.
 */
const { readFileSync } = require('fs');
const { join } = require('path');
const vm = require('vm');

const LOC_DIR = join(__dirname, '..', '..', 'src', 'webparts', 'profilePhotoSync', 'loc');

/** The languages the web part ships, English first (the order the workbench offers them in). */
const LOCALES = Object.freeze(['en-us', 'ro-ro', 'lv-lv', 'sl-si', 'bg-bg']);

/** Evaluates the AMD strings module (`define([], function () { return {...}; })`) of `locale` as SharePoint's loader would. */
function loadStrings(locale) {
  let strings;
  vm.runInNewContext(readFileSync(join(LOC_DIR, `${locale}.js`), 'utf8'), {
    define: (_deps, factory) => { strings = factory(); }
  });
  if (!strings) {
    throw new Error(`${locale}.js did not call define()`);
  }
  return strings;
}

module.exports = { LOC_DIR, LOCALES, loadStrings };

// Checks the production package that `npm run build` writes: what a tenant admin uploads to the App Catalog.
// Run by `npm test` right after the build (Node's test runner).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { createRequire } from 'node:module';
import JSZip from 'jszip';

const require = createRequire(import.meta.url);

const root = new URL('..', import.meta.url).pathname;
const sppkg = join(root, 'sharepoint', 'solution', 'profile-photo-sync.sppkg');
const { LOCALES } = require('./support/localizedStrings.cjs');

const zip = await JSZip.loadAsync(readFileSync(sppkg));
const text = (name) => zip.file(name).async('string');
const names = Object.keys(zip.files);

/** Everything `npm run build` reads to make the .sppkg: sources (not their tests), configuration, the Teams app. */
const BUILD_INPUTS = ['src', 'config', 'sharepoint/assets', 'teams', 'teams-app', 'scripts/build-teams-package.mjs', 'gulpfile.js', 'package.json'];

function filesUnder(path) {
  if (!statSync(path).isDirectory()) {
    return [path];
  }
  return readdirSync(path, { withFileTypes: true }).flatMap((entry) => filesUnder(join(path, entry.name)));
}

test('the package was built from the current sources', () => {
  const built = statSync(sppkg).mtimeMs;
  const inputs = BUILD_INPUTS.flatMap((input) => filesUnder(join(root, input))).filter((file) => !/\.test\.tsx?$/.test(file));
  assert.ok(inputs.some((file) => file.endsWith('ProfilePhotoSyncWebPart.ts')), 'the web part\'s sources are among the inputs');
  const newer = inputs.map((file) => ({ file: relative(root, file), mtimeMs: statSync(file).mtimeMs }))
    .filter(({ mtimeMs }) => mtimeMs > built)
    .sort((a, b) => b.mtimeMs - a.mtimeMs);
  const when = (ms) => new Date(ms).toISOString();
  assert.deepEqual(newer.map(({ file }) => file), [], newer.length === 0 ? '' :
    `${newer[0].file} (${when(newer[0].mtimeMs)}) is newer than the .sppkg (${when(built)})` +
    `${newer.length > 1 ? `, and ${newer.length - 1} more: ${newer.slice(1).map(({ file }) => file).join(', ')}` : ''}: run npm run build`);
});

test('asks for Microsoft Graph User.Read and nothing broader', async () => {
  const manifest = await text('AppManifest.xml');
  const requests = [...manifest.matchAll(/<WebApiPermissionRequest ResourceId="([^"]+)" Scope="([^"]+)"/g)].map((m) => `${m[1]}: ${m[2]}`);
  assert.deepEqual(requests, ['Microsoft Graph: User.Read']);
});

test('is tenant-wide and carries its own assets', async () => {
  const manifest = await text('AppManifest.xml');
  assert.match(manifest, /SkipFeatureDeployment="true"/);
  assert.ok(names.some((name) => /^ClientSideAssets\/profile-photo-sync-web-part_[0-9a-f]+\.js$/.test(name)), 'web part bundle inside the package');
});

test('ships the strings of all five languages', () => {
  for (const locale of LOCALES) {
    assert.ok(names.some((name) => name.startsWith(`ClientSideAssets/ProfilePhotoSyncWebPartStrings_${locale}_`)), `${locale} strings`);
  }
});

test('runs in SharePoint and Teams and follows section themes', async () => {
  const webPart = names.find((name) => /\/WebPart_[0-9a-f-]+\.xml$/.test(name));
  const manifest = JSON.parse((await text(webPart)).match(/ComponentManifest="([^"]+)"/)[1].replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
  assert.deepEqual([...manifest.supportedHosts].sort(), ['SharePointFullPage', 'SharePointWebPart', 'TeamsPersonalApp', 'TeamsTab']);
  assert.equal(manifest.supportsThemeVariants, true);
  assert.notEqual(manifest.requiresCustomScript, true);
});

/** Every script the package ships but the strings: the web part, the nudge and the nudge's lazily loaded parts. */
const scripts = names.filter((name) => /^ClientSideAssets\/(?!ProfilePhotoSyncWebPartStrings_).*\.js$/.test(name));
/** The nudge's entry, the one script that loads scripts: webpack's loader for its own chunks, from its own folder. */
const NUDGE_ENTRY = /^ClientSideAssets\/photo-nudge-application-customizer_[0-9a-f]+\.js$/;

test('carries the nudge: an Application Customizer, deployed tenant-wide by ClientSideInstance.xml, per site by elements.xml', async () => {
  assert.ok(names.some((name) => NUDGE_ENTRY.test(name)), 'the nudge\'s bundle inside the package');
  assert.ok(names.some((name) => /^ClientSideAssets\/chunk\.photo-nudge-check_[0-9a-f]+\.js$/.test(name)), 'the nudge\'s check, loaded only when due');
  const extension = names.find((name) => /\/Extension_[0-9a-f-]+\.xml$/.test(name));
  const manifest = JSON.parse((await text(extension)).match(/ComponentManifest="([^"]+)"/)[1].replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
  assert.equal(manifest.extensionType, 'ApplicationCustomizer');
  assert.notEqual(manifest.requiresCustomScript, true);
  const feature = extension.split('/')[0];
  const rels = await text(`_rels/feature_${feature}.xml.rels`);
  for (const [file, element, idAttribute, propertiesAttribute] of [
    ['ClientSideInstance.xml', 'ClientSideComponentInstance', 'ComponentId', 'Properties'],
    ['elements.xml', 'CustomAction', 'ClientSideComponentId', 'ClientSideComponentProperties']
  ]) {
    assert.match(rels, new RegExp(`Target="/${feature}/${file.replace('.', '\\.')}"`), `${file} is one of the feature's element manifests`);
    const xml = await text(`${feature}/${file}`);
    const attribute = (name) => xml.match(new RegExp(`<${element}[^>]*\\s${name}="([^"]*)"`))?.[1];
    assert.equal(attribute('Location'), 'ClientSideExtension.ApplicationCustomizer');
    assert.equal(attribute(idAttribute), manifest.id, `${file} names the nudge`);
    // No pre-allocated height: SharePoint would keep it on every page, also when the nudge shows nothing.
    assert.equal(attribute('HostProperties'), undefined, `${file} pre-allocates no space`);
    assert.deepEqual(JSON.parse(attribute(propertiesAttribute).replace(/&quot;/g, '"')), { enabled: true, quietDays: 7, photoPageUrl: '' });
  }
});

test('no script evaluates strings (SharePoint enforces a Content Security Policy), and only the nudge loads its own parts', async () => {
  assert.ok(scripts.length >= 4, `the web part, the nudge and its parts: ${scripts.join(', ')}`);
  for (const name of scripts) {
    const code = await text(name);
    // webpack's runtime keeps a `new Function("return this")` fallback for engines without globalThis; every browser
    // SharePoint supports has globalThis, so it never runs. Anything else of the kind would be ours.
    const found = code.replace('new Function("return this")', '').match(/new Function\(|\beval\(|document\.write\(/g);
    assert.equal(found, null, `CSP hazards in ${name}: ${found}`);
    const loads = code.match(/SPComponentLoader|loadScript|createElement\(["']script["']\)/g);
    if (NUDGE_ENTRY.test(name)) {
      // SPFx's chunk loading: its chunks from beside it (the public path is the script's own), SPFx packages by id.
      assert.match(code, /document\.currentScript/);
    } else {
      assert.equal(loads, null, `${name} loads scripts: ${loads}`);
    }
  }
});

test('no script reaches an origin but the tenant\'s and Graph, builds a script from text, or writes to the console', async () => {
  // Every absolute URL in the scripts, by origin, with why it may be there. Requests go to relative SharePoint URLs
  // (the current site) and to Graph; nothing else is fetched or loaded.
  const allowed = {
    'https://graph.microsoft.com': 'Microsoft Graph, through AadHttpClient',
    'https://admin.microsoft.com': 'the API access page, a link page editors open themselves',
    'https://pnp.github.io': 'documentation links inside pnpjs error messages',
    'https://res-1.cdn.office.net': 'Fluent UI\'s default font base (CSS font faces; SharePoint sets FabricConfig.fontBaseUrl)',
  };
  for (const name of scripts) {
    const code = await text(name);
    const origins = [...new Set((code.match(/https?:\/\/[a-z0-9.-]+/gi) || []).map((url) => url.toLowerCase()))];
    const unexpected = origins.filter((origin) => !(origin in allowed) && !/^http:\/\/www\.w3\.org$/.test(origin));
    assert.deepEqual(unexpected, [], `origins in ${name} without a reason: ${unexpected.join(', ')}`);
    const hazards = code.match(/\.innerHTML\s*=|javascript:|importScripts\(|setTimeout\(["'`]|setInterval\(["'`]/g);
    assert.equal(hazards, null, `script built at run time in ${name}: ${hazards}`);
    // No tokens, digests or photo bytes can reach a log the product never writes.
    const logs = code.match(/console\.(log|info|warn|error|debug|trace)\b/g);
    assert.equal(logs, null, `console output in ${name}: ${logs}`);
  }
});

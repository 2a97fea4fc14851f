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
const BUILD_INPUTS = ['src', 'config', 'teams', 'teams-app', 'scripts/build-teams-package.mjs', 'gulpfile.js', 'package.json'];

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

test('the bundle neither loads scripts nor evaluates strings (SharePoint enforces a Content Security Policy)', async () => {
  const bundle = names.find((name) => /^ClientSideAssets\/profile-photo-sync-web-part_[0-9a-f]+\.js$/.test(name));
  const code = await text(bundle);
  // webpack's runtime keeps a `new Function("return this")` fallback for engines without globalThis; every browser
  // SharePoint supports has globalThis, so it never runs. Anything else of the kind would be ours.
  const found = code.replace('new Function("return this")', '').match(/SPComponentLoader|loadScript|new Function\(|\beval\(|document\.write\(/g);
  assert.equal(found, null, `CSP hazards in the bundle: ${found}`);
});

test('the bundle reaches no origin but the tenant\'s and Graph, builds no script, and writes nothing to the console', async () => {
  const bundle = names.find((name) => /^ClientSideAssets\/profile-photo-sync-web-part_[0-9a-f]+\.js$/.test(name));
  const code = await text(bundle);
  // Every absolute URL in the bundle, by origin, with why it may be there. Requests go to relative SharePoint URLs
  // (the current site) and to Graph; nothing else is fetched or loaded.
  const allowed = {
    'https://graph.microsoft.com': 'Microsoft Graph, through AadHttpClient',
    'https://admin.microsoft.com': 'the API access page, a link page editors open themselves',
    'https://pnp.github.io': 'documentation links inside pnpjs error messages',
    'https://res-1.cdn.office.net': 'Fluent UI\'s default font base (CSS font faces; SharePoint sets FabricConfig.fontBaseUrl)',
  };
  const origins = [...new Set((code.match(/https?:\/\/[a-z0-9.-]+/gi) || []).map((url) => url.toLowerCase()))];
  const unexpected = origins.filter((origin) => !(origin in allowed) && !/^http:\/\/www\.w3\.org$/.test(origin));
  assert.deepEqual(unexpected, [], `origins in the bundle without a reason: ${unexpected.join(', ')}`);
  const hazards = code.match(/createElement\(["']script["']\)|\.innerHTML\s*=|javascript:|importScripts\(|setTimeout\(["'`]|setInterval\(["'`]/g);
  assert.equal(hazards, null, `script built at run time: ${hazards}`);
  // No tokens, digests or photo bytes can reach a log the web part never writes.
  const logs = code.match(/console\.(log|info|warn|error|debug|trace)\b/g);
  assert.equal(logs, null, `console output in the bundle: ${logs}`);
});

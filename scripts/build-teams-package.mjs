// Builds teams/TeamsSPFxApp.zip, the Teams app package SharePoint deploys instead of generating one when an admin adds
// the app to Teams (docs/dev/platform-facts.md#sync-to-teams-and-the-generated-package): teams-app/manifest.json with
// its four translations, and the two icons in teams/. Everything in teams/ goes into the .sppkg, so `npm run build`
// runs this before `gulp package-solution`. The manifest takes two things from config/package-solution.json:
// - version: Teams wants #.#.#, so the solution's first three parts;
// - developer: the organisation's name and pages; any left empty get the values SharePoint itself writes into the
//   manifests it generates, so an unchanged project packages as an auto-generated app would.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import JSZip from 'jszip';

const root = new URL('..', import.meta.url).pathname;
const source = join(root, 'teams-app');
const out = join(root, 'teams', 'TeamsSPFxApp.zip');

/** What SharePoint's generated Teams manifests name as the developer's pages. */
const SHAREPOINT_DEFAULTS = {
  websiteUrl: 'https://products.office.com/en-us/sharepoint/collaboration',
  privacyUrl: 'https://privacy.microsoft.com/en-us/privacystatement',
  termsOfUseUrl: 'https://www.microsoft.com/en-us/servicesagreement'
};

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const solution = readJson(join(root, 'config', 'package-solution.json')).solution;
const template = readJson(join(source, 'manifest.json'));

const parts = /^(\d+\.\d+\.\d+)(?:\.(\d+))?$/.exec(solution.version);
if (!parts) {
  console.error(`build-teams-package: config/package-solution.json's version "${solution.version}" is not #.#.#.#`);
  process.exit(1);
}
// Teams would see 1.0.0.1 as 1.0.0, the version it has, and Sync to Teams would not update the app.
if (Number(parts[2] ?? 0) !== 0) {
  console.error(`build-teams-package: Teams versions have three parts; raise the third part of "${solution.version}" instead of the fourth.`);
  process.exit(1);
}
const version = parts[1];
const given = solution.developer ?? {};
const developer = {
  name: given.name || solution.name,
  websiteUrl: given.websiteUrl || SHAREPOINT_DEFAULTS.websiteUrl,
  privacyUrl: given.privacyUrl || SHAREPOINT_DEFAULTS.privacyUrl,
  termsOfUseUrl: given.termsOfUseUrl || SHAREPOINT_DEFAULTS.termsOfUseUrl
};
const manifest = { $schema: template.$schema, manifestVersion: template.manifestVersion, version, id: template.id, developer, ...template };

const zip = new JSZip();
// The package's files sit at the root of the zip, not in a folder.
zip.file('manifest.json', `${JSON.stringify(manifest, undefined, 2)}\n`);
for (const language of manifest.localizationInfo.additionalLanguages) {
  zip.file(language.file, readFileSync(join(source, language.file)));
}
for (const icon of [manifest.icons.color, manifest.icons.outline]) {
  zip.file(icon, readFileSync(join(root, 'teams', icon)));
}
// A fixed date keeps the zip identical when nothing in it changed.
for (const file of Object.values(zip.files)) file.date = new Date('2026-01-01T00:00:00Z');
writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
console.log(`Teams app package: ${relative(process.cwd(), out)} (version ${version}, ${Object.keys(zip.files).length} files)`);

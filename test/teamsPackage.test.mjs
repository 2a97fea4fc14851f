// Checks the Teams app package inside the .sppkg (teams/TeamsSPFxApp.zip, built by scripts/build-teams-package.mjs)
// against Microsoft's published Teams app manifest schemas, as the npm package @microsoft/app-manifest carries them.
// Run by `npm test` right after the build (Node's test runner).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv';
import JSZip from 'jszip';
import sharp from 'sharp';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url).pathname;
const COMPONENT_ID = '363766d7-b2a3-4100-a130-f66f3b1ac9f4';

const sppkg = await JSZip.loadAsync(readFileSync(join(root, 'sharepoint', 'solution', 'profile-photo-sync.sppkg')));
// The packager copies everything in teams/ into ClientSideAssets/.
const packed = sppkg.file('ClientSideAssets/TeamsSPFxApp.zip');
const app = packed ? await JSZip.loadAsync(await packed.async('nodebuffer')) : undefined;
const manifest = app ? JSON.parse(await app.file('manifest.json').async('string')) : undefined;

/**
 * A validator for one of Microsoft's Teams schemas. They are JSON Schema draft-04; ajv 6 reads draft-04 with its
 * meta-schema added, and `extendRefs` makes it apply the maxLength that the localization schema puts beside each $ref.
 */
function validator(file) {
  const schemas = join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');
  const ajv = new Ajv({ schemaId: 'auto', allErrors: true, extendRefs: true });
  ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json'));
  const validate = ajv.compile(JSON.parse(readFileSync(join(schemas, `v${manifest.manifestVersion}`, file), 'utf8')));
  return (document) => (validate(document) ? [] : validate.errors.map((error) => `${error.dataPath || '/'} ${error.message}`));
}

test('the .sppkg carries a Teams app package of our own', () => {
  assert.ok(app, 'ClientSideAssets/TeamsSPFxApp.zip in the .sppkg');
  assert.deepEqual(Object.keys(app.files).sort(), [
    `${COMPONENT_ID}_color.png`, `${COMPONENT_ID}_outline.png`, 'bg.json', 'lv.json', 'manifest.json', 'ro.json', 'sl.json'
  ]);
});

test('its manifest is valid under Microsoft\'s Teams app manifest schema', () => {
  assert.deepEqual(validator('MicrosoftTeams.schema.json')(manifest), []);
  assert.match(manifest.version, /^\d+\.\d+\.\d+$/, 'Teams takes only #.#.# versions');
});

test('the schema check rejects what Teams would refuse', () => {
  const validate = validator('MicrosoftTeams.schema.json');
  assert.notDeepEqual(validate({ ...manifest, name: { short: 'A name far longer than thirty characters', full: 'x' } }), []);
  assert.notDeepEqual(validate({ ...manifest, developer: { ...manifest.developer, privacyUrl: '' } }), []);
});

test('names and describes the app in all five languages, each within Teams\' limits', async () => {
  const validate = validator('MicrosoftTeams.Localization.schema.json');
  assert.deepEqual(manifest.localizationInfo.additionalLanguages.map((l) => l.languageTag).sort(), ['bg', 'lv', 'ro', 'sl']);
  for (const { file } of manifest.localizationInfo.additionalLanguages) {
    const translation = JSON.parse(await app.file(file).async('string'));
    assert.deepEqual(validate(translation), [], file);
    const english = {
      'name.short': manifest.name.short, 'name.full': manifest.name.full, 'description.short': manifest.description.short,
      'description.full': manifest.description.full, 'staticTabs[0].name': manifest.staticTabs[0].name
    };
    for (const [key, text] of Object.entries(english)) {
      assert.ok(translation[key] && translation[key] !== text, `${file} translates ${key}`);
    }
  }
  assert.notDeepEqual(validate({ 'name.short': 'Синхронизиране на снимката на профила' }), [], 'a 37-character short name is refused');
});

test('is a personal app and a team tab that open this web part through SharePoint\'s Teams pages', () => {
  const [personal] = manifest.staticTabs;
  const [tab] = manifest.configurableTabs;
  assert.deepEqual(personal.scopes, ['personal']);
  assert.match(personal.contentUrl, new RegExp(`^https://\\{teamSiteDomain\\}/_layouts/15/TeamsLogon\\.aspx\\?SPFX=true&dest=/_layouts/15/teamshostedapp\\.aspx%3Fteams%26personal%26componentId=${COMPONENT_ID}%26forceLocale=\\{locale\\}$`));
  assert.deepEqual(tab.scopes, ['team']);
  assert.match(tab.configurationUrl, new RegExp(`^https://\\{teamSiteDomain\\}\\{teamSitePath\\}/_layouts/15/TeamsLogon\\.aspx\\?SPFX=true&dest=\\{teamSitePath\\}/_layouts/15/teamshostedapp\\.aspx%3FopenPropertyPane=true%26teams%26componentId=${COMPONENT_ID}%26forceLocale=\\{locale\\}$`));
  // Without it, Teams' desktop and mobile clients cannot call SharePoint for the app.
  assert.deepEqual(manifest.webApplicationInfo, { resource: 'https://{teamSiteDomain}', id: '00000003-0000-0ff1-ce00-000000000000' });
  assert.equal(manifest.id, COMPONENT_ID);
});

test('carries Microsoft\'s icon sizes: a 192-px colour icon and a 32-px white outline on transparency', async () => {
  const color = await sharp(await app.file(manifest.icons.color).async('nodebuffer')).metadata();
  assert.deepEqual([color.format, color.width, color.height], ['png', 192, 192]);
  const { data, info } = await sharp(await app.file(manifest.icons.outline).async('nodebuffer')).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  assert.deepEqual([info.width, info.height], [32, 32]);
  for (let i = 0; i < data.length; i += 4) {
    const transparent = data[i + 3] === 0;
    const white = data[i] === 255 && data[i + 1] === 255 && data[i + 2] === 255;
    assert.ok(transparent || white, `outline pixel ${i / 4} is neither white nor transparent`);
  }
});

// 1. Bundle size: the production web part bundle and each locale's strings, raw and gzipped, and which module costs
//    what in the bundle (the report every --ship build writes, see gulpfile.js).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { printTable, round } from './figures.mjs';
import { newestMtime, ROOT as root } from './sources.mjs';

/**
 * `gulp bundle --ship` writes the deployable files to release/assets/ and their manifest to release/manifests/ in
 * SPFx 1.23 (temp/deploy/ and dist/ in older versions). They are reused when they are newer than every file in src/ and
 * config/, the gulpfile and the lock file (a dependency changes the bundle too); otherwise the bundle is rebuilt (about 20 s), so the numbers never describe code that has since changed.
 * gulp leaves a file alone when its content is unchanged, so after building, the build time is noted in
 * temp/bench/ship-bundle.json: without it a source change that does not change the output would rebuild every time.
 */
export async function measureBundle() {
  const sourcesChanged = newestMtime(['src', 'config', 'gulpfile.js', 'package-lock.json'].map((path) => join(root, path)));
  const stampFile = join(root, 'temp', 'bench', 'ship-bundle.json');
  const builtAt = (found) => {
    const stamp = existsSync(stampFile) ? JSON.parse(readFileSync(stampFile, 'utf8')) : undefined;
    return Math.max(found.writtenAt, stamp?.webPart === found.files[0].name ? stamp.builtAt : 0);
  };
  let found = findShipBundle();
  let decision;
  if (found && builtAt(found) >= sourcesChanged && readBundleReport(found.files[0].name)) {
    decision = { action: 'reused', why: 'newer than src/, config/, gulpfile.js and package-lock.json' };
  } else {
    console.log(!found ? 'No ship bundle in release/ or temp/deploy/: running gulp bundle --ship …'
      : builtAt(found) < sourcesChanged ? 'The ship bundle is older than the sources: running gulp bundle --ship …'
        : 'The ship bundle has no bundle report of its own: running gulp bundle --ship …');
    const t0 = performance.now();
    const startedAt = Date.now();
    const gulp = spawnSync(process.execPath, [join(root, 'node_modules', 'gulp', 'bin', 'gulp.js'), 'bundle', '--ship'],
      { cwd: root, encoding: 'utf8' });
    if (gulp.status !== 0) {
      throw new Error(`gulp bundle --ship failed:\n${(gulp.stdout + gulp.stderr).split('\n').slice(-30).join('\n')}`);
    }
    const why = !found ? 'there was no ship bundle'
      : builtAt(found) < sourcesChanged ? 'the sources were newer than the last bundle' : 'the last bundle had no bundle report';
    decision = { action: 'built', why,
      buildSeconds: round((performance.now() - t0) / 1000, 1) };
    found = findShipBundle();
    if (!found) throw new Error('gulp bundle --ship wrote no web part manifest to release/manifests/ or dist/.');
    mkdirSync(join(root, 'temp', 'bench'), { recursive: true });
    writeFileSync(stampFile, JSON.stringify({ builtAt: startedAt, webPart: found.files[0].name }));
  }
  // gzip -9: what a CDN that compresses ahead of time serves; raw is what the browser parses.
  const files = found.files.map((file) => {
    const bytes = readFileSync(join(found.dir, file.name));
    return { ...file, rawBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
  });
  const report = readBundleReport(found.files[0].name);
  if (!report) throw new Error(`gulp bundle --ship wrote no bundle report for ${found.files[0].name} to ${relative(root, BUNDLE_REPORT)}.`);
  return { dir: relative(root, found.dir), builtAt: new Date(builtAt(found)).toISOString(), ...decision, files, report };
}

/** What the gulpfile's bundle-report step writes on every --ship build (webpack-bundle-analyzer's JSON report). */
const BUNDLE_REPORT = join(root, 'temp', 'bundle-report', 'report.json');

/**
 * Which module costs what in the web part bundle `bundleName`, from the analyzer's report: our own code by folder under
 * lib/ (two levels: lib/services/transport) and packages by name (@pnp/sp). The analyzer parses each module's minified code out of the bundle and gzips
 * it; inside the module webpack concatenates the web part into, it can only share the concatenated module's size out
 * in proportion to each part's source size: those rows are estimates. The analyzer gzips the modules one by one, so the
 * rows add up to a little more than the gzipped bundle. Undefined when the report is missing, unreadable, for another
 * bundle or without gzip sizes.
 */
function readBundleReport(bundleName) {
  if (!existsSync(BUNDLE_REPORT)) return undefined;
  let assets;
  try {
    assets = JSON.parse(readFileSync(BUNDLE_REPORT, 'utf8'));
  } catch {
    return undefined; // cut short by a build that stopped half-way: the bundle is rebuilt
  }
  const asset = Array.isArray(assets) ? assets.find((entry) => entry.label === bundleName) : undefined;
  if (typeof asset?.gzipSize !== 'number') return undefined;
  const parts = new Map();
  const add = (name, node, estimated) => {
    const part = parts.get(name) ?? { name, parsedBytes: 0, gzipBytes: 0, estimated: false };
    part.parsedBytes += node.parsedSize ?? 0;
    part.gzipBytes += node.gzipSize ?? 0;
    part.estimated ||= estimated;
    parts.set(name, part);
  };
  const packageAt = (segments, at) => segments[at + 1]?.startsWith('@') ? `${segments[at + 1]}/${segments[at + 2]}` : segments[at + 1];
  const partOf = (path) => {
    const segments = path.split('/');
    const first = segments.indexOf('node_modules');
    const last = segments.lastIndexOf('node_modules');
    if (first < 0) return segments.slice(0, 3).join('/').replace(/\.js$/, '');
    // A package that another carries a copy of: worth seeing, since the two copies could be one.
    return first === last ? packageAt(segments, first) : `${packageAt(segments, last)} (the copy under ${packageAt(segments, first)})`;
  };
  const leaves = [];
  const walk = (node) => (node.groups?.length ? node.groups.forEach(walk) : leaves.push(node));
  (asset.groups ?? []).forEach(walk);
  for (const leaf of leaves) {
    const path = leaf.path ?? leaf.label;
    if (/"$/.test(leaf.label)) {
      add('SPFx and React, referenced only (SharePoint loads them)', leaf, false);
    } else {
      add(partOf(path.replace(/^.*\(concatenated\)\//, '').replace(/^\.\//, '')), leaf, path.includes('(concatenated)/'));
    }
  }
  const rows = [...parts.values()].sort((a, b) => b.gzipBytes - a.gzipBytes);
  return { bundle: asset.label, parsedBytes: asset.parsedSize, gzipBytes: asset.gzipSize, rows };
}

/**
 * The files the web part's ship manifest names (older bundles with other hashes linger beside them): the bundle first,
 * then each locale's strings. `writtenAt` is the newest modification time among the manifest and those files.
 */
function findShipBundle() {
  const layouts = [
    { assets: join(root, 'release', 'assets'), manifests: join(root, 'release', 'manifests') },
    { assets: join(root, 'temp', 'deploy'), manifests: join(root, 'dist') }
  ];
  for (const { assets, manifests } of layouts) {
    if (!existsSync(manifests)) continue;
    for (const manifestName of readdirSync(manifests).filter((name) => name.endsWith('.manifest.json'))) {
      const manifestFile = join(manifests, manifestName);
      const resources = JSON.parse(readFileSync(manifestFile, 'utf8')).loaderConfig?.scriptResources ?? {};
      const webPart = resources['profile-photo-sync-web-part']?.path;
      if (!webPart || !existsSync(join(assets, webPart))) continue;
      const localized = resources.ProfilePhotoSyncWebPartStrings?.paths ?? {};
      const files = [{ kind: 'webPart', name: webPart }].concat(Object.entries(localized)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([locale, name]) => ({ kind: 'strings', locale: locale.toLowerCase(), name })));
      if (!files.every((file) => existsSync(join(assets, file.name)))) continue;
      const writtenAt = Math.max(statSync(manifestFile).mtimeMs, ...files.map((file) => statSync(join(assets, file.name)).mtimeMs));
      return { dir: assets, writtenAt, files };
    }
  }
  return undefined;
}

export function printBundle(bundle) {
  const how = bundle.action === 'reused'
    ? `reused the last gulp bundle --ship (${bundle.builtAt.slice(0, 16).replace('T', ' ')} UTC, ${bundle.why})`
    : `ran gulp bundle --ship because ${bundle.why} (${bundle.buildSeconds} s)`;
  console.log(`\n1. Bundle size, ${bundle.dir}/: ${how}`);
  printTable(['file', 'raw B', 'gzip -9 B'], bundle.files.map((file) => [
    file.kind === 'webPart' ? `web part bundle (${file.name})` : `strings ${file.locale}`, file.rawBytes, file.gzipBytes
  ]));
  const { report } = bundle;
  console.log(`  Which module costs what in the web part bundle (webpack-bundle-analyzer; ~ = estimated inside webpack's concatenated module; full report: temp/bundle-report/report.html)`);
  printTable(['module', 'minified B', 'gzip B', 'share of gzip'], [
    ...report.rows.map((row) => [`${row.estimated ? '~ ' : ''}${row.name}`, row.parsedBytes, row.gzipBytes, `${round(100 * row.gzipBytes / report.gzipBytes, 1)} %`]),
    // Each module gzipped alone compresses less well than the whole: the rows add up to a little more than this.
    ['the whole bundle', report.parsedBytes, report.gzipBytes, '100 %']
  ]);
}

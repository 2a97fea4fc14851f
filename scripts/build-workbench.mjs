// Builds the local workbench into workbench/dist: the host page and its script (esbuild), the SPFx runtime's dist
// bundles copied from node_modules, React 17 as SharePoint serves it, and the web part's --ship bundle and strings
// exactly as `gulp bundle --ship` wrote them to dist/. It refuses a bundle older than the sources, so a stale bundle
// is never run by mistake: run `npx gulp bundle --ship` (npm start and npm test do) after changing src/.
import { build } from 'esbuild';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ASSEMBLY_PACKAGES, componentNames as runtimeComponentNames, distFile as runtimeDistFile, MICROSOFT } from './spfxRuntimeFiles.mjs';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'workbench', 'dist');
const microsoft = MICROSOFT;

/** The SPFx runtime packages whose dist bundles the page loads, in dependency order after the loader assembly. */
const RUNTIME_PACKAGES = ['sp-loader', 'sp-http-msgraph', 'sp-http', 'sp-component-base', 'sp-webpart-base', 'sp-extension-base', 'sp-application-base'];


function fail(message) {
  console.error(`build-workbench: ${message}`);
  process.exit(1);
}

function newestSourceTime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      newest = Math.max(newest, newestSourceTime(path));
    } else if (!/\.test\.tsx?$/.test(entry.name)) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function distFile(pkg, pattern) {
  try {
    return `spfx/${pkg}/${runtimeDistFile(pkg, pattern)}`;
  } catch (error) {
    return fail(error.message);
  }
}

// The web part and the nudge (an Application Customizer), as the ship build left them.
const distDir = join(root, 'dist');
const manifests = existsSync(distDir) ? readdirSync(distDir).filter((name) => name.endsWith('.manifest.json')).map((name) => ({ name, manifest: readJson(join(distDir, name)) })) : [];
function component(type) {
  const found = manifests.find((m) => m.manifest.componentType === type);
  if (!found) fail(`dist/ holds no ${type} bundle. Run \`npx gulp bundle --ship\` first.`);
  const { manifest } = found;
  const entry = manifest.loaderConfig.scriptResources[manifest.loaderConfig.entryModuleId];
  const bundleFile = join(distDir, entry.path);
  if (!existsSync(bundleFile)) fail(`the manifest names ${entry.path}, which is not in dist/. Run \`npx gulp bundle --ship\`.`);
  // gulp rewrites the manifest on every bundle, even when the bundle's content (and so its file) did not change.
  if (Math.max(statSync(bundleFile).mtimeMs, statSync(join(distDir, found.name)).mtimeMs) < newestSourceTime(join(root, 'src'))) {
    fail(`dist/${entry.path} is older than the sources in src/. Run \`npx gulp bundle --ship\` first.`);
  }
  return { manifest, entry };
}
const { manifest, entry } = component('WebPart');
const customizer = component('Extension');
const stringsModule = Object.keys(manifest.loaderConfig.scriptResources)
  .find((name) => manifest.loaderConfig.scriptResources[name].type === 'localizedPath');
const stringsResource = manifest.loaderConfig.scriptResources[stringsModule];

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'webpart'), { recursive: true });
for (const name of readdirSync(distDir)) {
  copyFileSync(join(distDir, name), join(out, 'webpart', name));
}

// The SPFx runtime the page hosts must be the one the web part was built against.
const runtimeVersion = readJson(join(microsoft, 'sp-webpart-base', 'package.json')).version;
const builtAgainst = manifest.loaderConfig.scriptResources['@microsoft/sp-webpart-base'].version;
if (runtimeVersion !== builtAgainst) fail(`the web part was built against SPFx ${builtAgainst}, node_modules holds ${runtimeVersion}. Run npm ci.`);

// The SPFx runtime: each package's whole dist/, because its bundles load their own chunks from beside them.
const componentNames = runtimeComponentNames([manifest, customizer.manifest]);
for (const pkg of RUNTIME_PACKAGES) {
  cpSync(join(microsoft, pkg, 'dist'), join(out, 'spfx', pkg), { recursive: true, filter: (path) => !path.endsWith('.d.ts') });
}
// The loader assembly carries sp-http-base and the rest, whose chunks it loads from its own folder.
for (const pkg of ASSEMBLY_PACKAGES) {
  for (const name of readdirSync(join(microsoft, pkg, 'dist')).filter((file) => /^chunk\..*\.js$/.test(file))) {
    copyFileSync(join(microsoft, pkg, 'dist', name), join(out, 'spfx', 'sp-loader', name));
  }
}
mkdirSync(join(out, 'react'), { recursive: true });
copyFileSync(join(root, 'node_modules', 'react', 'umd', 'react.production.min.js'), join(out, 'react', 'react.js'));
copyFileSync(join(root, 'node_modules', 'react-dom', 'umd', 'react-dom.production.min.js'), join(out, 'react', 'react-dom.js'));

const runtime = {
  componentNames,
  // SharePoint loads these before any web part; npm ships their en-us and default resources only.
  scripts: [
    'spfx/sp-loader/sp-loader-assembly_en-us.js',
    distFile('sp-http-msgraph', /^sp-http-msgraph_en-us_.*\.js$/),
    distFile('sp-http', /^sp-http_none_.*\.js$/),
    distFile('sp-component-base', /^sp-component-base_en-us_.*\.js$/),
    distFile('sp-webpart-base', /^sp-webpart-base_en-us_.*\.js$/),
    distFile('sp-extension-base', /^sp-extension-base_en-us_.*\.js$/),
    distFile('sp-application-base', /^sp-application-base_en-us_.*\.js$/)
  ],
  webPart: {
    manifest,
    bundle: `webpart/${entry.path}`,
    stringsModule,
    strings: Object.fromEntries(Object.entries(stringsResource.paths).map(([locale, path]) => [locale.toLowerCase(), `webpart/${path}`]))
  },
  // The nudge's bundle loads its second part (chunk.*.js) from beside itself, as on a tenant's CDN.
  customizer: { manifest: customizer.manifest, bundle: `webpart/${customizer.entry.path}` }
};
writeFileSync(join(out, 'runtime.json'), JSON.stringify(runtime));

for (const file of ['index.html', 'workbench.css', 'amd.js', 'fabric-config.js']) {
  copyFileSync(join(root, 'workbench', file), join(out, file));
}

// The workbench's own controls share the page's React (the one SharePoint provides), never a second copy.
const pageReact = {
  name: 'page-react',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^react(-dom)?$/ }, (args) => ({ path: args.path, namespace: 'page-react' }));
    esbuild.onLoad({ filter: /.*/, namespace: 'page-react' }, (args) => ({
      contents: `module.exports = window.${args.path === 'react' ? 'React' : 'ReactDOM'};`,
      loader: 'js'
    }));
  }
};

await build({
  entryPoints: [join(root, 'workbench', 'src', 'main.tsx')],
  outfile: join(out, 'workbench.js'),
  bundle: true,
  minify: true,
  sourcemap: true,
  target: 'es2019',
  define: { 'process.env.NODE_ENV': '"production"' },
  plugins: [pageReact],
  logLevel: 'warning'
});
console.log(`Workbench built in ${relative(process.cwd(), out) || '.'}: ${entry.path} in the SPFx ${runtimeVersion} runtime`);

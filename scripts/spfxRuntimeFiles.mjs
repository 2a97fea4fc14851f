// Where the SPFx runtime's dist bundles are in node_modules, and the names other bundles use for them. Shared by the
// workbench build (scripts/build-workbench.mjs) and the Node integration test (test/support/spfxRuntime.mjs).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
export const MICROSOFT = join(root, 'node_modules', '@microsoft');

/** The packages inside sp-loader's assembly bundle: it loads their chunks from its own folder. */
export const ASSEMBLY_PACKAGES = ['sp-core-library', 'sp-lodash-subset', 'sp-diagnostics', 'sp-dynamic-data', 'sp-page-context', 'sp-http-base'];

/**
 * Component id → the package name bundles import it by, from every manifest's scriptResources, plus those of the
 * given manifests (the web part's own names sp-webpart-base, which no SPFx manifest does).
 */
export function componentNames(extraManifests = []) {
  const names = {};
  const manifests = [...extraManifests];
  for (const pkg of readdirSync(MICROSOFT).filter((name) => existsSync(join(MICROSOFT, name, 'dist')))) {
    for (const file of readdirSync(join(MICROSOFT, pkg, 'dist')).filter((name) => name.endsWith('.manifest.json'))) {
      manifests.push(JSON.parse(readFileSync(join(MICROSOFT, pkg, 'dist', file), 'utf8')));
    }
  }
  for (const manifest of manifests) {
    for (const [name, resource] of Object.entries(manifest.loaderConfig?.scriptResources ?? {})) {
      if (resource.type === 'component') names[resource.id] = name;
    }
  }
  return names;
}

/** The one file of a package's dist/ whose name matches, for the bundles whose names carry a content hash. */
export function distFile(pkg, pattern) {
  const matches = readdirSync(join(MICROSOFT, pkg, 'dist')).filter((name) => pattern.test(name));
  if (matches.length !== 1) throw new Error(`expected one ${pattern} in @microsoft/${pkg}/dist, found ${matches.length}`);
  return matches[0];
}

/**
 * Compiles the web part's services from src/ with esbuild, in memory, and runs them in the test page's window, where
 * every `@microsoft/*` import is the module the real SPFx runtime defined (as on a SharePoint page, where those
 * packages are never bundled: docs/dev/platform-facts.md#what-sharepoint-supplies-at-run-time).
 */
import { build } from 'esbuild';

const entry = new URL('./webPartServices.mjs', import.meta.url).pathname;

/** `import ... from '@microsoft/sp-http'` → the runtime's own module, looked up when the bundle runs. */
const spfxRuntimeModules = {
  name: 'spfx-runtime-modules',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^@microsoft\// }, (args) => ({ path: args.path, namespace: 'spfx-runtime' }));
    esbuild.onLoad({ filter: /.*/, namespace: 'spfx-runtime' }, (args) => ({
      contents: `module.exports = globalThis.__spfx(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

/**
 * Bundles a TypeScript or JavaScript entry and runs it in the page's window.
 * @param {any} window
 * @param {string} entryPoint
 * @param {string} globalName
 * @returns {Promise<Record<string, any>>} the entry's exports
 */
export async function runInPage(window, entryPoint, globalName) {
  window.eval(await bundle(entryPoint, globalName));
  return window[globalName];
}

/** @type {Map<string, Promise<string>>} */
const bundles = new Map();

/** @param {string} entryPoint @param {string} globalName */
function bundle(entryPoint, globalName) {
  if (!bundles.has(entryPoint)) bundles.set(entryPoint, build({
    entryPoints: [entryPoint],
    bundle: true,
    write: false,
    format: 'iife',
    globalName,
    platform: 'browser',
    target: 'es2019',
    plugins: [spfxRuntimeModules],
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0].text));
  return bundles.get(entryPoint);
}

/**
 * The web part's code as a new page load has it: run afresh on each call, so that module state (pnpjs's request
 * digests) belongs to one page, as in a browser.
 * @param {{ window: any, module: (name: string) => unknown }} runtime from loadSpfxRuntime
 * @returns {Promise<Record<string, any>>} the services and transports, built against the runtime's modules
 */
export function loadWebPartServices(runtime) {
  runtime.window.__spfx = runtime.module;
  return runInPage(runtime.window, entry, '__webPartServices');
}

// Builds the local workbench into workbench/dist: the page, its bundle (esbuild), and the web part's strings
// as JSON, read from the same AMD loc files SharePoint loads.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'workbench', 'dist');
const locDir = join(root, 'src', 'webparts', 'profilePhotoSync', 'loc');

export function readAmdStrings(file) {
  let strings;
  vm.runInNewContext(readFileSync(file, 'utf8'), { define: (_deps, factory) => { strings = factory(); } });
  return strings;
}

mkdirSync(join(out, 'loc'), { recursive: true });
for (const file of readdirSync(locDir).filter((name) => name.endsWith('.js'))) {
  writeFileSync(join(out, 'loc', file.replace(/\.js$/, '.json')), JSON.stringify(readAmdStrings(join(locDir, file))));
}
copyFileSync(join(root, 'workbench', 'index.html'), join(out, 'index.html'));
for (const file of ['workbench.css', 'fabric-config.js']) {
  copyFileSync(join(root, 'workbench', file), join(out, file));
}

await build({
  entryPoints: [join(root, 'workbench', 'src', 'main.tsx')],
  outfile: join(out, 'workbench.js'),
  bundle: true,
  minify: true,
  sourcemap: true,
  target: 'es2019',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning'
});
console.log(`Workbench built in ${out}`);

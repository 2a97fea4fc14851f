// Runs before the npm scripts that need Node 22 (SPFx 1.23 supports no other major). npm puts node_modules/.bin first
// on the PATH, so the project's pinned `node` package answers as `node` here; when its install script never ran (npm 12
// runs a dependency's install script only when package.json's allowScripts approves it), the machine's own Node
// answers instead, and everything would go on under it without a word.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const REQUIRED_MAJOR = 22;
const major = Number(process.versions.node.split('.')[0]);
if (major !== REQUIRED_MAJOR) {
  const root = new URL('..', import.meta.url).pathname;
  const pinned = existsSync(join(root, 'node_modules', 'node', 'bin', 'node'));
  console.error([
    `Profile Photo Sync needs Node ${REQUIRED_MAJOR} (SharePoint Framework 1.23 supports no other), but this script runs under Node ${process.versions.node}.`,
    pinned
      ? 'The project\'s own Node 22 is installed (node_modules/node/bin/node) but not first on the PATH: run the command through npm (npm start, npm test).'
      : 'The project\'s own Node 22 (the `node` package in devDependencies) is not installed: its install script did not run. ' +
        'npm 12 runs it only when package.json\'s allowScripts approves it (it does: "node": true), so install again with `npm ci`; ' +
        'if npm still lists `node` under "install scripts blocked", run `npm install-scripts approve node` and then `npm ci`.'
  ].join('\n'));
  process.exit(1);
}

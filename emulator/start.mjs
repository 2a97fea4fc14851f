#!/usr/bin/env node
/**
 * Command line for the emulator: `npm run emulator` (or `npm start`, which adds --workbench).
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startEmulator } from './server.mjs';

const HELP = `Local emulator of SharePoint Online and Microsoft Graph for the Profile Photo Sync web part.

Usage: node emulator/start.mjs [--workbench] [--quiet]

  --workbench   also serve the built workbench (workbench/dist) at the site root
  --quiet       do not log requests
  --help        show this text

Environment:
  PORT          SharePoint site port (default 4321)
  MYSITE_PORT   My Site host port (default PORT+1)
  GRAPH_PORT    Microsoft Graph port (default PORT+2)

Pick a user by setting the cookie emulator-user=<id> (ids: GET /_emulator/config).`;

/**
 * @param {string | undefined} value
 * @param {number} fallback
 * @param {string} name
 * @returns {number}
 */
function port(value, fallback, name) {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    console.error(`${name} must be a port number (0–65535), not '${value}'.`);
    process.exit(2);
  }
  return n;
}

async function main() {
  /** @type {{ values: { workbench?: boolean, quiet?: boolean, help?: boolean } }} */
  let parsed;
  try {
    parsed = parseArgs({ options: { workbench: { type: 'boolean' }, quiet: { type: 'boolean' }, help: { type: 'boolean' } } });
  } catch (error) {
    console.error(`${/** @type {Error} */ (error).message}\n\n${HELP}`);
    process.exit(2);
  }
  const { workbench = false, quiet = false, help = false } = parsed.values;
  if (help) {
    console.log(HELP);
    return;
  }

  // Installed before start-up so that Ctrl+C while the images render still exits cleanly.
  /** @type {import('./server.mjs').Emulator | undefined} */
  let emu;
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await emu?.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const sitePort = port(process.env.PORT, 4321, 'PORT');
  const workbenchDir = workbench ? fileURLToPath(new URL('../workbench/dist', import.meta.url)) : undefined;
  emu = await startEmulator({
    sitePort,
    mySitePort: port(process.env.MYSITE_PORT, sitePort === 0 ? 0 : sitePort + 1, 'MYSITE_PORT'),
    graphPort: port(process.env.GRAPH_PORT, sitePort === 0 ? 0 : sitePort + 2, 'GRAPH_PORT'),
    workbenchDir,
    quiet,
  });

  console.log(`SharePoint site:  ${emu.siteUrl}`);
  console.log(`My Site host:     ${emu.mySiteHostUrl}`);
  console.log(`Microsoft Graph:  ${emu.graphUrl}`);
  console.log(workbench ? `Workbench:        ${emu.siteUrl}/` : 'Workbench:        not served (start with --workbench)');
  console.log('Press Ctrl+C to stop.');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

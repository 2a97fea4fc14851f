// `npm test`: type checks, the unit and component suites (jest), the production build and the checks of its package
// plus the emulator's suite (Node's test runner), then the end-to-end suite (Playwright against the workbench), and
// one closing line with the totals.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
// Not under temp/: the build's `gulp clean` empties that.
const out = join(root, '.test-output');
mkdirSync(out, { recursive: true });
const bin = (name) => join(root, 'node_modules', '.bin', name);

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function readTapCounts(file) {
  try {
    const tap = readFileSync(file, 'utf8');
    const count = (name) => Number((tap.match(new RegExp(`^# ${name} (\\d+)$`, 'm')) || [])[1] ?? NaN);
    const counts = { passed: count('pass'), failed: count('fail'), skipped: count('skipped') + count('todo') };
    return Object.values(counts).some(Number.isNaN) ? undefined : counts;
  } catch {
    return undefined;
  }
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

// Type errors in the workbench or the tests would otherwise go unnoticed: esbuild and Playwright only strip types.
const typeStatus = Math.max(
  run(bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']),
  run(bin('tsc'), ['-p', 'tsconfig.jest.json', '--noEmit'])
);

const jestFile = join(out, 'jest.json');
const jestStatus = run(bin('jest'), ['--ci', '--json', `--outputFile=${jestFile}`]);
const jest = readJson(jestFile);

// The .sppkg an admin would upload (lint included: the ship build fails on any warning), then Node's test runner for
// what jest cannot load: the package checks and the emulator, which is ESM.
const buildStatus = run('npm', ['run', 'build', '--silent']);
const nodeTap = join(out, 'node-tests.tap');
const nodeStatus = run(process.execPath, [
  '--test', '--test-reporter=spec', '--test-reporter-destination=stdout',
  '--test-reporter=tap', `--test-reporter-destination=${nodeTap}`, 'emulator/*.test.mjs', 'test/*.test.mjs'
]);
const node = readTapCounts(nodeTap);

const e2eFile = join(out, 'e2e.json');
const workbenchStatus = run(process.execPath, [join(root, 'scripts', 'build-workbench.mjs')]);
const e2eStatus = workbenchStatus === 0
  ? run(bin('playwright'), ['test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eFile })
  : workbenchStatus;
const e2e = readJson(e2eFile);

const passed = (jest?.numPassedTests ?? 0) + (node?.passed ?? 0) + (e2e?.stats?.expected ?? 0);
const failed = (jest?.numFailedTests ?? 0) + (node?.failed ?? 0) + (e2e?.stats?.unexpected ?? 0) + (e2e?.stats?.flaky ?? 0);
const skipped = (jest?.numPendingTests ?? 0) + (node?.skipped ?? 0) + (e2e?.stats?.skipped ?? 0);
const broken = typeStatus !== 0 || jestStatus !== 0 || buildStatus !== 0 || nodeStatus !== 0 || e2eStatus !== 0 ||
  jest === undefined || node === undefined || e2e === undefined;

console.log(`\ntype check: ${typeStatus === 0 ? 'clean' : 'ERRORS'}; build: ${buildStatus === 0 ? 'ok' : 'FAILED'}; ` +
  `unit: ${jest?.numPassedTests ?? 0} passed, ${jest?.numFailedTests ?? 0} failed; ` +
  `emulator and package: ${node?.passed ?? 0} passed, ${node?.failed ?? 0} failed; ` +
  `end-to-end: ${e2e?.stats?.expected ?? 0} passed, ${e2e?.stats?.unexpected ?? 0} failed`);
console.log(`tests: ${passed} passed, ${broken && failed === 0 ? 1 : failed} failed, ${skipped} skipped`);
process.exit(broken ? 1 : 0);

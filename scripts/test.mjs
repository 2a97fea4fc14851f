// `npm test`: a type check, the unit and component suites (jest), the emulator's suite (Node's test runner), then
// the end-to-end suite (Playwright against the workbench), and one closing line with the totals of all three.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'temp', 'test-results');
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

// The emulator is ESM, which jest 29 cannot load without experimental flags: its tests use Node's own runner.
const emulatorTap = join(out, 'emulator.tap');
const emulatorStatus = run(process.execPath, [
  '--test', '--test-reporter=spec', '--test-reporter-destination=stdout',
  '--test-reporter=tap', `--test-reporter-destination=${emulatorTap}`, 'emulator/*.test.mjs'
]);
const emulator = readTapCounts(emulatorTap);

const e2eFile = join(out, 'e2e.json');
const buildStatus = run(process.execPath, [join(root, 'scripts', 'build-workbench.mjs')]);
const e2eStatus = buildStatus === 0
  ? run(bin('playwright'), ['test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eFile })
  : buildStatus;
const e2e = readJson(e2eFile);

const passed = (jest?.numPassedTests ?? 0) + (emulator?.passed ?? 0) + (e2e?.stats?.expected ?? 0);
const failed = (jest?.numFailedTests ?? 0) + (emulator?.failed ?? 0) + (e2e?.stats?.unexpected ?? 0) + (e2e?.stats?.flaky ?? 0);
const skipped = (jest?.numPendingTests ?? 0) + (emulator?.skipped ?? 0) + (e2e?.stats?.skipped ?? 0);
const broken = typeStatus !== 0 || jestStatus !== 0 || emulatorStatus !== 0 || e2eStatus !== 0 ||
  jest === undefined || emulator === undefined || e2e === undefined;

console.log(`\nunit: ${jest?.numPassedTests ?? 0} passed, ${jest?.numFailedTests ?? 0} failed; ` +
  `emulator: ${emulator?.passed ?? 0} passed, ${emulator?.failed ?? 0} failed; ` +
  `end-to-end: ${e2e?.stats?.expected ?? 0} passed, ${e2e?.stats?.unexpected ?? 0} failed`);
console.log(`tests: ${passed} passed, ${broken && failed === 0 ? 1 : failed} failed, ${skipped} skipped`);
process.exit(broken ? 1 : 0);

// The repository the benchmark measures, and how it tells whether what it measures is older than its sources.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = new URL('../..', import.meta.url).pathname;

/** Latest modification time (ms since the epoch) of any file under the given files or folders. */
export function newestMtime(paths) {
  let newest = 0;
  const visit = (path) => {
    const stat = statSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const path of paths) if (existsSync(path)) visit(path);
  return newest;
}

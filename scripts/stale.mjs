// Whether a build is older than anything it was made from (an edit or a `git pull` since), so that install and
// start rebuild exactly then, and a new server never runs beside an old dashboard.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The admin imports the API's declarations and types: a change there changes the dashboard too. */
export const ADMIN = { output: 'dist/admin/index.html', sources: ['admin', 'api', 'package-lock.json'] };
export const SERVER = {
  output: 'dist/server/scripts/start.js',
  sources: [
    'api',
    'migrations',
    'seeds',
    'scripts/start.ts',
    'tsconfig.json',
    'tsconfig.build.json',
    'package-lock.json',
  ],
};

/** The newest change under a path; a folder's own time counts, so a deleted file counts too. */
function newestChange(entry) {
  const stat = statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry)
    .filter((name) => name !== 'node_modules')
    .reduce((newest, name) => Math.max(newest, newestChange(path.join(entry, name))), stat.mtimeMs);
}

// Dashboard and server share `api/` and the lockfile: each source is walked once per run, not once per build.
const newestBySource = new Map();
function newestOf(source) {
  if (!newestBySource.has(source)) newestBySource.set(source, newestChange(source));
  return newestBySource.get(source);
}

export function isStale({ output, sources }) {
  const built = statSync(output, { throwIfNoEntry: false });
  return !built || sources.some((source) => newestOf(source) > built.mtimeMs);
}

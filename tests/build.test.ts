import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * `npm install` and `npm start` rebuild the dashboard and the server when their sources changed since the last
 * build (scripts/stale.mjs): after a `git pull` neither runs an old build, and an unchanged checkout starts at once.
 */
const STALE = path.resolve(__dirname, '../scripts/stale.mjs');
const BUILT = new Date('2026-12-01T10:00:00Z');
const BEFORE = new Date('2026-11-30T10:00:00Z');
const AFTER = new Date('2026-12-02T10:00:00Z');

let root: string;

function put(file: string, time: Date): void {
  const full = path.join(root, file);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, file);
  fs.utimesSync(full, time, time);
}

/** What the build scripts ask, for the server and for the dashboard, in the checkout at `root`. */
function stale(): { server: boolean; admin: boolean } {
  const script = `import { isStale, SERVER, ADMIN } from ${JSON.stringify(STALE)};
    console.log(JSON.stringify({ server: isStale(SERVER), admin: isStale(ADMIN) }));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: root,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as { server: boolean; admin: boolean };
}

/** Sets every folder's own time back, as if the files had been there since before the build. */
function ageFolders(dir = root): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }))
    if (entry.isDirectory()) ageFolders(path.join(dir, entry.name));
  fs.utimesSync(dir, BEFORE, BEFORE);
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'myk10-stale-'));
  for (const file of [
    'api/domain.ts',
    'migrations/001.ts',
    'seeds/demo.ts',
    'admin/src/App.tsx',
    'package-lock.json',
  ])
    put(file, BEFORE);
  put('dist/server/scripts/start.js', BUILT);
  put('dist/admin/index.html', BUILT);
  ageFolders();
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

it('builds what was never built', () => {
  fs.rmSync(path.join(root, 'dist'), { recursive: true });
  expect(stale()).toEqual({ server: true, admin: true });
});

it('leaves builds newer than every source alone', () => {
  expect(stale()).toEqual({ server: false, admin: false });
});

it('rebuilds the server after a migration changed, and the dashboard only after its own or the API changed', () => {
  put('migrations/001.ts', AFTER);
  expect(stale()).toEqual({ server: true, admin: false });
  put('admin/src/App.tsx', AFTER);
  expect(stale()).toEqual({ server: true, admin: true });
});

it('rebuilds both after the API changed (the dashboard reads its declarations) or the lockfile did', () => {
  put('api/domain.ts', AFTER);
  expect(stale()).toEqual({ server: true, admin: true });
  put('api/domain.ts', BEFORE);
  put('package-lock.json', AFTER);
  expect(stale()).toEqual({ server: true, admin: true });
});

it('rebuilds after a source file was deleted', () => {
  fs.rmSync(path.join(root, 'seeds/demo.ts'));
  expect(stale().server).toBe(true);
});

it('does not look into installed packages inside a source folder', () => {
  put('admin/node_modules/some-package/index.js', AFTER);
  fs.utimesSync(path.join(root, 'admin'), BEFORE, BEFORE);
  expect(stale()).toEqual({ server: false, admin: false });
});

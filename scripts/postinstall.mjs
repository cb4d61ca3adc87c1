// After `npm install` (also after a `git pull`): dashboard and server rebuilt where their sources changed, so that
// `npm start` serves the current version straight away. CI builds them itself (SKIP_ADMIN_BUILD, SKIP_SERVER_BUILD).
import { spawnSync } from 'node:child_process';

const parts = [
  ['admin', 'SKIP_ADMIN_BUILD'],
  ['server', 'SKIP_SERVER_BUILD'],
]
  .filter(([, skip]) => !process.env[skip])
  .map(([part]) => part);
// Without a part named, build.mjs would build both.
if (parts.length > 0) {
  const result = spawnSync(process.execPath, ['scripts/build.mjs', ...parts, '--if-stale'], {
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

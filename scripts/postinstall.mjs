// After `npm install` (also after a `git pull`): dashboard and server rebuilt where their sources changed, so that
// `npm start` serves the current version straight away. CI builds them itself (SKIP_ADMIN_BUILD, SKIP_SERVER_BUILD).
import { spawnSync } from 'node:child_process';

for (const [script, skip] of [
  ['scripts/buildAdmin.mjs', 'SKIP_ADMIN_BUILD'],
  ['scripts/buildServer.mjs', 'SKIP_SERVER_BUILD'],
]) {
  if (process.env[skip]) continue;
  const result = spawnSync(process.execPath, [script, '--if-stale'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

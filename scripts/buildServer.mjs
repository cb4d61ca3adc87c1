// Compiles api/, migrations/, seeds/ and the start script to dist/server (tsconfig.build.json), so that `npm start`
// runs plain JavaScript without a TypeScript loader. `--if-stale`: only when the sources changed since (install, start).
import { spawnSync } from 'node:child_process';
import { isStale, SERVER } from './stale.mjs';

if (process.argv.includes('--if-stale') && !isStale(SERVER)) process.exit(0);
console.log('Übersetze den Server (dist/server) …');
const result = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
if (result.status !== 0) {
  console.error('Der Server konnte nicht übersetzt werden; `npm run build:server` zeigt die Ursache.');
  process.exit(result.status ?? 1);
}

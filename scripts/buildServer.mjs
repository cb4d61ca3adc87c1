// Compiles api/, migrations/, seeds/ and the start script to dist/server (tsconfig.build.json), so that `npm start`
// runs plain JavaScript without a TypeScript loader. `--if-missing`: only when there is no build yet (prestart).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

if (process.argv.includes('--if-missing') && existsSync('dist/server/scripts/start.js')) process.exit(0);
console.log('Übersetze den Server (dist/server) …');
const result = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
if (result.status !== 0) {
  console.error('Der Server konnte nicht übersetzt werden; `npm run build:server` zeigt die Ursache.');
  process.exit(result.status ?? 1);
}

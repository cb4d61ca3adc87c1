// Builds the dashboard to dist/admin (Vite). `--if-stale`: only when its sources changed since (install, start).
import { spawnSync } from 'node:child_process';
import { ADMIN, isStale } from './stale.mjs';

if (process.argv.includes('--if-stale') && !isStale(ADMIN)) process.exit(0);
console.log('Baue die Oberfläche (dist/admin) …');
const result = spawnSync(
  'npx',
  ['vite', 'build', '--config', 'admin/vite.config.mts', '--logLevel', 'warn'],
  {
    stdio: 'inherit',
  },
);
if (result.status !== 0) {
  console.error('Die Oberfläche konnte nicht gebaut werden; `npm run build` zeigt die Ursache.');
  process.exit(result.status ?? 1);
}

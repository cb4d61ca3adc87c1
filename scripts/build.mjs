// Builds the dashboard (dist/admin, Vite) and the server (dist/server, tsconfig.build.json), so that `npm start`
// runs plain JavaScript without a TypeScript loader. `node scripts/build.mjs [admin] [server] [--if-stale]`: the
// parts named, both when none is; `--if-stale` only those whose sources changed since their last build.
import { spawnSync } from 'node:child_process';
import { ADMIN, isStale, SERVER } from './stale.mjs';

const PARTS = {
  admin: {
    build: ADMIN,
    doing: 'Baue die Oberfläche (dist/admin) …',
    command: ['vite', 'build', '--config', 'admin/vite.config.mts', '--logLevel', 'warn'],
    failed: 'Die Oberfläche konnte nicht gebaut werden',
  },
  server: {
    build: SERVER,
    doing: 'Übersetze den Server (dist/server) …',
    command: ['tsc', '-p', 'tsconfig.build.json'],
    failed: 'Der Server konnte nicht übersetzt werden',
  },
};

const args = process.argv.slice(2);
const named = Object.keys(PARTS).filter((part) => args.includes(part));
for (const part of named.length > 0 ? named : Object.keys(PARTS)) {
  const { build, doing, command, failed } = PARTS[part];
  if (args.includes('--if-stale') && !isStale(build)) continue;
  console.log(doing);
  const result = spawnSync('npx', command, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`${failed}; \`npm run build\` zeigt die Ursache.`);
    process.exit(result.status ?? 1);
  }
}

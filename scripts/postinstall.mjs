// Builds the admin once after `npm install`, so that `npm start` serves the dashboard straight away.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

if (
  existsSync('admin/vite.config.ts') &&
  !existsSync('dist/admin/index.html') &&
  !process.env.SKIP_ADMIN_BUILD
) {
  console.log('Baue die Oberfläche (dist/admin) …');
  const result = spawnSync(
    'npx',
    ['vite', 'build', '--config', 'admin/vite.config.ts', '--logLevel', 'warn'],
    {
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) {
    console.error('Die Oberfläche konnte nicht gebaut werden; `npm run build` zeigt die Ursache.');
    process.exit(result.status ?? 1);
  }
}

// The server runs compiled (npm start); rebuilt on every install so it matches the sources.
if (existsSync('tsconfig.build.json') && !process.env.SKIP_SERVER_BUILD) {
  const result = spawnSync('node', ['scripts/buildServer.mjs'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

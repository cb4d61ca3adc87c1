// PGlite imports Node built-ins dynamically; jest's module sandbox allows that only with this Node flag,
// so a run without it (e.g. a plain `npx jest`) starts itself again with it.
if (!(process.env.NODE_OPTIONS ?? '').includes('--experimental-vm-modules')) {
  const { spawnSync } = require('node:child_process');
  const NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules --no-warnings`.trim();
  const { status } = spawnSync(process.execPath, process.argv.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, NODE_OPTIONS },
  });
  process.exit(status ?? 1);
}

/** @type {import('jest').Config} */
const transform = { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] };

module.exports = {
  projects: [
    {
      displayName: 'api',
      testEnvironment: '<rootDir>/tests/support/environment.cjs',
      transform,
      testMatch: ['<rootDir>/tests/**/*.test.ts'],
      testPathIgnorePatterns: ['<rootDir>/tests/browser/', '<rootDir>/tests/admin/'],
      globalSetup: '<rootDir>/tests/support/globalSetup.ts',
      globalTeardown: '<rootDir>/tests/support/globalTeardown.ts',
    },
    {
      // The admin's pure functions and catalogues: no database, no browser.
      displayName: 'admin',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/tests/admin/**/*.test.ts'],
    },
    {
      displayName: 'browser',
      testEnvironment: '<rootDir>/tests/support/environment.cjs',
      transform,
      testMatch: ['<rootDir>/tests/browser/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/support/globalSetup.ts',
      globalTeardown: '<rootDir>/tests/support/globalTeardown.ts',
    },
  ],
  testTimeout: 60000,
  // jest leaves one core to itself by default; on a two-core machine that halves the run for no gain.
  maxWorkers: '100%',
};

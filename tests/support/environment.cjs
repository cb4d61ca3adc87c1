// The test environment of the database projects. A jest worker runs many test files, each in a sandbox of its
// own; this module lives outside the sandboxes, once per worker. On PGlite it keeps the embedded databases a file
// used and hands them to the next file reset to the prepared state (tests/support/pgliteReset.ts), so a file's
// set-up costs a reset (~0.1 s) instead of starting a new PGlite instance (~1 s of CPU).
const fs = require('node:fs');
const path = require('node:path');
const { TestEnvironment } = require('jest-environment-node');
const { require: requireTs } = require('tsx/cjs/api');

const { createPglite } = requireTs('../../api/db/knex.ts', __filename);
const { capture, resetTo } = requireTs('./pgliteReset.ts', __filename);
const { TEST_DB_SETTINGS } = requireTs('./dbSettings.ts', __filename);

/** kind ('seeded' | 'migrated') → databases not in use, each with the prepared state it returns to. */
const idle = { seeded: [], migrated: [] };
const tarballs = {};

async function start(kind) {
  const dir = process.env.MYK10_TEST_PGLITE_DIR;
  tarballs[kind] ??= fs.readFileSync(path.join(dir, `${kind}.tar`));
  const pglite = createPglite('memory://', new Blob([tarballs[kind]]), TEST_DB_SETTINGS);
  await pglite.waitReady;
  return { kind, pglite, prepared: await capture(pglite) };
}

// An open PGlite keeps the process alive, so the idle ones are closed when the run is over: in a worker when jest
// tells it to end (jest-worker's CHILD_MESSAGE_END, 2), in band when no file has asked for a database for a second
// (also between slow files; the next file then starts a new one).
function closeIdle() {
  for (const entries of Object.values(idle)) {
    for (const entry of entries.splice(0)) entry.pglite.close().catch(() => undefined);
  }
}
// A listener keeps the worker's IPC channel open, so it goes with the end message.
process.on('message', function onEnd(message) {
  if (!Array.isArray(message) || message[0] !== 2) return;
  process.off('message', onEnd);
  closeIdle();
});
let closeTimer;
function closeIdleSoon() {
  clearTimeout(closeTimer);
  closeTimer = setTimeout(closeIdle, 1000).unref();
}

async function acquire(kind) {
  clearTimeout(closeTimer);
  while (idle[kind].length) {
    const entry = idle[kind].pop();
    if (await resetTo(entry.pglite, entry.prepared)) return entry;
    await entry.pglite.close().catch(() => undefined);
  }
  return start(kind);
}

class DatabaseEnvironment extends TestEnvironment {
  inUse = new Set();

  async setup() {
    await super.setup();
    // Node's own dynamic import, for ESM-only packages (api/lazyModules.ts): jest's fails after a worker's first file.
    this.global.__MYK10_IMPORT_ESM__ = (specifier) => import(specifier);
    if (process.env.DATABASE_URL) return;
    this.global.__MYK10_PGLITE_POOL__ = {
      acquire: async (kind) => {
        const entry = await acquire(kind);
        this.inUse.add(entry);
        return entry.pglite;
      },
      release: (pglite) => this.releaseWhere((entry) => entry.pglite === pglite),
    };
  }

  releaseWhere(match) {
    for (const entry of this.inUse) {
      if (!match(entry)) continue;
      this.inUse.delete(entry);
      if (!entry.pglite.closed) idle[entry.kind].push(entry);
    }
  }

  async teardown() {
    this.releaseWhere(() => true);
    closeIdleSoon();
    await super.teardown();
  }
}

module.exports = DatabaseEnvironment;

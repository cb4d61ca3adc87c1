import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkConnection, createDb, DatabaseStartError } from '../api/db/knex';

describe('start-up errors', () => {
  it('names the data folder when it cannot be written', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'myk10-')), 'a-file');
    fs.writeFileSync(file, 'not a folder');
    const dataDir = path.join(file, 'data');
    expect(() => createDb({ dataDir })).toThrow(DatabaseStartError);
    expect(() => createDb({ dataDir })).toThrow(/Datenordner .*a-file\/data/);
  });

  it('says which PostgreSQL server is unreachable, without the password', async () => {
    const config = { databaseUrl: 'postgres://app:secret@127.0.0.1:1/myk10', acquireTimeoutMs: 2000 };
    const db = createDb(config);
    try {
      const error = await checkConnection(db, config).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DatabaseStartError);
      expect((error as Error).message).toMatch(
        /nicht erreichbar: PostgreSQL unter postgres:\/\/app:\*\*\*@127\.0\.0\.1:1\/myk10/,
      );
      expect((error as Error).message).not.toContain('secret');
    } finally {
      await db.destroy();
    }
  });
});

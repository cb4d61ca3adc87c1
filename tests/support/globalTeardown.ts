import fs from 'node:fs';
import knexFactory from 'knex';

export default async function globalTeardown(): Promise<void> {
  const pgliteDir = process.env.MYK10_TEST_PGLITE_DIR;
  if (pgliteDir) fs.rmSync(pgliteDir, { recursive: true, force: true });
  const url = process.env.DATABASE_URL;
  const template = process.env.MYK10_TEST_TEMPLATE;
  if (!url || !template) return;
  const admin = knexFactory({ client: 'pg', connection: url });
  const { rows } = (await admin.raw(
    `select datname from pg_database where datname in (?, ?) or datname like 'myk10_t\\_${template.slice(11)}\\_%'`,
    [template, `${template}_migrated`],
  )) as { rows: { datname: string }[] };
  for (const { datname } of rows) await admin.raw(`drop database if exists ${datname} with (force)`);
  await admin.destroy();
}

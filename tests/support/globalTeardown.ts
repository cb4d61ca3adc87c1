import knexFactory from 'knex';

export default async function globalTeardown(): Promise<void> {
  const url = process.env.DATABASE_URL;
  const template = process.env.MYK10_TEST_TEMPLATE;
  if (!url || !template) return;
  const admin = knexFactory({ client: 'pg', connection: url });
  const { rows } = (await admin.raw(
    `select datname from pg_database where datname = ? or datname like 'myk10_t\\_${template.slice(11)}\\_%'`,
    [template],
  )) as { rows: { datname: string }[] };
  for (const { datname } of rows) await admin.raw(`drop database if exists ${datname} with (force)`);
  await admin.destroy();
}

import type { Knex } from 'knex';

/**
 * Inserted expenditures reach the running totals once per statement instead of once per row: a bulk insert (the
 * table import: 10,000 rows) updated the same expenditure_sums row 10,000 times in one transaction, each time
 * walking all its earlier versions (quadratic). Updates and deletes keep the row-level trigger.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create function expenditure_sums_insert() returns trigger language plpgsql as $$
    begin
      insert into expenditure_sums (measure_id, grant_id, fiscal_year, eligible, amount_cents)
      select measure_id, grant_id, extract(year from booked_on), eligible, sum(amount_cents)
      from new_rows group by 1, 2, 3, 4
      on conflict (measure_id, grant_id, fiscal_year, eligible)
      do update set amount_cents = expenditure_sums.amount_cents + excluded.amount_cents;
      return null;
    end $$`);
  await knex.raw('drop trigger expenditures_sums on expenditures');
  await knex.raw(
    'create trigger expenditures_sums after update or delete on expenditures for each row execute function expenditure_sums_apply()',
  );
  await knex.raw(
    'create trigger expenditures_sums_insert after insert on expenditures referencing new table as new_rows for each statement execute function expenditure_sums_insert()',
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop trigger expenditures_sums_insert on expenditures');
  await knex.raw('drop trigger expenditures_sums on expenditures');
  await knex.raw(
    'create trigger expenditures_sums after insert or update or delete on expenditures for each row execute function expenditure_sums_apply()',
  );
  await knex.raw('drop function expenditure_sums_insert()');
}

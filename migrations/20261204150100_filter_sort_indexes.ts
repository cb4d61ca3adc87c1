import type { Knex } from 'knex';

/**
 * Indexes for the lists that filter many rows and sort them (issue #21, measured with EXPLAIN (ANALYZE, BUFFERS)
 * at factor 10: 50,000 expenditures, 100,000 contacts):
 * - a list sorts by a column and then by id; an index on the column alone returns a day's or a payee's rows in
 *   any order, so a page of 25 read the whole group (868 expenditures of the newest day, 4,171 of the first
 *   payee, 413 forecasts of one reporting day). These sort indexes carry the id as well;
 * - the receipt number (filter and sort) had no index left: an exact receipt number read all 50,000 rows;
 *   the payment date (filter) is counted from its index instead of the table;
 * - the contacts' "follow-up done" filter, newest first: one index serves the filter, the order and the count
 *   (it read all 100,000 rows to count 26,000);
 * - the guide's lists count her municipalities' entries with a filter (author, channel, follow-up) from the
 *   municipality index alone, which now carries those columns (30,000 index entries instead of 6,300 table pages).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('drop index expenditures_booked_on_index');
  await knex.raw('create index expenditures_booked_on_id on expenditures (booked_on, id)');
  await knex.raw('drop index expenditures_payee_index');
  await knex.raw('create index expenditures_payee_id on expenditures (payee, id)');
  await knex.raw('create index expenditures_receipt_no_id on expenditures (receipt_no, id)');
  await knex.raw('create index expenditures_paid_on_id on expenditures (paid_on, id)');
  await knex.raw(
    'create index contacts_follow_up_done_contact_on on contacts (follow_up_done, contact_on, id)',
  );
  await knex.raw('drop index contacts_municipality_id_contact_on_index');
  await knex.raw(
    `create index contacts_municipality_contact_on on contacts (municipality_id, contact_on, id)
       include (author_id, channel, follow_up_done, follow_up_on)`,
  );
  await knex.raw('drop index milestone_forecasts_reported_on_index');
  await knex.raw('create index milestone_forecasts_reported_on_id on milestone_forecasts (reported_on, id)');
  await knex.raw('analyze expenditures');
  await knex.raw('analyze contacts');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index milestone_forecasts_reported_on_id');
  await knex.raw('create index milestone_forecasts_reported_on_index on milestone_forecasts (reported_on)');
  await knex.raw('drop index contacts_municipality_contact_on');
  await knex.raw(
    'create index contacts_municipality_id_contact_on_index on contacts (municipality_id, contact_on)',
  );
  await knex.raw('drop index contacts_follow_up_done_contact_on');
  await knex.raw('drop index expenditures_paid_on_id');
  await knex.raw('drop index expenditures_receipt_no_id');
  await knex.raw('drop index expenditures_payee_id');
  await knex.raw('create index expenditures_payee_index on expenditures (payee)');
  await knex.raw('drop index expenditures_booked_on_id');
  await knex.raw('create index expenditures_booked_on_index on expenditures (booked_on)');
}

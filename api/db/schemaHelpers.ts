import type { Knex } from 'knex';

/** id, created_at, updated_at and (for editable tables) version: the columns every table carries. */
export function standardColumns(knex: Knex, t: Knex.CreateTableBuilder, editable = true): void {
  t.increments('id').primary();
  t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  if (editable) t.integer('version').notNullable().defaultTo(1);
}

export function checkIn(column: string, values: readonly string[]): string {
  return `${column} in (${values.map((v) => `'${v}'`).join(', ')})`;
}

/** A CHECK that a named set of enum values holds; the values come from api/domain.ts. */
export async function addCheck(knex: Knex, table: string, name: string, expression: string): Promise<void> {
  await knex.raw(`alter table ?? add constraint ?? check (${expression})`, [table, name]);
}

import type { Knex } from 'knex';
import type { Response } from 'superagent';
import type { Agent } from '../../support/app';

/** Test data for the funding tests: own grants, so the demo data's figures never matter. */

let seq = 0;

export async function createGrant(
  agent: Agent,
  opts: { spend_rule?: 'anbest_gk' | 'anbest_p'; rate_bp?: number; years?: Record<number, number> } = {},
): Promise<{ id: number }> {
  seq += 1;
  const res = await agent.post('/api/grants').send({
    programme: 'Testprogramm',
    funder: 'Testgeber',
    file_number: `TEST-${process.pid}-${seq}-${Date.now() % 100000}`,
    phase: `Test ${seq}`,
    committed_on: '2020-01-15',
    period_start: '2020-01-01',
    period_end: '2030-12-31',
    eligible_cents: 1_000_000_00,
    funding_rate_bp: opts.rate_bp ?? 6500,
    approved_cents: 650_000_00,
    spend_rule: opts.spend_rule ?? 'anbest_gk',
  });
  if (res.status !== 201) throw new Error(`grant: ${res.status} ${JSON.stringify(res.body)}`);
  for (const [year, approved] of Object.entries(opts.years ?? {})) {
    const y = await agent
      .post('/api/grant_years')
      .send({ grant_id: res.body.id, fiscal_year: Number(year), approved_cents: approved });
    if (y.status !== 201) throw new Error(`grant_year: ${y.status} ${JSON.stringify(y.body)}`);
  }
  return res.body as { id: number };
}

export interface TrancheInput extends Record<string, unknown> {
  grant_id: number;
  fiscal_year: number;
  number: number;
  requested_cents: number;
  status: string;
  requested_on?: string | null;
  received_on?: string | null;
  received_cents?: number | null;
  measure_id?: number | null;
  justification?: string | null;
  is_final?: boolean;
}

/** A received tranche, justified so the budget check never interferes. */
export const received = (
  grant_id: number,
  number: number,
  received_on: string,
  cents = 10_000_00,
  extra: Partial<TrancheInput> = {},
): TrancheInput => ({
  grant_id,
  fiscal_year: Number(received_on.slice(0, 4)),
  number,
  requested_cents: cents,
  status: 'received',
  requested_on: received_on,
  received_on,
  received_cents: cents,
  justification: 'Test',
  ...extra,
});

export async function dbDate(db: Knex, offsetDays: number): Promise<string> {
  const { rows } = (await db.raw(`select to_char(current_date + ?::int, 'YYYY-MM-DD') as d`, [
    offsetDays,
  ])) as {
    rows: { d: string }[];
  };
  return rows[0]!.d;
}

/** supertest parser that keeps a binary body as a Buffer (superagent hands the raw response stream). */
export function binaryParser(res: Response, callback: (err: Error | null, body: Buffer) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
  stream.on('error', (err: Error) => callback(err, Buffer.alloc(0)));
}

/** Reads an Excel money cell back as integer cents. */
export const cents = (v: unknown): number => Math.round(Number(v) * 100);

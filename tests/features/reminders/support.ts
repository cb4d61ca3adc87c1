import type { AddressInfo } from 'node:net';
import type { Knex } from 'knex';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server on a local port that keeps every message it accepts, parsed. */
export interface TestSmtp {
  url: string;
  mails: ParsedMail[];
  close(): Promise<void>;
}

export async function startSmtp(): Promise<TestSmtp> {
  const mails: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          mails.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const userId = async (db: Knex, email: string): Promise<number> =>
  ((await db('users').where({ email }).first('id')) as { id: number }).id;

/** A received tranche of the first ANBest-Gk grant; its spend deadline is two months after `receivedOn`. */
export async function insertReceivedTranche(db: Knex, number: number, receivedOn: string): Promise<number> {
  const grant = (await db('grants').where('spend_rule', 'anbest_gk').orderBy('id').first('id')) as {
    id: number;
  };
  const measure = (await db('measures').orderBy('id').first('id')) as { id: number };
  const [row] = (await db('tranches')
    .insert({
      grant_id: grant.id,
      measure_id: measure.id,
      fiscal_year: 2025,
      number,
      requested_on: '2025-12-01',
      requested_cents: 12_000_000,
      received_on: receivedOn,
      received_cents: 12_000_000,
      status: 'received',
    })
    .returning('id')) as { id: number }[];
  return row!.id;
}

/** Starts from no notifications and no mails (the demo data holds some). */
export async function clearReminders(db: Knex): Promise<void> {
  await db('mail_outbox').delete();
  await db('notifications').delete();
  await db('reminder_runs').delete();
}

import type { Knex } from 'knex';
import type { Config } from '../../config';
import { loadNodemailer } from '../../lazyModules';
import type { ReminderText } from './rules';

/** Sends one message; throws when the server refuses it or cannot be reached. */
export interface Mailer {
  from: string;
  send(message: { to: string; subject: string; text: string; html: string }): Promise<void>;
}

/** nodemailer over SMTP when SMTP_URL and MAIL_FROM are set; otherwise none, and mails wait in the outbox. */
export async function createMailer(config: Config): Promise<Mailer | undefined> {
  if (!config.smtpUrl || !config.mailFrom) return undefined;
  const nodemailer = await loadNodemailer();
  const transport = nodemailer.createTransport(config.smtpUrl);
  const from = config.mailFrom;
  return {
    from,
    send: async (m) => {
      await transport.sendMail({ from, ...m });
    },
  };
}

const mailers = new Map<string, Promise<Mailer | undefined>>();
/** One mailer (one SMTP connection pool) per SMTP_URL and MAIL_FROM, shared by the routes and the daily job. */
export function mailerFor(config: Config): Promise<Mailer | undefined> {
  const key = `${config.smtpUrl ?? ''}|${config.mailFrom ?? ''}`;
  if (!mailers.has(key)) mailers.set(key, createMailer(config));
  return mailers.get(key)!;
}

/** Where links in mails point: PUBLIC_ORIGIN, else this machine. */
export const mailOrigin = (config: Config): string =>
  (config.publicOrigin ?? `http://localhost:${config.port}`).replace(/\/+$/, '');

/** An app route ('/tranches/7/show') as a full address: react-admin routes live behind '#'. */
export const appUrl = (origin: string, link: string | null): string => `${origin}/#${link ?? '/'}`;

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Paragraphs of the body; lines starting with "– " become list items. */
function bodyHtml(body: string): string {
  return body
    .split('\n\n')
    .map((block) => {
      const lines = block.split('\n');
      const items = lines.filter((l) => l.startsWith('– '));
      const head = lines.filter((l) => !l.startsWith('– '));
      return [
        head.length ? `<p>${head.map(escapeHtml).join('<br>')}</p>` : '',
        items.length ? `<ul>${items.map((l) => `<li>${escapeHtml(l.slice(2))}</li>`).join('')}</ul>` : '',
      ].join('');
    })
    .join('\n');
}

/** The German mail of a reminder: subject = its title, text and HTML with a link to the record. */
export function composeMail(
  text: ReminderText,
  name: string,
  origin: string,
): { subject: string; text_body: string; html_body: string } {
  const url = appUrl(origin, text.link);
  const settings = appUrl(origin, '/benachrichtigungen/einstellungen');
  const plain = [
    `Guten Tag ${name},`,
    '',
    text.body,
    '',
    `Zum Datensatz: ${url}`,
    '',
    '--',
    'MYK10 Steuerungscockpit',
    `Welche Erinnerungen Sie per E-Mail erhalten, legen Sie hier fest: ${settings}`,
  ].join('\n');
  const html = `<!doctype html><html lang="de"><body style="font-family:Arial,sans-serif;font-size:14px;color:#222">
<p>Guten Tag ${escapeHtml(name)},</p>
${bodyHtml(text.body)}
<p><a href="${escapeHtml(url)}">Im Cockpit öffnen</a></p>
<hr><p style="font-size:12px;color:#666">MYK10 Steuerungscockpit · <a href="${escapeHtml(settings)}">Einstellungen der Erinnerungen</a></p>
</body></html>`;
  return { subject: text.title, text_body: plain, html_body: html };
}

/** After so many failed attempts a mail stays failed until the CDO sends it again. */
export const MAX_ATTEMPTS = 8;
/** Pause before the next attempt: 1 min, 2, 4, ... at most 6 hours. */
export const retryDelayMs = (attempts: number): number =>
  Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);
/** A mail left "sending" this long belongs to a process that died mid-send: it is tried again. */
const STALE_SENDING_MS = 30 * 60_000;

export interface DeliveryResult {
  sent: number;
  failed: number;
}

/**
 * Delivers the mails that are due, never one twice: each is claimed in one UPDATE over rows locked with
 * FOR UPDATE SKIP LOCKED, so concurrent processes take different rows; sending happens after that commit, outside
 * any transaction. A failure counts the attempt and schedules the next with backoff; its error stays visible.
 */
export async function deliverOutbox(
  db: Knex,
  mailer: Mailer,
  now = new Date(),
  limit = 50,
): Promise<DeliveryResult> {
  // ISO strings, not Dates: the embedded database's parameter serializer takes no Date for a timestamptz.
  const at = now.toISOString();
  await db('mail_outbox')
    .where('status', 'pending')
    .whereIn('user_id', db('users').select('id').where('active', false))
    .update({ status: 'failed', last_error: 'Benutzerkonto deaktiviert', updated_at: at });
  const { rows } = (await db.raw(
    `update mail_outbox set status = 'sending', attempts = attempts + 1, updated_at = :now::timestamptz
     where id in (
       select id from mail_outbox
       where (status = 'pending' and next_attempt_at <= :now::timestamptz)
         or (status = 'sending' and updated_at < :stale::timestamptz)
       order by id limit :limit for update skip locked)
     returning id, recipient, subject, text_body, html_body, attempts`,
    { now: at, stale: new Date(now.getTime() - STALE_SENDING_MS).toISOString(), limit },
  )) as {
    rows: {
      id: number;
      recipient: string;
      subject: string;
      text_body: string;
      html_body: string;
      attempts: number;
    }[];
  };
  const result: DeliveryResult = { sent: 0, failed: 0 };
  for (const m of rows) {
    try {
      await mailer.send({ to: m.recipient, subject: m.subject, text: m.text_body, html: m.html_body });
      await db('mail_outbox')
        .where('id', m.id)
        .update({ status: 'sent', sent_at: at, last_error: null, updated_at: at });
      result.sent++;
    } catch (err) {
      const final = m.attempts >= MAX_ATTEMPTS;
      await db('mail_outbox')
        .where('id', m.id)
        .update({
          status: final ? 'failed' : 'pending',
          next_attempt_at: new Date(now.getTime() + retryDelayMs(m.attempts)).toISOString(),
          last_error: (err instanceof Error ? err.message : String(err)).slice(0, 2000),
          updated_at: at,
        });
      result.failed++;
    }
  }
  return result;
}

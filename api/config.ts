import type { DbConfig } from './db/knex';
import { parseTime } from './features/reminders/clock';
import { ROLES, type Role } from './domain';

export interface Config {
  port: number;
  production: boolean;
  db: DbConfig;
  logLevel: string;
  trustProxy: boolean | number | string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** First pause of the per-account login backoff; it doubles with every further failure. */
  loginBackoffBaseMs: number;
  /** Longest pause between two login attempts of one account. */
  loginBackoffMaxMs: number;
  /** Public origin of the dashboard (e.g. https://cockpit.example); requests from elsewhere may not write. */
  publicOrigin?: string;
  /** Months after the contact date until a contact's personal fields are anonymised (issue #19). */
  contactRetentionMonths: number;
  /** Folder of the automatic backups, how many to keep, and whether the nightly job runs (embedded default). */
  backupDir: string;
  backupKeep: number;
  nightlyBackups: boolean;
  /** Bearer token for /metrics; without one, /metrics answers only on loopback. */
  metricsToken?: string;
  /** Reminders (issue #16): the daily run's wall-clock time in Europe/Berlin ('HH:MM'), and SMTP for their mails. */
  reminderTime: string;
  smtpUrl?: string;
  mailFrom?: string;
  /** Largest document upload in MB (#17). */
  documentMaxMb: number;
  /** false: only accounts with the break-glass flag (users.break_glass) may sign in with a local password. */
  passwordLogin: boolean;
  /** Roles whose local sign-in must set up a second factor before anything else (MFA_REQUIRED_ROLES). */
  mfaRequiredRoles: readonly Role[];
  /** Single sign-on over OpenID Connect; undefined when OIDC_ISSUER is not set. */
  oidc?: OidcConfig;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  /** Text of the button on the login page. */
  label: string;
  /** Role of a user created at her first SSO sign-in; undefined: unknown e-mails are refused. */
  autoCreateRole?: Role;
}

function rolesEnv(env: NodeJS.ProcessEnv, name: string): Role[] {
  const roles = (env[name] ?? '')
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  const unknown = roles.filter((r) => !ROLES.includes(r as Role));
  if (unknown.length)
    throw new Error(
      `${name} enthält unbekannte Rollen (${unknown.join(', ')}); erlaubt: ${ROLES.join(', ')}.`,
    );
  return roles as Role[];
}

function oidcConfig(env: NodeJS.ProcessEnv): OidcConfig | undefined {
  const issuer = env.OIDC_ISSUER?.trim();
  if (!issuer) return undefined;
  const clientId = env.OIDC_CLIENT_ID?.trim();
  if (!clientId) throw new Error('OIDC_ISSUER ist gesetzt, OIDC_CLIENT_ID fehlt.');
  const autoCreate = rolesEnv(env, 'OIDC_AUTO_CREATE_ROLE');
  if (autoCreate.length > 1) throw new Error('OIDC_AUTO_CREATE_ROLE nennt genau eine Rolle (z. B. viewer).');
  return {
    issuer,
    clientId,
    clientSecret: env.OIDC_CLIENT_SECRET || undefined,
    label: env.OIDC_LABEL?.trim() || 'Mit dem Dienstkonto anmelden',
    autoCreateRole: autoCreate[0],
  };
}

function intEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0)
    throw new Error(`${name} muss eine positive ganze Zahl sein, nicht "${raw}".`);
  return n;
}

function trustProxy(raw: string | undefined): boolean | number | string {
  if (!raw || raw === 'false') return false;
  if (raw === 'true') return true;
  return /^\d+$/.test(raw) ? Number(raw) : raw;
}

function reminderTime(raw: string | undefined): string {
  const time = raw || '06:00';
  parseTime(time);
  return time;
}

function mailFrom(env: NodeJS.ProcessEnv): string | undefined {
  if (env.SMTP_URL && !env.MAIL_FROM)
    throw new Error('Mit SMTP_URL muss auch MAIL_FROM gesetzt sein (Absender der Erinnerungen).');
  return env.MAIL_FROM || undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: intEnv(env, 'PORT', 3000),
    production: env.NODE_ENV === 'production',
    db: {
      databaseUrl: env.DATABASE_URL || undefined,
      dataDir: env.DATA_DIR || './data',
      poolMax: intEnv(env, 'DB_POOL_MAX', 10),
      statementTimeoutMs: intEnv(env, 'DB_STATEMENT_TIMEOUT_MS', 10_000),
      acquireTimeoutMs: intEnv(env, 'DB_ACQUIRE_TIMEOUT_MS', 5_000),
    },
    logLevel: env.LOG_LEVEL || 'info',
    trustProxy: trustProxy(env.TRUST_PROXY),
    sessionIdleMinutes: intEnv(env, 'SESSION_IDLE_MINUTES', 120),
    sessionAbsoluteHours: intEnv(env, 'SESSION_ABSOLUTE_HOURS', 12),
    loginBackoffBaseMs: intEnv(env, 'LOGIN_BACKOFF_BASE_MS', 1_000),
    loginBackoffMaxMs: intEnv(env, 'LOGIN_BACKOFF_MAX_MS', 60_000),
    publicOrigin: env.PUBLIC_ORIGIN || undefined,
    contactRetentionMonths: intEnv(env, 'CONTACT_RETENTION_MONTHS', 36),
    backupDir: env.BACKUP_DIR || './data/backups',
    backupKeep: intEnv(env, 'BACKUP_KEEP', 14),
    nightlyBackups: env.BACKUP_NIGHTLY ? env.BACKUP_NIGHTLY === 'true' : !env.DATABASE_URL,
    metricsToken: env.METRICS_TOKEN || undefined,
    reminderTime: reminderTime(env.REMINDER_TIME),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: mailFrom(env),
    documentMaxMb: intEnv(env, 'DOCUMENT_MAX_MB', 25),
    passwordLogin: env.PASSWORD_LOGIN !== 'false',
    mfaRequiredRoles: rolesEnv(env, 'MFA_REQUIRED_ROLES'),
    oidc: oidcConfig(env),
  };
}

export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors?: FieldErrors,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, fieldErrors?: FieldErrors): AppError =>
  new AppError(400, 'bad_request', message, fieldErrors);
export const validationError = (fieldErrors: FieldErrors): AppError =>
  new AppError(
    400,
    'validation',
    'Einige Angaben sind ungültig. Bitte prüfen Sie die markierten Felder.',
    fieldErrors,
  );
export const notFound = (message = 'Der Datensatz wurde nicht gefunden.'): AppError =>
  new AppError(404, 'not_found', message);
export const forbidden = (message = 'Dafür fehlt Ihnen die Berechtigung.'): AppError =>
  new AppError(403, 'forbidden', message);
export const unauthenticated = (): AppError =>
  new AppError(401, 'unauthenticated', 'Bitte melden Sie sich an.');
export const conflict = (message: string): AppError => new AppError(409, 'conflict', message);
export const unavailable = (): AppError =>
  new AppError(
    503,
    'unavailable',
    'Die Datenbank ist gerade nicht erreichbar. Bitte versuchen Sie es in einigen Sekunden erneut.',
    undefined,
    { 'Retry-After': '5' },
  );

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
  table?: string;
  column?: string;
  name?: string;
  message?: string;
}

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

/** Whether an error means the database is out of reach (so the answer is 503, not 500). */
export function isUnavailable(err: unknown): boolean {
  const e = err as PgError;
  if (!e || typeof e !== 'object') return false;
  if (e.name === 'KnexTimeoutError') return true;
  if (e.code && (CONNECTION_CODES.has(e.code) || e.code.startsWith('08') || e.code === '57014')) return true;
  return /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended|pool is probably full/i.test(
    e.message ?? '',
  );
}

/** The column a constraint names: from the DETAIL "Key (col)=(...)" or the constraint name "<table>_<col>_check". */
function constraintField(e: PgError, columns: readonly string[]): string | undefined {
  const key = /Key \(([a-z_]+)(?:, [a-z_]+)*\)/.exec(e.detail ?? '')?.[1];
  if (key && columns.includes(key)) return key;
  if (e.column && columns.includes(e.column)) return e.column;
  const fromName = e.constraint?.replace(/^[a-z]+?_(?:[a-z]+_)*?/, '');
  for (const col of columns) {
    if (e.constraint?.includes(`_${col}_`) || e.constraint?.endsWith(`_${col}`)) return col;
  }
  if (e.constraint?.includes('email')) return 'email';
  return fromName && columns.includes(fromName) ? fromName : undefined;
}

/** Translates PostgreSQL errors (SQLSTATE) into the API's error vocabulary; other errors pass through. */
export function translateDbError(err: unknown, columns: readonly string[] = []): unknown {
  if (err instanceof AppError) return err;
  if (isUnavailable(err)) return unavailable();
  const e = err as PgError;
  const field = () => constraintField(e, columns);
  switch (e.code) {
    case '23505': {
      const f = field();
      return f
        ? validationError({ [f]: 'Dieser Wert ist bereits vergeben' })
        : conflict('Ein Datensatz mit diesen Werten existiert bereits.');
    }
    case '23001':
      return conflict(
        'Der Datensatz wird noch von anderen Einträgen verwendet und kann nicht gelöscht werden. Entfernen Sie zuerst diese Verknüpfungen.',
      );
    case '23503': {
      if (/still referenced|is referenced/.test(e.detail ?? '') || /update or delete/.test(e.message ?? ''))
        return conflict(
          'Der Datensatz wird noch von anderen Einträgen verwendet und kann nicht gelöscht werden. Entfernen Sie zuerst diese Verknüpfungen.',
        );
      const f = field();
      return f
        ? validationError({ [f]: 'Der verknüpfte Datensatz existiert nicht' })
        : badRequest('Ein verknüpfter Datensatz existiert nicht.');
    }
    case '23502': {
      const f = field();
      return f ? validationError({ [f]: 'Pflichtfeld' }) : badRequest('Ein Pflichtfeld fehlt.');
    }
    case '23514': {
      const f = field();
      return f
        ? validationError({ [f]: 'Der Wert ist hier nicht zulässig' })
        : badRequest('Die Angaben passen nicht zusammen (Prüfregel verletzt).');
    }
    case '40001':
    case '40P01':
      return conflict('Der Datensatz wurde gleichzeitig geändert. Bitte erneut versuchen.');
  }
  // Whole classes that only input can cause: 22 data exception (format, range, time zone, NUL byte, encoding ...),
  // 23 integrity constraint (those without a case above), 54 program limit (e.g. a statement too complex).
  switch (e.code?.slice(0, 2)) {
    case '22':
      return badRequest('Ein Wert hat ein ungültiges Format oder liegt außerhalb des erlaubten Bereichs.');
    case '23':
      return conflict('Die Angaben verletzen eine Regel der Datenbank.');
    case '54':
      return badRequest('Die Anfrage ist zu groß oder zu komplex.');
    default:
      return err;
  }
}

/**
 * What a log may hold of an unexpected error: its class, SQLSTATE, constraint and message, never the SQL text or
 * its bound values (Knex puts the statement with the values in front of a database error's message; quoted
 * literals, which carry values, are masked).
 */
export function errorSummary(err: unknown): Record<string, unknown> {
  if (!err || typeof err !== 'object') return { class: typeof err };
  const e = err as PgError & { stack?: string };
  let message = String(e.message ?? '');
  if (e.code && message.includes(' - ')) message = message.slice(message.lastIndexOf(' - ') + 3);
  message = message
    .replace(/\s+(?:query|sql|bindings):[\s\S]*$/i, '')
    .replace(/"[^"]*"|'[^']*'/g, '"…"')
    .slice(0, 200);
  return {
    class: (err as object).constructor?.name ?? 'Object',
    ...(e.code ? { code: e.code } : {}),
    ...(e.constraint ? { constraint: e.constraint } : {}),
    ...(e.table ? { table: e.table } : {}),
    ...(e.column ? { column: e.column } : {}),
    message,
    // Only the frames: the stack's first line repeats the message.
    stack: e.stack
      ?.split('\n')
      .filter((l) => l.startsWith('    at '))
      .slice(0, 10)
      .join('\n'),
  };
}

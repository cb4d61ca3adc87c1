import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config';
import { checkConnection, createDb } from '../../db/knex';
import { migrateLatest } from '../../db/migrate';
import { ROLES, type Role } from '../../domain';
import { hashPassword, passwordProblem } from '../auth/passwords';

function promptHidden(question: string): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const output = rl as unknown as { _writeToOutput: (s: string) => void };
  output._writeToOutput = (s: string) => {
    if (s.includes(question)) process.stdout.write(s);
  };
  return new Promise((resolve) =>
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    }),
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', default: 'cdo' },
      // Break-glass: this account keeps its local password when PASSWORD_LOGIN=false (an existing one gets a new one).
      'break-glass': { type: 'boolean', default: false },
    },
  });
  const { email, name, role } = values;
  const breakGlass = values['break-glass'];
  if (!email || (!name && !breakGlass) || !ROLES.includes(role as Role))
    throw new Error(
      `Verwendung: npm run user:create -- --email <E-Mail> --name <Name> --role <${ROLES.join('|')}> [--break-glass]`,
    );
  const password = process.env.USER_PASSWORD ?? (await promptHidden('Passwort: '));
  const problem = passwordProblem(password, email);
  if (problem) throw new Error(problem);

  const config = loadConfig();
  const db = createDb(config.db);
  try {
    await checkConnection(db, config.db);
    await migrateLatest(db);
    const exists = (await db('users').whereRaw('lower(email) = lower(?)', [email]).first('id')) as
      { id: number } | undefined;
    if (exists && !breakGlass) throw new Error(`Es gibt bereits einen Zugang für ${email}.`);
    const password_hash = await hashPassword(password);
    if (exists) {
      // A new local password for an existing account (e.g. when the identity provider is down): sessions end.
      await db.transaction(async (trx) => {
        await trx('users')
          .where('id', exists.id)
          .update({
            password_hash,
            break_glass: true,
            updated_at: trx.fn.now(),
            version: trx.raw('version + 1'),
          });
        await trx('sessions').where('user_id', exists.id).delete();
      });
      console.log(
        `Notfall-Passwort für ${email} gesetzt; dieser Zugang darf sich auch mit PASSWORD_LOGIN=false lokal anmelden.`,
      );
      return;
    }
    if (!name) throw new Error('Für einen neuen Zugang bitte --name angeben.');
    await db('users').insert({ email, name, role, password_hash, break_glass: breakGlass });
    console.log(
      `Zugang für ${email} (${role}) angelegt${breakGlass ? ' (Notfallzugang mit lokalem Passwort)' : ''}.`,
    );
  } finally {
    await db.destroy();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

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
    },
  });
  const { email, name, role } = values;
  if (!email || !name || !ROLES.includes(role as Role))
    throw new Error(
      `Verwendung: npm run user:create -- --email <E-Mail> --name <Name> --role <${ROLES.join('|')}>`,
    );
  const password = process.env.USER_PASSWORD ?? (await promptHidden('Passwort: '));
  const problem = passwordProblem(password, email);
  if (problem) throw new Error(problem);

  const config = loadConfig();
  const db = createDb(config.db);
  try {
    await checkConnection(db, config.db);
    await migrateLatest(db);
    const exists = await db('users').whereRaw('lower(email) = lower(?)', [email]).first('id');
    if (exists) throw new Error(`Es gibt bereits einen Zugang für ${email}.`);
    await db('users').insert({ email, name, role, password_hash: await hashPassword(password) });
    console.log(`Zugang für ${email} (${role}) angelegt.`);
  } finally {
    await db.destroy();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

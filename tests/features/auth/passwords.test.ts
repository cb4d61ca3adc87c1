import pino from 'pino';
import supertest from 'supertest';
import { createApp } from '../../../api/app';
import { loadConfig } from '../../../api/config';
import { hashPassword, verifyPassword } from '../../../api/features/auth/passwords';
import { DEMO_PASSWORD, DEMO_USERS } from '../../../seeds/demo';
import { testDb, type TestDb } from '../../support/db';
import { createBody, TEST_PASSWORD } from '../../support/fixtures';

/**
 * The product's password cost. The rest of the suite hashes cheaply (tests/support/hashCost.ts); this file does
 * not load that set-up, so it sees what `npm start` does.
 */

const PRODUCT_COST = '$argon2id$v=19$m=65536,p=4,t=3$';

it('hashes a password with argon2id at 64 MiB, three passes and four lanes, and verifies only that password', async () => {
  const hash = await hashPassword(TEST_PASSWORD);

  expect(hash.startsWith(PRODUCT_COST)).toBe(true);
  await expect(verifyPassword(hash, TEST_PASSWORD)).resolves.toBe(true);
  await expect(verifyPassword(hash, `${TEST_PASSWORD}!`)).resolves.toBe(false);
});

describe('through the API', () => {
  let database: TestDb;
  beforeAll(async () => {
    database = await testDb();
  });
  afterAll(async () => database?.close());

  it('stores a new account’s password at the product’s cost, and the account signs in with it', async () => {
    const app = createApp({ db: database.db, config: loadConfig({}), logger: pino({ level: 'silent' }) });
    const cdo = supertest.agent(app);
    await cdo
      .post('/api/auth/login')
      .send({ email: DEMO_USERS.find((u) => u.role === 'cdo')!.email, password: DEMO_PASSWORD })
      .expect(200);
    const body = await createBody(database.db, 'users');

    const created = await cdo.post('/api/users').send(body).expect(201);

    const { password_hash } = await database
      .db('users')
      .where({ id: created.body.id })
      .first('password_hash');
    expect(password_hash.startsWith(PRODUCT_COST)).toBe(true);
    await supertest(app)
      .post('/api/auth/login')
      .send({ email: body.email, password: body.password })
      .expect(200);
  });
});

import type { Express } from 'express';
import pino from 'pino';
import supertest from 'supertest';
import path from 'node:path';
import { createApp as createAppFromSource } from '../../api/app';
import { loadConfig, type Config } from '../../api/config';
import type { Role } from '../../api/domain';
import { setPasswordHashCostForTests } from '../../api/features/auth/passwords';
import { testDb, type TestDb } from './db';
import { TEST_HASH_COST } from './hashCost';

/**
 * MYK10_TEST_COMPILED=1: the tests drive the compiled server (dist/server, what `npm start` runs) instead of the
 * TypeScript sources, so the same API tests show that the build serves the same behaviour (.ci/run does both).
 */
const compiledApp = (): typeof createAppFromSource => {
  const built = (file: string): unknown =>
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the build's JavaScript, chosen at run time
    require(path.resolve(__dirname, '../../dist/server/api', file));
  const passwords = built('features/auth/passwords.js') as {
    setPasswordHashCostForTests: typeof setPasswordHashCostForTests;
  };
  passwords.setPasswordHashCostForTests(TEST_HASH_COST);
  return (built('app.js') as { createApp: typeof createAppFromSource }).createApp;
};
// The passwords the tests set are hashed as cheaply as the demo accounts' (hashCost.ts).
setPasswordHashCostForTests(TEST_HASH_COST);
const createApp = process.env.MYK10_TEST_COMPILED ? compiledApp() : createAppFromSource;

export const DEMO_PASSWORD = 'myk10-demo-2026';
export const DEMO_EMAIL: Record<Role | 'guide2', string> = {
  cdo: 'cdo@myk10.example',
  steering: 'steuerung@myk10.example',
  funding: 'foerderung@myk10.example',
  guide: 'lotsin1@myk10.example',
  guide2: 'lotsin2@myk10.example',
  viewer: 'lesen@myk10.example',
};

export type Agent = ReturnType<typeof supertest.agent>;

export interface TestApp extends TestDb {
  app: Express;
  config: Config;
  /** A signed-in client for a demo user (cookies kept). */
  as(who: keyof typeof DEMO_EMAIL): Promise<Agent>;
  anonymous(): Agent;
}

export async function login(app: Express, email: string, password = DEMO_PASSWORD): Promise<Agent> {
  const agent = supertest.agent(app);
  const res = await agent.post('/api/auth/login').send({ email, password });
  if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return agent;
}

export async function testApp(options: { seed?: boolean; config?: Partial<Config> } = {}): Promise<TestApp> {
  const database = await testDb({ seed: options.seed ?? true });
  const config = { ...loadConfig({}), ...options.config };
  const app = createApp({ db: database.db, config, logger: pino({ level: 'silent' }) });
  const agents = new Map<string, Agent>();
  return {
    ...database,
    app,
    config,
    as: async (who) => {
      if (!agents.has(who)) agents.set(who, await login(app, DEMO_EMAIL[who]));
      return agents.get(who)!;
    },
    anonymous: () => supertest.agent(app),
  };
}

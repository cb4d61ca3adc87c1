import type { HashCost } from '../../api/features/auth/passwords';

/**
 * argon2id at minimal cost for every password of the suite: the demo accounts of the test template
 * (globalSetup.ts) and the passwords the tests set through the API (app.ts). At the product's cost each hash or
 * sign-in took 0.1–0.2 s of CPU on the two cores the tests share; the product's cost has a test of its own
 * (tests/features/auth/passwords.test.ts).
 */
export const TEST_HASH_COST: HashCost = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

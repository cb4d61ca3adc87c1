import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const SCRIPT = path.resolve(__dirname, '../scripts/same-tests.mjs');

/** A `jest --json` report holding just what the script reads. */
const report = (tests: [fullName: string, status: string][]) => ({
  testResults: [{ assertionResults: tests.map(([fullName, status]) => ({ fullName, status })) }],
});

describe('scripts/same-tests.mjs (the suite against an older one, on the same tests)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'same-tests-'));
  const odd = 'money keeps (cents) [exact] up to 2^53 + 1 $ | * ? . \\ {n}';
  const cell = 'municipalities cdo list → 200';
  let printed: string;
  let then: RegExp;
  let now: RegExp;

  beforeAll(() => {
    const write = (name: string, content: object) => {
      fs.writeFileSync(path.join(dir, name), JSON.stringify(content));
      return path.join(dir, name);
    };
    const thenReport = write(
      'then.json',
      report([
        ['kept', 'passed'],
        [odd, 'passed'],
        [cell, 'passed'],
        ['failed then', 'failed'],
        ['renamed since', 'passed'],
      ]),
    );
    const nowReport = write(
      'now.json',
      report([
        ['kept', 'passed'],
        [odd, 'passed'],
        [`${cell} (password session)`, 'passed'],
        [`${cell} (sso session)`, 'passed'],
        ['failed then', 'passed'],
        ['new since', 'passed'],
      ]),
    );
    printed = execFileSync(process.execPath, [SCRIPT, thenReport, nowReport, path.join(dir, 'same')], {
      encoding: 'utf8',
    });
    then = new RegExp(fs.readFileSync(path.join(dir, 'same.then'), 'utf8'));
    now = new RegExp(fs.readFileSync(path.join(dir, 'same.now'), 'utf8'));
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("names the older suite's passing tests that today's suite still has, each in its own words", () => {
    for (const name of ['kept', odd, cell]) expect(then.test(name)).toBe(true);
    for (const name of ['kept', odd, `${cell} (password session)`]) expect(now.test(name)).toBe(true);
  });

  it('leaves out what failed then, what is gone, what is new, and the second session kind of a matrix cell', () => {
    for (const name of ['failed then', 'renamed since', `${cell} (password session)`])
      expect(then.test(name)).toBe(false);
    for (const name of ['failed then', 'new since', `${cell} (sso session)`, cell])
      expect(now.test(name)).toBe(false);
  });

  it('matches whole names only, whatever characters they hold', () => {
    expect(then.test(`${odd} again`)).toBe(false);
    expect(now.test(`not ${odd}`)).toBe(false);
    expect(then.test('money keeps cents exact up to 253  1')).toBe(false);
  });

  it('says how many tests both suites share and lists the ones that are gone', () => {
    expect(printed).toBe(
      '3 tests in both, 1 of the older suite no longer under their names:\n  renamed since\n',
    );
  });
});

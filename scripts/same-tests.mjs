// The suite's time against an older suite's, on the same tests: `node scripts/same-tests.mjs then.json now.json out`
// reads two `jest --json` reports (an older checkout's and today's) and writes `out.then` and `out.now`, each a
// `jest -t` pattern naming the older suite's passing tests that today's suite still has, in each suite's words.
// A test counts as still there under its full name or, in the role matrix, which now runs every cell with a password
// and with an SSO session, as its password-session cell. The README (development) shows the runs.
import fs from 'node:fs';

const [thenReport, nowReport, out] = process.argv.slice(2);
if (!out) {
  console.error('node scripts/same-tests.mjs <then.json> <now.json> <out>');
  process.exit(2);
}

const passed = (file) =>
  JSON.parse(fs.readFileSync(file, 'utf8'))
    .testResults.flatMap((suite) => suite.assertionResults)
    .filter((test) => test.status === 'passed')
    .map((test) => test.fullName);

const now = new Set(passed(nowReport));
const pairs = [];
const gone = [];
for (const name of passed(thenReport)) {
  const today = [name, `${name} (password session)`].find((candidate) => now.has(candidate));
  if (today) pairs.push([name, today]);
  else gone.push(name);
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const pattern = (names) => `^(?:${names.map(escape).join('|')})$`;
fs.writeFileSync(`${out}.then`, pattern(pairs.map(([then]) => then)));
fs.writeFileSync(`${out}.now`, pattern(pairs.map(([, today]) => today)));
console.log(`${pairs.length} tests in both, ${gone.length} of the older suite no longer under their names:`);
for (const name of gone) console.log(`  ${name}`);

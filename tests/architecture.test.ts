import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');

function sources(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f));
}

const importsOf = (file: string): string[] =>
  [...fs.readFileSync(path.join(root, file), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]!);

describe('code structure', () => {
  it('keeps the demo data out of production code: nothing in api/ imports seeds/', () => {
    const offenders = sources('api').filter((f) => importsOf(f).some((i) => i.includes('seeds/')));
    expect(offenders).toEqual([]);
  });

  it('lets migrations own their history: no migration imports the current enumerations', () => {
    const offenders = sources('migrations').filter((f) =>
      importsOf(f).some((i) => /api\/(domain|features)/.test(i)),
    );
    expect(offenders).toEqual([]);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { declarations } from '../../api/features/declarations';
import { resources } from '../../api/features';

const API = path.resolve(__dirname, '../../api');

/** Every module the file imports, directly or through others, as paths relative to api/ (or bare package names). */
function importGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    const rel = path.relative(API, file);
    if (seen.has(rel)) return;
    seen.add(rel);
    const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith('.')) seen.add(fileName);
      else visit(`${path.resolve(path.dirname(file), fileName)}.ts`);
    }
  };
  visit(entry);
  return seen;
}

describe('api/features/declarations.ts', () => {
  it('imports nothing but plain modules, so the browser can read it', () => {
    const allowed =
      /^(features\/declarations|domain|rest\/fields|features\/access|features\/\w+\/\w+\.fields)\.ts$/;
    const offending = [...importGraph(path.join(API, 'features/declarations.ts'))].filter(
      (m) => !allowed.test(m),
    );
    expect(offending).toEqual([]);
  });

  it('holds the plain part of every served resource, unchanged', () => {
    expect(Object.keys(declarations).sort()).toEqual(resources.map((r) => r.name).sort());
    for (const def of resources) {
      const plain = declarations[def.name as keyof typeof declarations];
      expect(def.fields).toEqual(plain.fields);
      expect(def.defaultSort).toEqual(plain.defaultSort);
      expect(def.access).toEqual(plain.access);
    }
  });
});

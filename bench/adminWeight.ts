import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { ROOT } from './lib';

/**
 * Initial JavaScript weight of the admin: the entry script of dist/admin/index.html, its modulepreloads and
 * everything they import statically (dynamic import() chunks are loaded later and not counted), gzip level 9.
 * Target: ≤ 400 KB gzip. Usage: tsx bench/adminWeight.ts (after `npm run build`).
 */

export const ADMIN_TARGET_KB = 400;

export interface AdminWeight {
  js_gzip_kb: number;
  js_raw_kb: number;
  css_gzip_kb: number;
  files: { file: string; raw_kb: number; gzip_kb: number }[];
  target_kb: number;
  ok: boolean;
}

const kb = (n: number): number => Math.round(n / 102.4) / 10;

/** Static imports of an ES module chunk: `import … from "./x.js"`, `import "./x.js"`, `export … from "./x.js"`. */
function staticImports(code: string): string[] {
  const found = new Set<string>();
  for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*)["'](\.{1,2}\/[^"']+\.js)["']/g)) found.add(m[1]!);
  return [...found];
}

export function adminWeight(distDir = path.join(ROOT, 'dist', 'admin')): AdminWeight | undefined {
  const indexFile = path.join(distDir, 'index.html');
  if (!fs.existsSync(indexFile)) return undefined;
  const html = fs.readFileSync(indexFile, 'utf8');
  const local = (ref: string) => path.join(distDir, ref.replace(/^\//, '').split('?')[0]!);
  const queue = [
    ...[...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => local(m[1]!)),
    ...[...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => local(m[1]!)),
  ];
  const css = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => local(m[1]!));
  const seen = new Set<string>();
  const files: AdminWeight['files'] = [];
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file) || !fs.existsSync(file)) continue;
    seen.add(file);
    const code = fs.readFileSync(file);
    files.push({
      file: path.relative(distDir, file),
      raw_kb: kb(code.length),
      gzip_kb: kb(zlib.gzipSync(code, { level: 9 }).length),
    });
    for (const dep of staticImports(code.toString('utf8'))) queue.push(path.resolve(path.dirname(file), dep));
  }
  const cssGzip = css
    .filter((f) => fs.existsSync(f))
    .reduce((s, f) => s + zlib.gzipSync(fs.readFileSync(f), { level: 9 }).length, 0);
  const jsGzip = Math.round(files.reduce((s, f) => s + f.gzip_kb, 0) * 10) / 10;
  return {
    js_gzip_kb: jsGzip,
    js_raw_kb: Math.round(files.reduce((s, f) => s + f.raw_kb, 0) * 10) / 10,
    css_gzip_kb: kb(cssGzip),
    files: files.sort((a, b) => b.gzip_kb - a.gzip_kb),
    target_kb: ADMIN_TARGET_KB,
    ok: jsGzip <= ADMIN_TARGET_KB,
  };
}

if (require.main === module) {
  const w = adminWeight();
  if (!w) {
    console.error('dist/admin/index.html fehlt: zuerst `npm run build`.');
    process.exit(2);
  }
  for (const f of w.files)
    console.log(`${String(f.gzip_kb).padStart(8)} KB gzip  ${String(f.raw_kb).padStart(8)} KB  ${f.file}`);
  console.log(
    `Initial JS: ${w.js_gzip_kb} KB gzip (${w.js_raw_kb} KB raw), CSS ${w.css_gzip_kb} KB gzip; target ≤ ${w.target_kb} KB: ${w.ok ? 'OK' : 'OVER'}`,
  );
  process.exit(w.ok ? 0 : 1);
}

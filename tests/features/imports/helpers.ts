import ExcelJS from 'exceljs';
import type { Agent } from '../../support/app';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type Cell = string | number | boolean | Date | null;

/** A workbook with one sheet: optional title lines above, then the header and the rows. */
export async function xlsx(rows: Cell[][], sheetName = 'Daten'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** CSV text as German Excel writes it: `;`, CRLF, fields quoted where needed. */
export function csv(rows: (string | number | null)[][], sep = ';'): string {
  const cell = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    return /[;,"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(cell).join(sep)).join('\r\n') + '\r\n';
}

/** Windows-1252 bytes of a text (what German Excel writes as "CSV (Trennzeichen-getrennt)"). */
export function cp1252(text: string): Buffer {
  const special: Record<string, number> = { '€': 0x80, '–': 0x96, '„': 0x84, '“': 0x93 };
  return Buffer.from([...text].map((ch) => special[ch] ?? ch.charCodeAt(0)));
}

export interface Report {
  resource: string;
  dry_run: boolean;
  summary: { rows: number; create: number; update: number; unchanged: number; error: number };
  rows: {
    row: number;
    action: string;
    key: string;
    changes: Record<string, [unknown, unknown]>;
    errors: Record<string, string>;
  }[];
  warnings: string[];
}

export function upload(
  agent: Agent,
  resource: string,
  body: Buffer | string,
  { dryRun = true, type = XLSX, fileName = 'test.xlsx' } = {},
) {
  const q = new URLSearchParams({ file_name: fileName, ...(dryRun ? { dry_run: 'true' } : {}) });
  return agent.post(`/api/imports/${resource}?${q}`).set('Content-Type', type).send(body);
}

/** The template of a resource, as a workbook. */
export async function template(agent: Agent, resource: string): Promise<ExcelJS.Workbook> {
  const res = await agent
    .get(`/api/imports/templates/${resource}.xlsx`)
    .buffer(true)
    .parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
  if (res.status !== 200) throw new Error(`template ${resource}: ${res.status}`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.body as ArrayBuffer);
  return wb;
}

/** A grant to book imported expenditures and tranches on (file number and phase as given). */
export async function createGrant(agent: Agent, fileNumber: string, phase: string): Promise<void> {
  const res = await agent.post('/api/grants').send({
    programme: 'Importtest',
    funder: 'KfW',
    file_number: fileNumber,
    phase,
    committed_on: '2026-01-15',
    period_start: '2026-01-01',
    period_end: '2028-12-31',
    eligible_cents: 100_000_000,
    funding_rate_bp: 6500,
    approved_cents: 65_000_000,
    spend_rule: 'anbest_gk',
  });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
}

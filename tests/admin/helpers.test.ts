import type { FetchRelatedRecords, RaRecord, TranslateFunction } from 'react-admin';
import { csvHundredths } from '../../api/http/csvCell';
import { daysBetween, formatDate, todayIso } from '../../admin/src/common/dates';
import { listCsv } from '../../admin/src/common/listCsv';
import { formatEuro, formatHundredths, formatPercentBp, parseHundredths } from '../../admin/src/common/money';
import { rankMunicipalities } from '../../admin/src/dashboard/guideStart';

// Pure helpers of the admin, run beside the browser tests (they need no browser).

describe('parseHundredths (money and percent inputs)', () => {
  it.each([
    ['1.234,56', 123456],
    ['1234,56', 123456],
    ['1.234.567,89 €', 123456789],
    ['0,1', 10],
    ['0,07', 7],
    ['12', 1200],
    ['65,00 %', 6500],
    ['  3.000 ', 300000],
    ['90.071.992.547.409,91', 9007199254740991],
  ])('reads %s as %d hundredths exactly', (text, expected) => {
    expect(parseHundredths(text)).toBe(expected);
  });

  it('reads an empty field as null', () => {
    expect(parseHundredths('')).toBeNull();
  });

  it.each(['1,234', '1.5', '12.34,5', '-5', 'abc', '1,2,3', '99.999.999.999.999.999,00'])(
    'refuses %s',
    (text) => {
      expect(parseHundredths(text)).toBeUndefined();
    },
  );

  it('reads a negative amount only where it is allowed (a credit note)', () => {
    expect(parseHundredths('-312,50', true)).toBe(-31250);
    expect(parseHundredths('−1.234,5 €', true)).toBe(-123450);
    expect(parseHundredths('18.445,00', true)).toBe(1844500);
    expect(parseHundredths('-312,50')).toBeUndefined();
    expect(parseHundredths('--3', true)).toBeUndefined();
  });

  it('never goes through floating point (0,29 is 29, not 28.999…)', () => {
    expect(parseHundredths('0,29')).toBe(29);
    expect(parseHundredths('1.000.000,03')).toBe(100000003);
  });
});

describe('money and percent formatting', () => {
  it('writes cents the German way', () => {
    expect(formatEuro(123456789)).toBe('1.234.567,89\u00a0€');
    expect(formatEuro(5)).toBe('0,05\u00a0€');
    expect(formatHundredths(123456)).toBe('1.234,56');
  });

  it('writes basis points as a percentage', () => {
    expect(formatPercentBp(6500)).toBe('65,00 %');
  });

  it('writes plain decimal euros for spreadsheets', () => {
    expect(csvHundredths(123456789)).toBe('1234567,89');
    expect(csvHundredths(7)).toBe('0,07');
  });
});

describe('listCsv (the list export)', () => {
  // The keys themselves, or the default text: enough to see what the export asks for.
  const translate = ((key: string, options?: { _?: string }) => options?._ ?? key) as TranslateFunction;
  const related = { 7: { id: 7, name: '=Gemeinde' }, 8: { id: 8, name: 'Andernach' } };
  const fetchRelated = (async () => related) as unknown as FetchRelatedRecords;
  const label = (_resource: string, r: RaRecord) => String(r.name);

  it('defuses text that starts like a formula, also in reference labels, and keeps numbers numbers', async () => {
    const records = [
      {
        id: 1,
        version: 3,
        title: '=HYPERLINK("http://example.invalid","x")',
        summary: '-1+2',
        notes: '@SUM(A1)',
        phone: '+49 261 1234',
        budget_cents: -1250,
        progress: -0.5,
        status: 'implementation',
        municipality_ids: [7, 8],
        start_date: '2023-07-01',
      },
    ];
    const csv = await listCsv(records, fetchRelated, { resource: 'measures', translate, label });
    expect(csv).toBe(
      '\uFEFF' +
        'id;title;summary;notes;phone;budget_cents;progress;status;municipality_ids;start_date\r\n' +
        `1;"'=HYPERLINK(""http://example.invalid"",""x"")";'-1+2;'@SUM(A1);'+49 261 1234;-12,50;-0,5;` +
        "app.enums.status.implementation;'=Gemeinde, Andernach;01.07.2023\r\n",
    );
  });

  it('exports a reference the role may not read as its id', async () => {
    const refused = (async () => Promise.reject(new Error('403'))) as unknown as FetchRelatedRecords;
    const csv = await listCsv([{ id: 2, grant_id: 5, amount_cents: 1 }], refused, {
      resource: 'tranches',
      translate,
      label,
    });
    expect(csv.split('\r\n')[1]).toBe('2;5;0,01');
  });
});

describe('dates', () => {
  it('shows a calendar date as 29.03.2026 without shifting the day', () => {
    expect(formatDate('2026-03-29')).toBe('29.03.2026');
    expect(formatDate('2026-01-01')).toBe('01.01.2026');
  });

  it('keeps the day in a time zone west of UTC', () => {
    const tz = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      expect(formatDate('2026-03-29')).toBe('29.03.2026');
    } finally {
      process.env.TZ = tz;
    }
  });

  it('counts calendar days', () => {
    expect(daysBetween('2026-03-01', '2026-03-29')).toBe(28);
    expect(daysBetween('2026-03-29', '2026-03-01')).toBe(-28);
  });

  it('gives today as YYYY-MM-DD', () => {
    expect(todayIso(new Date(2026, 2, 29, 23, 30))).toBe('2026-03-29');
  });
});

describe('rankMunicipalities (the guide start page)', () => {
  const today = '2026-03-29';
  const municipalities = [
    { id: 1, name: 'Andernach', last_contact_on: '2026-03-20' },
    { id: 2, name: 'Pellenz', last_contact_on: '2026-01-10' },
    { id: 3, name: 'Weißenthurm', last_contact_on: null },
    { id: 4, name: 'Mendig', last_contact_on: '2026-03-28' },
  ];

  it('puts overdue follow-ups first, then never contacted, then the longest without contact', () => {
    const followUps = [
      { municipality_id: 4, follow_up_on: '2026-03-01' },
      { municipality_id: 1, follow_up_on: '2026-04-15' },
    ];
    const ranked = rankMunicipalities(municipalities, followUps, today);
    expect(ranked.map((m) => m.name)).toEqual(['Mendig', 'Weißenthurm', 'Pellenz', 'Andernach']);
    expect(ranked[0]).toEqual({
      id: 4,
      name: 'Mendig',
      daysSinceContact: 1,
      openFollowUps: 1,
      overdueFollowUps: 1,
    });
    expect(ranked[1]!.daysSinceContact).toBeNull();
    expect(ranked[3]).toMatchObject({ daysSinceContact: 9, openFollowUps: 1, overdueFollowUps: 0 });
  });
});

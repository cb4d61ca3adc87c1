/**
 * The finance system's keys as the office has entered them (#14): the cost objects (Kostenträger) of the measures
 * its monthly booking export names, and the ledger account mapping (Sachkonten). With them the sample export
 * (tests/fixtures/finance-export-sample.csv) imports into the demo as it is.
 */
export const DEMO_COST_OBJECTS: Record<string, string> = {
  'M-02': '51110002',
  'M-08': '51110008',
  'M-09': '51110009',
  'M-20': '51110023',
  'M-25': '51110025',
  'M-26': '51110026',
};

/** The longest matching prefix wins: 543xxxx are services, other 5xxxxxx material, 0xxxxxx investment. */
export const DEMO_LEDGER_ACCOUNTS = [
  { account: '0', cost_category: 'investment', note: 'Anlagevermögen' },
  { account: '5', cost_category: 'material', note: 'Aufwand' },
  { account: '543', cost_category: 'services', note: 'Dienstleistungen' },
];

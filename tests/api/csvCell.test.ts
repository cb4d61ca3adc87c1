import fc from 'fast-check';
import { csvCell, csvDocument, csvHundredths, csvRow, hundredths } from '../../api/http/csvCell';

/** Splits one CSV line as a spreadsheet does (`;` separated, `"` quoted, `""` inside quotes). */
function parseLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') field += line[++i];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  return [...fields, field];
}

const FORMULA_START = ['=', '+', '-', '@', '\t', '\r', '\n'];

describe('csvCell (the CSV cell writer of the API and the admin)', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+49 261 1234', "'+49 261 1234"],
    ['-1+2', "'-1+2"],
    ['-12,50', "'-12,50"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', `"'\r=1+1"`],
    ['=HYPERLINK("http://x";"y")', `"'=HYPERLINK(""http://x"";""y"")"`],
  ])('defuses the text %j as %j', (text, expected) => {
    expect(csvCell(text)).toBe(expected);
  });

  it('quotes text with a separator, a quote or a line break, and leaves other text alone', () => {
    expect(csvCell('Test; mit "Anführung"')).toBe('"Test; mit ""Anführung"""');
    expect(csvCell('Zeile 1\nZeile 2')).toBe('"Zeile 1\nZeile 2"');
    expect(csvCell('Maßnahme 1 = gut')).toBe('Maßnahme 1 = gut');
    expect(csvCell('')).toBe('');
  });

  it('writes numbers as German decimals, negative ones too, without defusing them', () => {
    expect(csvCell(-12.5)).toBe('-12,5');
    expect(csvCell(0.25)).toBe('0,25');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(hundredths(-1250))).toBe('-12,50');
    expect(csvCell(hundredths(-5))).toBe('-0,05');
    expect(csvCell(hundredths(123456789))).toBe('1234567,89');
    expect(csvHundredths(7)).toBe('0,07');
  });

  it('writes nothing for a missing value', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(hundredths(null))).toBe('');
  });

  it('reads back every text as written, at most with a leading apostrophe, never starting like a formula', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 5 }), (texts) => {
        const fields = parseLine(csvRow(texts));
        expect(fields).toHaveLength(texts.length);
        fields.forEach((field, i) => {
          const text = texts[i]!;
          const trigger = FORMULA_START.some((c) => text.startsWith(c));
          expect(field).toBe(trigger ? `'${text}` : text);
          expect(FORMULA_START.some((c) => field.startsWith(c))).toBe(false);
        });
      }),
    );
  });

  it('writes a document with BOM, semicolons and CRLF after every line', () => {
    expect(
      csvDocument([
        ['Nr.', 'Betrag'],
        ['=A', hundredths(-1)],
      ]),
    ).toBe("\uFEFFNr.;Betrag\r\n'=A;-0,01\r\n");
  });
});

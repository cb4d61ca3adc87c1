import { germanDate } from '../../labels';
import type { IndicatorState } from '../../domain';
import type { IndicatorSnapshot } from './contract';

/** The status report PDF's section on impact indicators (pdfmake content), from the frozen snapshot. */

type Content = string | Content[] | { [key: string]: unknown };
type Table = (widths: (number | string)[], head: string[], rows: Content[][]) => Content;

export const INDICATOR_STATE_LABELS: Record<IndicatorState, string> = {
  on_track: 'im Plan',
  behind: 'knapp dahinter',
  off_track: 'deutlich dahinter',
  stale: 'keine aktuellen Werte',
};
const STATE_COLOURS: Record<IndicatorState, string> = {
  on_track: '#2e7d32',
  behind: '#f9a825',
  off_track: '#c62828',
  stale: '#757575',
};

const number = (v: number) => new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 }).format(v);

interface MeasureWithIndicators {
  code: string;
  title: string;
  indicators?: IndicatorSnapshot[];
}

export function indicatorsSection(measures: MeasureWithIndicators[], table: Table): Content[] {
  const withIndicators = measures.filter((m) => m.indicators?.length);
  // Reports issued before indicators existed carry none: no section.
  if (!withIndicators.length) return [];
  const all = withIndicators.flatMap((m) => m.indicators!);
  const counts = (Object.keys(INDICATOR_STATE_LABELS) as IndicatorState[]).map(
    (s) => `${INDICATOR_STATE_LABELS[s]}: ${all.filter((i) => i.state === s).length}`,
  );
  return [
    { text: 'Wirkungsindikatoren', style: 'h1', pageBreak: 'before' },
    {
      text: `${all.length} Indikatoren bei ${withIndicators.length} Maßnahmen – ${counts.join(' · ')}. Im Plan: der letzte Wert liegt auf oder jenseits der Linie vom Ausgangs- zum Zielwert; knapp dahinter: höchstens 10 % der Strecke zurück; keine aktuellen Werte: seit mehr als sechs Monaten kein Wert.`,
      margin: [0, 0, 0, 8],
    },
    table(
      [90, '*', 80, 80, 70],
      ['Maßnahme', 'Indikator', 'Letzter Wert', 'Ziel', 'Stand'],
      withIndicators.flatMap((m) =>
        m.indicators!.map((i) => [
          { text: `${m.code} · ${m.title}`, style: 'small' },
          i.name,
          i.latest_value === null
            ? { text: 'kein Wert', style: 'muted' }
            : `${number(i.latest_value)} ${i.unit}\n(${germanDate(i.latest_measured_on!)})`,
          `${number(i.target_value)} ${i.unit}\nbis ${germanDate(i.target_date)}`,
          { text: INDICATOR_STATE_LABELS[i.state], color: STATE_COLOURS[i.state], bold: true },
        ]),
      ),
    ),
  ];
}

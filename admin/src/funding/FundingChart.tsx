import { useTheme } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatEuro } from '../common/money';
import type { MeasureRow } from './api';

const compactEuro = new Intl.NumberFormat('de-DE', { notation: 'compact', maximumFractionDigits: 1 });

/**
 * Eligible spending per measure as stacked federal and own share (lazy: recharts is big). Received money is
 * left out: most tranches carry no measure, so per measure it would mislead.
 */
export default function FundingChart({ rows }: { rows: MeasureRow[] }) {
  const translate = useTranslate();
  const theme = useTheme();
  const data = rows
    .filter((r) => r.spent_cents > 0)
    .map((r) => ({
      name: r.code ?? '',
      title: r.title,
      federal: r.federal_share_cents,
      own: r.own_share_cents,
    }));
  return (
    <ResponsiveContainer width="100%" height={340}>
      <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="name" interval={0} angle={-45} textAnchor="end" height={60} tick={{ fontSize: 11 }} />
        <YAxis tickFormatter={(v: number) => `${compactEuro.format(v / 100)} €`} width={80} />
        <Tooltip
          formatter={(value) => formatEuro(Number(value))}
          labelFormatter={(_label, payload) =>
            (payload?.[0]?.payload as { title?: string } | undefined)?.title ?? ''
          }
        />
        <Legend
          formatter={(value: string) => <span style={{ color: theme.palette.text.primary }}>{value}</span>}
        />
        <Bar
          dataKey="federal"
          stackId="spent"
          name={translate('app.funding.col_federal_share')}
          fill={theme.palette.primary.main}
        />
        <Bar dataKey="own" stackId="spent" name={translate('app.funding.col_own_share')} fill="#7fb8bd" />
      </BarChart>
    </ResponsiveContainer>
  );
}

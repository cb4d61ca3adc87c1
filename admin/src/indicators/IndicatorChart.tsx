import { useTheme } from '@mui/material';
import { useTranslate } from 'react-admin';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDate } from '../common/dates';
import { withUnit } from './numbers';
import type { IndicatorRecord, ValueRecord } from './IndicatorPanel';

const at = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const fromTime = (t: number) => new Date(t).toISOString().slice(0, 10);

interface Point {
  t: number;
  value?: number;
  line?: number;
}

/** The measured values against the line from baseline to target (held at the target after the target date). */
export default function IndicatorChart({
  indicator,
  values,
}: {
  indicator: IndicatorRecord;
  values: ValueRecord[];
}) {
  const translate = useTranslate();
  const theme = useTheme();
  const last = values.length ? values[values.length - 1]!.measured_on : indicator.target_date;
  const points: Point[] = [
    { t: at(indicator.baseline_date), line: indicator.baseline_value },
    { t: at(indicator.target_date), line: indicator.target_value },
    ...(last > indicator.target_date ? [{ t: at(last), line: indicator.target_value }] : []),
    ...values.map((v) => ({ t: at(v.measured_on), value: v.value })),
  ].sort((a, b) => a.t - b.t);
  return (
    <ResponsiveContainer width="100%" height={260}>
      <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={['dataMin', 'dataMax']}
          tickFormatter={(t: number) => formatDate(fromTime(t))}
        />
        <YAxis tickFormatter={(v: number) => withUnit(v, '')} width={64} />
        <Tooltip
          labelFormatter={(t) => formatDate(fromTime(Number(t)))}
          formatter={(v) => withUnit(Number(v), indicator.unit)}
        />
        <Legend />
        <Line
          name={translate('app.indicators.target_line')}
          dataKey="line"
          stroke={theme.palette.text.secondary}
          strokeDasharray="6 4"
          dot={false}
          connectNulls
          isAnimationActive={false}
        />
        <Line
          name={translate('app.indicators.measured')}
          dataKey="value"
          stroke={theme.palette.primary.main}
          connectNulls
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}

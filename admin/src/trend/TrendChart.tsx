import { Box } from '@mui/material';
import { useTranslate } from 'react-admin';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { dayTick, monthDomain, monthTicks, type TrendChartData } from './trendShapes';

/** The MTA chart (recharts, loaded lazily): report date → forecast date, one line per milestone, the diagonal y = x. */

/** Ten distinguishable colours; beyond ten lines the dash pattern tells lines of the same colour apart. */
const PALETTE = [
  '#1565c0',
  '#c62828',
  '#2e7d32',
  '#6a1b9a',
  '#ef6c00',
  '#00838f',
  '#ad1457',
  '#5d4037',
  '#283593',
  '#9e9d24',
];
const DASHES = [undefined, '8 3', '2 3', '8 3 2 3'];

export default function TrendChart({ data, height = 460 }: { data: TrendChartData; height?: number }) {
  const translate = useTranslate();
  const domain = monthDomain(data.domain);
  const ticks = monthTicks(domain);
  return (
    <Box sx={{ width: '100%', height }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart margin={{ top: 8, right: 24, left: 8, bottom: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            type="number"
            dataKey="x"
            domain={domain}
            ticks={ticks}
            tickFormatter={dayTick}
            allowDuplicatedCategory={false}
            label={{
              value: translate('app.trend.report_date'),
              position: 'insideBottomRight',
              offset: -4,
              fontSize: 12,
            }}
            tick={{ fontSize: 12 }}
          />
          <YAxis
            type="number"
            dataKey="y"
            domain={domain}
            ticks={ticks}
            tickFormatter={dayTick}
            width={72}
            label={{
              value: translate('app.trend.forecast_date'),
              angle: -90,
              position: 'insideLeft',
              fontSize: 12,
            }}
            tick={{ fontSize: 12 }}
          />
          {/* The diagonal y = x: where a line meets it, the milestone is reached. */}
          <Line
            data={[
              { x: domain[0], y: domain[0] },
              { x: domain[1], y: domain[1] },
            ]}
            dataKey="y"
            name={translate('app.trend.diagonal')}
            stroke="#78909c"
            strokeDasharray="6 4"
            dot={false}
            activeDot={false}
            legendType="plainline"
            tooltipType="none"
            isAnimationActive={false}
          />
          <Tooltip
            wrapperStyle={{ fontSize: 12 }}
            labelFormatter={(x) => `${translate('app.trend.report_date')}: ${dayTick(Number(x))}`}
            formatter={(y, name) => [dayTick(Number(y)), name]}
          />
          <Legend
            verticalAlign="top"
            align="left"
            itemSorter={null}
            wrapperStyle={{ fontSize: 12, paddingBottom: 8 }}
            formatter={(value: string) => <span style={{ color: '#37474f' }}>{value}</span>}
          />
          {data.lines.map((line, i) => (
            <Line
              key={line.id}
              data={line.points}
              dataKey="y"
              name={line.name}
              type="linear"
              stroke={PALETTE[i % PALETTE.length]}
              strokeDasharray={DASHES[Math.floor(i / PALETTE.length) % DASHES.length]}
              strokeWidth={2}
              dot={{ r: 2.5 }}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </Box>
  );
}

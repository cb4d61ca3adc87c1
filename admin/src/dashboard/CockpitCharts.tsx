import { Box, Typography } from '@mui/material';
import type { ReactElement } from 'react';
import { useTranslate } from 'react-admin';
import { useNavigate } from 'react-router';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  DefaultTooltipContent,
  Legend,
  Line,
  LineChart,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { HEALTH_COLOURS } from '../common/HealthLight';
import { formatEuro } from '../common/money';
import { StartCard } from './StartCard';
import {
  useContactsPerMunicipality,
  useDrawdown,
  useHealthDonut,
  useMoneyPerYear,
  useStatusByField,
} from './cockpitHooks';
import {
  contactsUrl,
  drawdownUrl,
  listUrl,
  MONEY_SERIES,
  moneyUrl,
  statusByFieldUrl,
  type MoneySeries,
} from './cockpitShapes';
import type { MeasureStatus } from '../../../api/features/dashboard/contract';

/** The recharts charts of the cockpit; this module is only ever imported lazily (its own chunk). */

export const CHART_HEIGHT = 270;

const STATUS_COLOURS: Record<MeasureStatus, string> = {
  idea: '#b0bec5',
  planning: '#64b5f6',
  implementation: '#1565c0',
  operation: '#2e7d32',
  completed: '#7cb342',
  paused: '#ffb300',
  stopped: '#c62828',
};
const MONEY_COLOURS: Record<MoneySeries, string> = {
  approved: '#283593',
  requested: '#7986cb',
  received: '#00897b',
  spent: '#ef6c00',
  own_share: '#8d6e63',
};
const MONEY_LABELS: Record<MoneySeries, string> = {
  approved: 'app.dashboard.approved',
  requested: 'app.dashboard.requested',
  received: 'app.dashboard.received',
  spent: 'app.dashboard.spent',
  own_share: 'app.dashboard.own_share',
};

const compact = new Intl.NumberFormat('de-DE', { notation: 'compact', maximumFractionDigits: 1 });
/** Axis ticks in euros from cents: "1,5 Mio. €". */
const euroTick = (cents: number) => `${compact.format(cents / 100)} €`;
const monthFormat = new Intl.DateTimeFormat('de-DE', { month: 'short', year: '2-digit', timeZone: 'UTC' });
/** 'YYYY-MM' → 'Sep. 25'. */
export const monthTick = (month: string) =>
  monthFormat.format(new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1)));

const clickable = { cursor: 'pointer' };

/** Legend in series order, with dark text (the series colour is in the swatch). */
const legendProps = {
  itemSorter: null,
  wrapperStyle: { fontSize: 12 },
  formatter: (value: string) => <span style={{ color: '#37474f' }}>{value}</span>,
};

/** Tooltip entries in dark text: light series colours (amber, light blue) are hard to read on white. */
const tooltipItemStyle = { color: '#263238' };

/** A tooltip that leaves out series with nothing in them (stacked counts). */
const nonZeroTooltip = (
  <Tooltip
    itemStyle={tooltipItemStyle}
    content={(props) => (
      <DefaultTooltipContent {...props} payload={props.payload?.filter((p) => Number(p.value) !== 0)} />
    )}
  />
);

/** Grid and axes of a horizontal bar chart: counts along x, one named row (field, municipality) per bar. */
const countByNameAxes = [
  <CartesianGrid key="grid" horizontal={false} strokeDasharray="3 3" />,
  <XAxis key="x" type="number" allowDecimals={false} />,
  <YAxis key="y" type="category" dataKey="name" width={96} tick={{ fontSize: 12 }} interval={0} />,
];

interface ChartCardProps<T> {
  title: string;
  query: { data?: T | null; isPending: boolean; error?: unknown };
  /** Shows "no data" instead of the chart. */
  isEmpty?: (data: T) => boolean;
  /** The hint that chart elements open the list behind them. */
  hint?: boolean;
  /** The recharts chart for the loaded data. */
  children: (data: T) => ReactElement;
}

/** A start-page card with one chart: loading, error and empty states, a responsive box and the click hint. */
function ChartCard<T>({ title, query, isEmpty, hint = true, children }: ChartCardProps<T>) {
  const translate = useTranslate();
  const { data, isPending, error } = query;
  return (
    <StartCard
      title={title}
      isPending={isPending}
      error={error}
      isEmpty={data == null || (isEmpty?.(data) ?? false)}
      emptyText="app.dashboard.empty"
    >
      {data != null && (
        <>
          <Box sx={{ width: '100%', height: CHART_HEIGHT }}>
            <ResponsiveContainer width="100%" height="100%">
              {children(data)}
            </ResponsiveContainer>
          </Box>
          {hint && (
            <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0.5 }}>
              {translate('app.dashboard.chart_hint')}
            </Typography>
          )}
        </>
      )}
    </StartCard>
  );
}

/** Measures per field of action, stacked by status; a segment opens the measures with that status and field. */
export function StatusByFieldChart() {
  const translate = useTranslate();
  const navigate = useNavigate();
  return (
    <ChartCard
      title="app.dashboard.status_by_field"
      query={useStatusByField()}
      isEmpty={(d) => !d.rows.length}
    >
      {(data) => (
        <BarChart data={data.rows} layout="vertical" margin={{ left: 8, right: 16 }}>
          {countByNameAxes}
          {nonZeroTooltip}
          <Legend {...legendProps} />
          {data.statuses.map((s) => (
            <Bar
              key={s}
              dataKey={s}
              stackId="status"
              name={translate(`app.enums.status.${s}`)}
              fill={STATUS_COLOURS[s]}
              style={clickable}
              onClick={(_, index) => {
                const row = data.rows[index];
                if (row) navigate(statusByFieldUrl(s, row.field_of_action_id));
              }}
            />
          ))}
        </BarChart>
      )}
    </ChartCard>
  );
}

/** Donut of the set lights; a slice opens the measures with that light. */
export function HealthDonutChart() {
  const translate = useTranslate();
  const navigate = useNavigate();
  const query = useHealthDonut();
  const rows = query.data?.map((d) => ({ ...d, name: translate(`app.enums.health.${d.health}`) })) ?? [];
  return (
    <ChartCard title="app.dashboard.health_donut" query={query} hint={false}>
      {() => (
        <PieChart>
          <Pie
            data={rows}
            dataKey="count"
            nameKey="name"
            innerRadius="52%"
            outerRadius="80%"
            paddingAngle={1}
            label={({ value }: { value?: number }) => (value ? String(value) : '')}
            style={clickable}
            onClick={(_, index) => {
              const row = rows[index];
              if (row) navigate(listUrl('measures', { health: row.health }));
            }}
          >
            {rows.map((r) => (
              <Cell key={r.health} fill={HEALTH_COLOURS[r.health]} />
            ))}
          </Pie>
          <Tooltip itemStyle={tooltipItemStyle} />
          <Legend {...legendProps} />
        </PieChart>
      )}
    </ChartCard>
  );
}

/** Approved, requested, received, spent and own share per fiscal year; a bar opens the rows behind it. */
export function MoneyPerYearChart() {
  const translate = useTranslate();
  const navigate = useNavigate();
  return (
    <ChartCard title="app.dashboard.money_per_year" query={useMoneyPerYear()} isEmpty={(d) => !d.length}>
      {(data) => (
        <BarChart data={data} margin={{ left: 8, right: 8 }}>
          <CartesianGrid vertical={false} strokeDasharray="3 3" />
          <XAxis dataKey="fiscal_year" />
          <YAxis tickFormatter={euroTick} width={84} tick={{ fontSize: 12 }} />
          <Tooltip itemStyle={tooltipItemStyle} formatter={(v) => formatEuro(Number(v))} />
          <Legend {...legendProps} />
          {MONEY_SERIES.map((s) => (
            <Bar
              key={s}
              dataKey={s}
              name={translate(MONEY_LABELS[s])}
              fill={MONEY_COLOURS[s]}
              style={clickable}
              onClick={(_, index) => {
                const row = data[index];
                if (row) navigate(moneyUrl(s, row.fiscal_year));
              }}
            />
          ))}
        </BarChart>
      )}
    </ChartCard>
  );
}

/** Cumulative receipts by month against the cumulative approved plan; a point opens that month's tranches. */
export function DrawdownChart() {
  const translate = useTranslate();
  const navigate = useNavigate();
  return (
    <ChartCard title="app.dashboard.drawdown_vs_plan" query={useDrawdown()} isEmpty={(d) => !d.length}>
      {(data) => (
        <LineChart
          data={data}
          margin={{ left: 8, right: 16 }}
          style={clickable}
          onClick={(state) => {
            // recharts 3 reports the index as a string ("12").
            const index = Number(state.activeIndex ?? NaN);
            const row = Number.isInteger(index) ? data[index] : undefined;
            if (row) navigate(drawdownUrl(row.month));
          }}
        >
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="month" tickFormatter={monthTick} minTickGap={24} tick={{ fontSize: 12 }} />
          <YAxis tickFormatter={euroTick} width={84} tick={{ fontSize: 12 }} />
          <Tooltip
            itemStyle={tooltipItemStyle}
            labelFormatter={(m) => monthTick(String(m))}
            formatter={(v) => formatEuro(Number(v))}
          />
          <Legend {...legendProps} />
          <Line
            type="stepAfter"
            dataKey="received_cum"
            name={translate('app.dashboard.drawdown_received')}
            stroke={MONEY_COLOURS.received}
            strokeWidth={2}
            dot={false}
            connectNulls={false}
          />
          <Line
            type="linear"
            dataKey="plan_cum"
            name={translate('app.dashboard.drawdown_plan')}
            stroke={MONEY_COLOURS.approved}
            strokeDasharray="6 4"
            strokeWidth={2}
            dot={false}
          />
        </LineChart>
      )}
    </ChartCard>
  );
}

/** Contacts per municipality over the last 90 days; amber bars: no contact for more than 30 days. */
export function ContactsChart() {
  const translate = useTranslate();
  const navigate = useNavigate();
  return (
    <ChartCard
      title="app.dashboard.contacts_per_municipality"
      query={useContactsPerMunicipality()}
      isEmpty={(d) => !d.rows.length}
    >
      {(data) => (
        <BarChart data={data.rows} layout="vertical" margin={{ left: 8, right: 16 }}>
          {countByNameAxes}
          <Tooltip itemStyle={tooltipItemStyle} />
          <Bar
            dataKey="contacts_90d"
            name={translate('app.dashboard.contacts_90d')}
            style={clickable}
            onClick={(_, index) => {
              const row = data.rows[index];
              if (row) navigate(contactsUrl(row.municipality_id, data.today, data.windowDays));
            }}
          >
            {data.rows.map((r) => (
              <Cell
                key={r.municipality_id}
                fill={
                  r.days_since_contact === null || r.days_since_contact > 30
                    ? HEALTH_COLOURS.amber
                    : '#1565c0'
                }
              />
            ))}
          </Bar>
        </BarChart>
      )}
    </ChartCard>
  );
}

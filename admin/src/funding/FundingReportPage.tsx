import DownloadIcon from '@mui/icons-material/Download';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import {
  Button,
  LinearProgress,
  Link as MuiLink,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tabs,
  Typography,
} from '@mui/material';
import { lazy, Suspense, useState } from 'react';
import { useCreatePath, useTranslate } from 'react-admin';
import { Link } from 'react-router';
import { CATEGORY_MONEY_COLUMNS, MEASURE_MONEY_COLUMNS } from '../../../api/features/funding/contract';
import { formatEuro, formatPercentBp } from '../common/money';
import { GrantYearPicker, ReportBody, useGrantYear } from './GrantYearPicker';
import { ReportFrame, ReportTableBox } from './ReportFrame';
import {
  queryString,
  useFundingApi,
  type CategoryRow,
  type Figures,
  type FundingReport,
  type MeasureRow,
} from './api';

const FundingChart = lazy(() => import('./FundingChart'));

type View = 'measures' | 'categories';
type MoneyKey = keyof Figures;

const label = (k: MoneyKey) => `app.funding.col_${k.replace(/_cents$/, '')}`;

const money = (v: number | null | undefined) => (v === null || v === undefined ? '—' : formatEuro(v));

function MoneyCells({ row, keys }: { row: Partial<Figures>; keys: readonly MoneyKey[] }) {
  return (
    <>
      {keys.map((k) => (
        <TableCell
          key={k}
          align="right"
          sx={{ whiteSpace: 'nowrap', color: (row[k] ?? 0) < 0 ? 'error.main' : undefined }}
        >
          {money(row[k])}
        </TableCell>
      ))}
    </>
  );
}

/** The first column stays in view while the money columns scroll sideways (1366 px). */
const STICKY_FIRST = {
  position: 'sticky',
  left: 0,
  zIndex: 1,
  backgroundColor: 'background.paper',
  borderRight: 1,
  borderRightColor: 'divider',
} as const;

/** The sum row stays at the bottom of the scrolling table. */
const STICKY_SUM = {
  '& td': {
    fontWeight: 700,
    position: 'sticky',
    bottom: 0,
    backgroundColor: 'grey.100',
    borderTop: 2,
    borderTopColor: 'divider',
  },
  '& td:first-of-type': { left: 0, zIndex: 3 },
} as const;

/** "Eingegangen 2025" or "Eingegangen (kumuliert)": every money header states its period. */
function useHeader(year: number | null) {
  const translate = useTranslate();
  return (k: MoneyKey) => {
    if (k === 'planned_cents') return translate(label(k));
    if (k === 'remaining_cents')
      return translate('app.funding.remaining_as_of', {
        date: year ? `31.12.${year}` : translate('app.funding.today'),
      });
    return `${translate(label(k))} ${year ? year : `(${translate('app.funding.cumulative')})`}`;
  };
}

function ReportTable({ report, view }: { report: FundingReport; view: View }) {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const keys = view === 'measures' ? MEASURE_MONEY_COLUMNS : CATEGORY_MONEY_COLUMNS;
  const header = useHeader(report.fiscal_year);
  const head =
    view === 'measures'
      ? ['app.funding.col_measure']
      : ['app.funding.col_cost_category', 'app.funding.col_group'];
  return (
    <Table
      size="small"
      stickyHeader
      aria-label={translate(view === 'measures' ? 'app.funding.by_measure' : 'app.funding.by_category')}
    >
      <TableHead>
        <TableRow>
          {head.map((h, i) => (
            <TableCell key={h} sx={i === 0 ? { ...STICKY_FIRST, zIndex: 3 } : undefined}>
              {translate(h)}
            </TableCell>
          ))}
          {keys.map((k) => (
            <TableCell key={k} align="right">
              {header(k)}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {view === 'measures'
          ? report.measures.map((r: MeasureRow) => (
              <TableRow key={r.measure_id ?? 'unassigned'} hover>
                <TableCell sx={{ ...STICKY_FIRST, minWidth: 220, maxWidth: 300 }}>
                  {r.code && <strong>{r.code} </strong>}
                  {r.measure_id === null ? (
                    <em>{translate('app.funding.unassigned')}</em>
                  ) : (
                    <MuiLink
                      component={Link}
                      to={createPath({ resource: 'measures', id: r.measure_id, type: 'show' })}
                      underline="hover"
                    >
                      {r.title}
                    </MuiLink>
                  )}
                </TableCell>
                <MoneyCells row={r} keys={keys} />
              </TableRow>
            ))
          : report.categories.map((r: CategoryRow) => (
              <TableRow key={r.cost_category} hover>
                <TableCell sx={STICKY_FIRST}>
                  {translate(`app.enums.cost_category.${r.cost_category}`)}
                </TableCell>
                <TableCell>{translate(`app.funding.groups.${r.group}`)}</TableCell>
                <MoneyCells row={r} keys={keys} />
              </TableRow>
            ))}
        <TableRow sx={STICKY_SUM}>
          <TableCell colSpan={head.length} sx={STICKY_FIRST}>
            {translate('app.funding.total')}
          </TableCell>
          <MoneyCells row={report.totals} keys={keys} />
        </TableRow>
      </TableBody>
    </Table>
  );
}

/** "Förderbericht": figures per measure and cost category for a grant and year, chart and exports. */
export default function FundingReportPage() {
  const translate = useTranslate();
  // Grant and year live in the URL, so a report can be bookmarked and shared.
  const gy = useGrantYear();
  const { grant, params } = gy;
  const [view, setView] = useState<View>('measures');
  const report = useFundingApi<FundingReport>('reports/funding', params, grant !== undefined);
  const download = (path: string, extra: Record<string, string> = {}) =>
    `/api/${path}?${queryString({ ...params, ...extra })}`;
  return (
    <ReportFrame
      title="app.menu.funding_report"
      controls={
        <>
          <GrantYearPicker state={gy} />
          {grant && (
            <Typography variant="body2" color="text.secondary">
              {translate('app.funding.funding_rate', { rate: formatPercentBp(grant.funding_rate_bp) })}
            </Typography>
          )}
        </>
      }
      downloads={
        grant && (
          <>
            <Button variant="outlined" startIcon={<DownloadIcon />} href={download('reports/funding.xlsx')}>
              {translate('app.funding.export_xlsx')}
            </Button>
            <Button
              variant="outlined"
              startIcon={<DownloadIcon />}
              href={download('reports/funding.csv', { view })}
            >
              {translate('app.funding.export_csv')}
            </Button>
            <Button
              variant="outlined"
              startIcon={<ReceiptLongIcon />}
              href={download('reports/receipts.xlsx')}
            >
              {translate('app.funding.receipts_xlsx')}
            </Button>
          </>
        )
      }
    >
      <ReportBody state={gy} query={report}>
        {(data) => (
          <>
            <Tabs value={view} onChange={(_e, v: View) => setView(v)} sx={{ mb: 1 }}>
              <Tab value="measures" label={translate('app.funding.by_measure')} />
              <Tab value="categories" label={translate('app.funding.by_category')} />
            </Tabs>
            <ReportTableBox>
              <ReportTable report={data} view={view} />
            </ReportTableBox>
            <Typography component="h2" variant="h6" sx={{ mt: 3 }}>
              {translate('app.funding.chart_title')}
            </Typography>
            <Suspense fallback={<LinearProgress />}>
              <FundingChart rows={data.measures} />
            </Suspense>
            <Typography variant="caption" component="p" color="text.secondary" sx={{ mt: 2 }}>
              {translate('app.funding.rounding_rule')}
            </Typography>
            <Typography variant="caption" component="p" color="text.secondary">
              {translate('app.funding.attribution_note')}
            </Typography>
          </>
        )}
      </ReportBody>
    </ReportFrame>
  );
}

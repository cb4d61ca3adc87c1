import DownloadIcon from '@mui/icons-material/Download';
import {
  Alert,
  Button,
  Chip,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import type { PlanFigures, PlanVsActual } from '../../../api/features/proof_of_use/contract';
import { formatEuro, formatPercentBp } from '../common/money';
import { queryString, useFundingApi } from '../funding/api';
import { GrantYearPicker, ReportBody, useGrantYear } from '../funding/GrantYearPicker';
import { ReportFrame, ReportTableBox } from '../funding/ReportFrame';

/** "+20,01 %", "−26,67 %", "—" without a plan. */
export function signedPercent(bp: number | null): string {
  if (bp === null) return '—';
  return `${bp > 0 ? '+' : bp < 0 ? '−' : '±'}${formatPercentBp(Math.abs(bp))}`;
}

function FigureCells({ row }: { row: PlanFigures }) {
  return (
    <>
      <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
        {formatEuro(row.planned_cents)}
      </TableCell>
      <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
        {formatEuro(row.actual_cents)}
      </TableCell>
      <TableCell
        align="right"
        sx={{ whiteSpace: 'nowrap', color: row.deviation_cents > 0 ? 'error.main' : undefined }}
      >
        {row.deviation_cents > 0 ? '+' : ''}
        {formatEuro(row.deviation_cents)}
      </TableCell>
      <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
        {signedPercent(row.deviation_bp)}
      </TableCell>
    </>
  );
}

function PlanTable({ plan }: { plan: PlanVsActual }) {
  const translate = useTranslate();
  const cat = (c: string) => translate(`app.enums.cost_category.${c}`);
  return (
    <Table size="small" stickyHeader aria-label={translate('app.menu.plan_vs_actual')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.funding.col_measure')}</TableCell>
          <TableCell>{translate('app.funding.col_cost_category')}</TableCell>
          <TableCell align="right">{translate('app.proof.planned')}</TableCell>
          <TableCell align="right">{translate('app.proof.actual')}</TableCell>
          <TableCell align="right">{translate('app.proof.deviation')}</TableCell>
          <TableCell align="right">{translate('app.proof.deviation_percent')}</TableCell>
          <TableCell>{translate('app.proof.flag')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {plan.lines.map((l) => (
          <TableRow
            key={`${l.measure_id}-${l.cost_category}`}
            hover
            data-flag={l.over_20 ? 'over20' : undefined}
          >
            <TableCell sx={{ minWidth: 220 }}>
              <strong>{l.code}</strong> {l.title}
              {l.note && (
                <Typography variant="caption" component="div" color="text.secondary">
                  {l.note}
                </Typography>
              )}
            </TableCell>
            <TableCell>{cat(l.cost_category)}</TableCell>
            <FigureCells row={l} />
            <TableCell>
              {l.over_20 && (
                <Chip
                  size="small"
                  color="error"
                  label={translate(l.planned_cents === 0 ? 'app.proof.unplanned' : 'app.proof.over_20')}
                />
              )}
            </TableCell>
          </TableRow>
        ))}
        {plan.categories
          .filter((c) => c.planned_cents !== 0 || c.actual_cents !== 0)
          .map((c) => (
            <TableRow key={c.cost_category} sx={{ '& td': { backgroundColor: 'grey.50' } }}>
              <TableCell>{translate('app.proof.sum_of', { category: cat(c.cost_category) })}</TableCell>
              <TableCell>{cat(c.cost_category)}</TableCell>
              <FigureCells row={c} />
              <TableCell />
            </TableRow>
          ))}
        <TableRow
          sx={{
            '& td': { fontWeight: 700, backgroundColor: 'grey.100', borderTop: 2, borderTopColor: 'divider' },
          }}
        >
          <TableCell colSpan={2}>{translate('app.funding.total')}</TableCell>
          <FigureCells row={plan.total} />
          <TableCell>
            {plan.total.over_total && (
              <Chip size="small" color="error" label={translate('app.proof.over_total')} />
            )}
          </TableCell>
        </TableRow>
      </TableBody>
    </Table>
  );
}

/** "Soll-Ist": the financing plan against the eligible payments, per measure and cost category, with the flags. */
export default function PlanVsActualPage() {
  const translate = useTranslate();
  const gy = useGrantYear();
  const { grant, params } = gy;
  const plan = useFundingApi<PlanVsActual>('reports/plan-vs-actual', params, grant !== undefined);
  return (
    <ReportFrame
      title="app.menu.plan_vs_actual"
      heading="app.proof.plan_title"
      controls={<GrantYearPicker state={gy} />}
      downloads={
        grant && (
          <Button
            variant="outlined"
            startIcon={<DownloadIcon />}
            href={`/api/reports/plan-vs-actual.xlsx?${queryString(params)}`}
          >
            {translate('app.funding.export_xlsx')}
          </Button>
        )
      }
    >
      <ReportBody state={gy} query={plan}>
        {(data) => (
          <>
            {data.total.over_total && (
              <Alert severity="error" sx={{ mb: 1 }}>
                {translate('app.proof.over_total_explained')}
              </Alert>
            )}
            {data.flagged > 0 && (
              <Alert severity="warning" sx={{ mb: 1 }}>
                <strong>{translate('app.proof.over_20_count', { smart_count: data.flagged })}</strong>{' '}
                {translate('app.proof.over_20_explained')}
              </Alert>
            )}
            <ReportTableBox>
              <PlanTable plan={data} />
            </ReportTableBox>
            <Typography variant="caption" component="p" color="text.secondary" sx={{ mt: 2 }}>
              {translate('app.proof.plan_basis')}
            </Typography>
          </>
        )}
      </ReportBody>
    </ReportFrame>
  );
}

import { Alert, Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { InterestRisk } from '../../../api/features/proof_of_use/contract';
import { formatDate } from '../common/dates';
import { formatEuro } from '../common/money';
import { StartCard } from '../dashboard/StartCard';
import { useFundingApi } from '../funding/api';

/**
 * "Zinsrisiko" (§ 49a Abs. 4 VwVfG): what money drawn too early costs so far and per day, per tranche with money at
 * risk; a warning when the current half-year has no base rate on record. Without a grant: all grants.
 */
export function InterestCard({ grantId, detailed = false }: { grantId?: number; detailed?: boolean }) {
  const translate = useTranslate();
  const risk = useFundingApi<InterestRisk>('reports/interest-risk', { grant_id: grantId });
  const rows = (risk.data?.rows ?? []).filter((r) => r.late_or_unused_cents > 0);
  return (
    <StartCard title="app.proof.interest_title" isPending={risk.isPending} error={risk.error}>
      {risk.data && (
        <>
          {risk.data.base_rate_missing && (
            <Alert severity="warning" sx={{ mb: 1 }}>
              {translate('app.proof.base_rate_missing')}
            </Alert>
          )}
          <Typography variant="h4" component="p" data-testid="interest-total">
            {formatEuro(risk.data.total.interest_cents)}
          </Typography>
          <Typography variant="body2" color="text.secondary" data-testid="interest-per-day">
            {translate('app.proof.per_day', { amount: formatEuro(risk.data.total.per_day_cents) })}
          </Typography>
          {detailed && rows.length > 0 && (
            <Box sx={{ overflowX: 'auto', contain: 'inline-size', mt: 1 }}>
              <Table size="small" aria-label={translate('app.proof.interest_title')}>
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('app.proof.tranche')}</TableCell>
                    <TableCell>{translate('app.proof.received_on')}</TableCell>
                    <TableCell>{translate('app.proof.window_end')}</TableCell>
                    <TableCell align="right">{translate('app.proof.late_or_unused')}</TableCell>
                    <TableCell align="right">{translate('app.proof.interest')}</TableCell>
                    <TableCell align="right">{translate('app.proof.per_day_col')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {rows.map((r) => (
                    <TableRow key={r.tranche_id}>
                      <TableCell>Nr. {r.number}</TableCell>
                      <TableCell>{formatDate(r.received_on)}</TableCell>
                      <TableCell>{formatDate(r.window_end)}</TableCell>
                      <TableCell align="right">{formatEuro(r.late_or_unused_cents)}</TableCell>
                      <TableCell align="right">{formatEuro(r.interest_cents)}</TableCell>
                      <TableCell align="right">{formatEuro(r.per_day_cents)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Box>
          )}
          <Typography variant="caption" component="p" color="text.secondary" sx={{ mt: 1 }}>
            {translate('app.proof.interest_rule')}
          </Typography>
        </>
      )}
    </StartCard>
  );
}

import { Alert, Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { formatDate } from '../common/dates';
import { formatEuro, formatPercentBp } from '../common/money';
import { dateLocale } from '../i18n';
import { useFundingApi, type UsageReport } from './api';
import { DeadlineChip } from './DeadlineChip';

const isYear = (v: unknown): v is number => typeof v === 'number' && v >= 2000 && v <= 2100;

/**
 * Inside the tranche form: how far the grant's earlier tranches are used (a new request must state it),
 * what the fiscal year's budget still leaves, and when a justification is required.
 */
export function TrancheUsagePanel() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const record = useRecordContext();
  const [grantId, fiscalYear, requested, status, justification] = useWatch({
    name: ['grant_id', 'fiscal_year', 'requested_cents', 'status', 'justification'],
  }) as [unknown, unknown, unknown, unknown, unknown];
  const enabled = typeof grantId === 'number';
  const { data, error } = useFundingApi<UsageReport>(
    'tranches/usage',
    {
      grant_id: enabled ? grantId : undefined,
      tranche_id: record?.id as number | undefined,
      fiscal_year: isYear(fiscalYear) ? fiscalYear : undefined,
    },
    enabled,
  );
  if (!enabled) return null;
  const needsJustification =
    data?.budget &&
    status !== 'planned' &&
    typeof requested === 'number' &&
    requested > data.budget.remaining_cents &&
    !(typeof justification === 'string' && justification.trim());
  const date = (iso: string) => formatDate(iso, dateLocale(locale));
  return (
    <Box component="section" sx={{ my: 1, p: 2, border: 1, borderColor: 'divider', borderRadius: 1 }}>
      <Typography component="h2" variant="subtitle1" sx={{ fontWeight: 600 }}>
        {translate('app.funding.usage_of_earlier')}
      </Typography>
      <Typography variant="body2" color="text.secondary" gutterBottom>
        {translate('app.funding.usage_hint')} {translate('app.funding.usage_scope')}
      </Typography>
      {error && <Alert severity="error">{error.message}</Alert>}
      {data && data.tranches.length === 0 && (
        <Typography variant="body2">{translate('app.funding.no_earlier')}</Typography>
      )}
      {data && data.tranches.length > 0 && (
        <Box sx={{ overflowX: 'auto', contain: 'inline-size' }}>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.funding.col_code')}</TableCell>
                <TableCell>{translate('app.funding.col_received_on')}</TableCell>
                <TableCell align="right">{translate('app.funding.col_received')}</TableCell>
                <TableCell align="right">{translate('app.funding.col_paid')}</TableCell>
                <TableCell align="right">{translate('app.funding.unspent')}</TableCell>
                <TableCell align="right">{translate('app.funding.col_used')}</TableCell>
                <TableCell>{translate('app.funding.spend_deadline')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.tranches.map((t) => (
                <TableRow key={t.id}>
                  <TableCell>
                    {t.fiscal_year}/{t.number}
                  </TableCell>
                  <TableCell>{date(t.received_on)}</TableCell>
                  <TableCell align="right">{formatEuro(t.received_cents)}</TableCell>
                  <TableCell align="right">{formatEuro(t.spent_cents)}</TableCell>
                  <TableCell align="right">
                    {t.status === 'settled' ? translate('app.funding.settled') : formatEuro(t.unspent_cents)}
                  </TableCell>
                  <TableCell align="right">{t.used_bp === null ? '—' : formatPercentBp(t.used_bp)}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {date(t.spend_deadline)}{' '}
                    {t.status === 'received' && t.unspent_cents > 0 && t.days_left <= 14 && (
                      <DeadlineChip daysLeft={t.days_left} />
                    )}
                  </TableCell>
                </TableRow>
              ))}
              <TableRow sx={{ '& td': { fontWeight: 700 } }}>
                <TableCell colSpan={2}>{translate('app.funding.total')}</TableCell>
                <TableCell align="right">{formatEuro(data.totals.received_cents)}</TableCell>
                <TableCell align="right">{formatEuro(data.totals.spent_cents)}</TableCell>
                <TableCell align="right">{formatEuro(data.totals.unspent_cents)}</TableCell>
                <TableCell align="right">
                  {data.totals.used_bp === null ? '—' : formatPercentBp(data.totals.used_bp)}
                </TableCell>
                <TableCell />
              </TableRow>
            </TableBody>
          </Table>
        </Box>
      )}
      {data?.budget && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          {translate('app.funding.year_budget', {
            year: data.budget.fiscal_year,
            amount: formatEuro(data.budget.remaining_cents),
            approved: formatEuro(data.budget.approved_cents),
          })}
        </Typography>
      )}
      {needsJustification ? (
        <Alert severity="warning" sx={{ mt: 1 }}>
          {translate('app.funding.justification_required')}
        </Alert>
      ) : (
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
          {translate('resources.tranches.fields.justification')}:{' '}
          {translate('app.funding.justification_hint')}
        </Typography>
      )}
    </Box>
  );
}

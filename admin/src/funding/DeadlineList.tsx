import { Chip, Link as MuiLink, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useCreatePath, useLocaleState, useTranslate } from 'react-admin';
import { Link } from 'react-router';
import { formatDate } from '../common/dates';
import { formatEuro } from '../common/money';
import { dateLocale } from '../i18n';
import type { DeadlineItem } from './api';
import { DeadlineChip } from './DeadlineChip';
import { deadlineStatus } from './deadlineStatus';

const ROW_SX = { error: { backgroundColor: '#fdecea' }, warning: { backgroundColor: '#fff4e5' }, info: {} };

/** Deadlines as a table: status, due date, kind, subject (linked to its record) and the amount at stake. */
export function DeadlineList({ items, compact = false }: { items: DeadlineItem[]; compact?: boolean }) {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const [locale] = useLocaleState();
  return (
    <Table size="small" aria-label={translate('app.funding.deadlines')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.funding.col_status')}</TableCell>
          <TableCell>{translate('app.funding.col_due')}</TableCell>
          {!compact && <TableCell>{translate('app.funding.col_kind')}</TableCell>}
          <TableCell>{translate('app.funding.col_subject')}</TableCell>
          <TableCell align="right">{translate('app.funding.amount_at_stake')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {items.map((item) => (
          <TableRow
            key={`${item.kind}-${item.record_id}`}
            sx={ROW_SX[deadlineStatus(item.days_left).severity]}
          >
            <TableCell>
              <DeadlineChip daysLeft={item.days_left} />
            </TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDate(item.due_on, dateLocale(locale))}</TableCell>
            {!compact && <TableCell>{translate(`app.funding.${item.kind}`)}</TableCell>}
            <TableCell>
              <MuiLink
                component={Link}
                to={createPath({ resource: item.resource, id: item.record_id, type: 'show' })}
                underline="hover"
              >
                {item.label}
              </MuiLink>
              {item.proof_state && (
                <Chip
                  size="small"
                  variant="outlined"
                  color={item.proof_state === 'issued' ? 'success' : 'default'}
                  label={translate(`app.proof.report_state.${item.proof_state}`)}
                  sx={{ ml: 1 }}
                />
              )}
            </TableCell>
            <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
              {formatEuro(item.amount_cents)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

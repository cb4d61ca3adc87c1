import ArchiveIcon from '@mui/icons-material/Archive';
import DownloadIcon from '@mui/icons-material/Download';
import {
  Alert,
  Box,
  Button,
  Chip,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useCreate, useDataProvider, useNotify, usePermissions, useTranslate, useUpdate } from 'react-admin';
import type { Role } from '../../../api/domain';
import type { ProofOfUse, ProofRow } from '../../../api/features/proof_of_use/contract';
import { can } from '../auth/access';
import { formatDate } from '../common/dates';
import { formatEuro } from '../common/money';
import { queryString, useFundingApi } from '../funding/api';
import { GrantYearPicker, ReportBody, useGrantYear } from '../funding/GrantYearPicker';
import { ReportFrame } from '../funding/ReportFrame';
import { signedPercent } from './PlanVsActualPage';

const pct = (bp: number | null) => (bp === null ? '—' : signedPercent(bp).replace(/^[+±]/, ''));

function NumericTable({ title, rows, total }: { title: string; rows: ProofRow[]; total: ProofRow }) {
  const translate = useTranslate();
  return (
    <Table size="small" aria-label={title} sx={{ mb: 2 }}>
      <TableHead>
        <TableRow>
          <TableCell>{title}</TableCell>
          <TableCell align="right">{translate('app.proof.col_plan')}</TableCell>
          <TableCell align="right">%</TableCell>
          <TableCell align="right">{translate('app.proof.col_accounts')}</TableCell>
          <TableCell align="right">%</TableCell>
          <TableCell align="right">{translate('app.proof.difference')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {[...rows, total].map((r, i) => (
          <TableRow key={r.key} sx={i === rows.length ? { '& td': { fontWeight: 700 } } : undefined}>
            <TableCell>{r.label}</TableCell>
            <TableCell align="right">{formatEuro(r.planned_cents)}</TableCell>
            <TableCell align="right">{pct(r.planned_bp)}</TableCell>
            <TableCell align="right">{formatEuro(r.actual_cents)}</TableCell>
            <TableCell align="right">{pct(r.actual_bp)}</TableCell>
            <TableCell align="right">{formatEuro(r.difference_cents)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Introduction and conclusion of a draft, and "Ausstellen" (freezes the proof; a new version can follow). */
function DraftTexts({ proof, grantId }: { proof: ProofOfUse; grantId: number }) {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const { permissions } = usePermissions<Role>();
  const dataProvider = useDataProvider();
  const [intro, setIntro] = useState(proof.introduction ?? '');
  const [outro, setOutro] = useState(proof.conclusion ?? '');
  const [create] = useCreate();
  const [update] = useUpdate();
  const issued = proof.report?.status === 'issued';
  const writable = can(permissions, 'proof_reports', 'write');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['funding'] });
  const save = async (status: 'draft' | 'issued') => {
    const data = { introduction: intro || null, conclusion: outro || null, status };
    const key = { grant_id: grantId, kind: proof.kind, fiscal_year: proof.fiscal_year };
    try {
      if (proof.report && proof.report.status === 'draft') {
        const { data: current } = await dataProvider.getOne('proof_reports', { id: proof.report.id });
        await update(
          'proof_reports',
          { id: proof.report.id, data: { ...data, version: current.version } },
          { returnPromise: true },
        );
      } else await create('proof_reports', { data: { ...key, ...data } }, { returnPromise: true });
      notify(status === 'issued' ? 'app.proof.issued_done' : 'app.proof.saved', { type: 'success' });
      await refresh();
    } catch (e) {
      notify(e instanceof Error ? e.message : 'app.errors.server', { type: 'error' });
    }
  };
  if (issued)
    return (
      <Alert
        severity="success"
        sx={{ mb: 2 }}
        action={
          writable ? (
            <Button onClick={() => save('draft')}>{translate('app.proof.new_version')}</Button>
          ) : undefined
        }
      >
        {translate('app.proof.issued_info', {
          version: proof.report!.version_no,
          date: formatDate(proof.report!.issued_on),
          by: proof.report!.issued_by ?? '—',
        })}
      </Alert>
    );
  return (
    <Box sx={{ mb: 2 }}>
      <TextField
        label={translate('app.proof.introduction')}
        value={intro}
        onChange={(e) => setIntro(e.target.value)}
        multiline
        minRows={3}
        fullWidth
        disabled={!writable}
        sx={{ mb: 2 }}
      />
      <TextField
        label={translate('app.proof.conclusion')}
        value={outro}
        onChange={(e) => setOutro(e.target.value)}
        multiline
        minRows={3}
        fullWidth
        disabled={!writable}
        sx={{ mb: 1 }}
      />
      {writable && (
        <Stack direction="row" sx={{ gap: 1 }}>
          <Button variant="outlined" onClick={() => save('draft')}>
            {translate('app.proof.save_draft')}
          </Button>
          <Button variant="contained" onClick={() => save('issued')}>
            {translate('app.proof.issue')}
          </Button>
        </Stack>
      )}
    </Box>
  );
}

/** "Verwendungsnachweis": pick grant, kind and year, read the draft, add the texts, issue, download the pack. */
export default function ProofOfUsePage() {
  const translate = useTranslate();
  const gy = useGrantYear(['kind']);
  const kind = gy.search.get('kind') === 'final' ? 'final' : 'interim';
  const year = kind === 'interim' ? (gy.year === '' ? new Date().getFullYear() - 1 : gy.year) : undefined;
  const params = { grant_id: gy.grant?.id, kind, fiscal_year: year };
  const proof = useFundingApi<ProofOfUse>('reports/proof-of-use', params, gy.grant !== undefined);
  const href = (ext: string) => `/api/reports/proof-of-use.${ext}?${queryString(params)}`;
  return (
    <ReportFrame
      title="app.menu.proof_of_use"
      controls={
        <>
          <TextField
            select
            size="small"
            label={translate('app.proof.kind')}
            value={kind}
            onChange={(e) =>
              gy.set({ kind: e.target.value, fiscal_year: e.target.value === 'final' ? undefined : year })
            }
            sx={{ width: 220 }}
          >
            <MenuItem value="interim">{translate('app.proof.interim')}</MenuItem>
            <MenuItem value="final">{translate('app.proof.final')}</MenuItem>
          </TextField>
          <GrantYearPicker state={{ ...gy, year: year ?? '' }} yearRequired />
        </>
      }
      downloads={
        gy.grant && (
          <>
            <Button variant="contained" startIcon={<ArchiveIcon />} href={href('zip')}>
              {translate('app.proof.download_zip')}
            </Button>
            <Button variant="outlined" startIcon={<DownloadIcon />} href={href('pdf')}>
              PDF
            </Button>
            <Button variant="outlined" startIcon={<DownloadIcon />} href={href('xlsx')}>
              Excel
            </Button>
          </>
        )
      }
    >
      <ReportBody state={gy} query={proof}>
        {(p) => (
          <>
            <Stack direction="row" sx={{ gap: 1, mb: 2, alignItems: 'center' }}>
              <Chip
                color={p.report?.status === 'issued' ? 'success' : 'default'}
                label={translate(
                  p.report?.status === 'issued' ? 'app.proof.state_issued' : 'app.proof.state_draft',
                )}
              />
              <Typography variant="body2" color="text.secondary">
                {formatDate(p.period_start)} – {formatDate(p.period_end)}
              </Typography>
            </Stack>
            <Typography component="h2" variant="h6">
              {translate('app.proof.narrative')}
            </Typography>
            <DraftTexts
              key={`${p.report?.id ?? 'new'}-${p.report?.status ?? ''}`}
              proof={p}
              grantId={Number(gy.grant!.id)}
            />
            {p.narrative.map((m) => (
              <Box key={m.measure_id} sx={{ mb: 1.5 }}>
                <Typography variant="subtitle2">
                  {m.code} {m.title} · {translate(`app.enums.status.${m.status}`)} · {m.progress} %
                </Typography>
                <Typography variant="body2" component="ul" sx={{ my: 0 }}>
                  {m.milestones_reached.map((ms) => (
                    <li key={`r-${ms.title}`}>
                      {translate('app.proof.reached', {
                        title: ms.title,
                        date: formatDate(ms.completed_on),
                      })}
                    </li>
                  ))}
                  {m.milestones_slipped.map((ms) => (
                    <li key={`s-${ms.title}`}>
                      {translate('app.proof.slipped', { title: ms.title, days: ms.days })}
                    </li>
                  ))}
                  {m.spending
                    .filter((s) => s.over_20)
                    .map((s) => (
                      <li key={s.cost_category}>
                        {translate(`app.enums.cost_category.${s.cost_category}`)}:{' '}
                        {formatEuro(s.actual_cents)} / {formatEuro(s.planned_cents)}{' '}
                        {s.note ? `– ${s.note}` : ''}
                      </li>
                    ))}
                  {m.transfers.map((t, i) => (
                    <li key={`t-${i}`}>
                      {translate('app.proof.transfer', {
                        recipient: t.recipient,
                        amount: formatEuro(t.amount_cents),
                      })}{' '}
                      ({translate(`app.proof.proof_state.${t.proof_state}`)})
                    </li>
                  ))}
                </Typography>
              </Box>
            ))}
            <Typography component="h2" variant="h6" sx={{ mt: 2 }}>
              {translate('app.proof.numeric')}
            </Typography>
            <NumericTable
              title={translate('app.proof.income')}
              rows={p.numeric.income}
              total={p.numeric.total}
            />
            <NumericTable
              title={translate('app.proof.spending')}
              rows={p.numeric.spending}
              total={p.numeric.total}
            />
            <Typography variant="body2">
              {translate('app.proof.receipts_summary', {
                count: p.receipts.count,
                total: formatEuro(p.receipts.total_cents),
              })}
            </Typography>
          </>
        )}
      </ReportBody>
    </ReportFrame>
  );
}

import {
  Alert,
  Autocomplete,
  Box,
  Button,
  LinearProgress,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableFooter,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useMemo, useState } from 'react';
import {
  HttpError,
  useDataProvider,
  useGetList,
  useNotify,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { COST_CATEGORIES } from '../../../api/domain';
import { useCan } from '../auth/useCan';
import { formatEuro, formatHundredths, formatPercentBp } from '../common/money';
import { useSaveErrorHandler } from '../common/useSaveErrorHandler';
import {
  cellKey,
  invalidCells,
  pivotLines,
  planWrites,
  rowSum,
  writeCount,
  yearChecks,
  yearSums,
  type CellEdits,
  type CostCategory,
  type PlanLine,
  type PlanRow,
  type RowKey,
} from './planGrid';

interface MeasureRecord extends RaRecord {
  code: string;
  title: string;
}

const ALL = { page: 1, perPage: 1000 };

/**
 * "Finanzierungsplan" of a grant: measure × cost category rows, one column per fiscal year, typed in German
 * notation; sums per year checked against the approved grant of the year. Saved cell by cell through the
 * dataProvider (updates carry the version read, so a stale one is refused with 409). Read-only without write right.
 */
export function FinancingPlanTab() {
  const grant = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const onError = useSaveErrorHandler();
  const dataProvider = useDataProvider();
  const editable = useCan('budget_lines', 'write');
  const filter = { grant_id: grant?.id };
  const lines = useGetList<PlanLine & RaRecord>(
    'budget_lines',
    { filter, pagination: ALL, sort: { field: 'fiscal_year', order: 'ASC' } },
    { enabled: !!grant },
  );
  const grantYears = useGetList<RaRecord & { fiscal_year: number; approved_cents: number }>(
    'grant_years',
    { filter, pagination: ALL, sort: { field: 'fiscal_year', order: 'ASC' } },
    { enabled: !!grant },
  );
  const measures = useGetList<MeasureRecord>('measures', {
    pagination: ALL,
    sort: { field: 'code', order: 'ASC' },
  });
  const [edits, setEdits] = useState<CellEdits>({});
  const [added, setAdded] = useState<RowKey[]>([]);
  const [saving, setSaving] = useState(false);

  const measureList = useMemo(() => measures.data ?? [], [measures.data]);
  const rows = useMemo(
    () =>
      pivotLines(
        lines.data ?? [],
        added,
        measureList.map((m) => m.id as number),
      ),
    [lines.data, added, measureList],
  );
  // The grant's fiscal years, and any year a line was stored for (its approved amount then counts as 0).
  const planYears = useMemo(() => {
    const approved = new Map((grantYears.data ?? []).map((y) => [y.fiscal_year, y.approved_cents]));
    for (const l of lines.data ?? []) if (!approved.has(l.fiscal_year)) approved.set(l.fiscal_year, 0);
    return [...approved]
      .sort(([a], [b]) => a - b)
      .map(([fiscal_year, approved_cents]) => ({ fiscal_year, approved_cents }));
  }, [grantYears.data, lines.data]);

  if (!grant) return null;
  if (lines.isPending || grantYears.isPending || measures.isPending) return <LinearProgress />;
  if (lines.error || grantYears.error || measures.error)
    return <Alert severity="error">{translate('app.errors.server')}</Alert>;

  const years = planYears.map((y) => y.fiscal_year);
  const rateBp = grant.funding_rate_bp as number;
  const sums = yearSums(rows, years, edits);
  const checks = yearChecks(sums, planYears, rateBp);
  const total = years.reduce((s, y) => s + (sums[y] ?? 0), 0);
  const invalid = new Set(invalidCells(edits));
  const writes = planWrites(rows, edits);
  const measureById = new Map(measureList.map((m) => [m.id as number, m]));
  const category = (c: string) => translate(`app.enums.cost_category.${c}`);
  const rowLabel = (row: PlanRow) =>
    `${measureById.get(row.measure_id)?.code ?? row.measure_id} ${category(row.cost_category)}`;

  const save = async () => {
    setSaving(true);
    try {
      for (const c of writes.create)
        await dataProvider.create('budget_lines', { data: { grant_id: grant.id, ...c } });
      for (const { line, planned_cents } of writes.update)
        await dataProvider.update('budget_lines', {
          id: line.id,
          data: { planned_cents, version: line.version },
          previousData: line,
        });
      for (const line of writes.remove)
        await dataProvider.delete('budget_lines', { id: line.id, previousData: line });
      setEdits({});
      setAdded([]);
      notify('app.plan.saved', { type: 'success' });
    } catch (error) {
      // Field errors of the API (e.g. a year outside the period) have no field here: show them as the message.
      const fieldErrors =
        error instanceof HttpError
          ? (error.body as { errors?: Record<string, string> } | null)?.errors
          : null;
      const first = fieldErrors ? Object.values(fieldErrors)[0] : undefined;
      if (first) notify(first, { type: 'error', messageArgs: { _: first } });
      else onError(error);
    } finally {
      // What was stored is read back; the typed cells stay, so nothing typed is lost and stored cells write nothing.
      await lines.refetch();
      setSaving(false);
    }
  };

  return (
    <Box component="section" sx={{ width: '100%' }} aria-label={translate('app.plan.title')}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('app.plan.explain', { rate: formatPercentBp(rateBp) })}
      </Typography>
      {checks
        .filter((c) => c.excess_cents > 0)
        .map((c) => (
          <Alert
            key={c.fiscal_year}
            severity="warning"
            sx={{ mb: 1 }}
            data-testid={`plan-over-${c.fiscal_year}`}
          >
            {translate('app.plan.over', {
              year: c.fiscal_year,
              planned: formatEuro(c.planned_cents),
              rate: formatPercentBp(rateBp),
              federal: formatEuro(c.federal_cents),
              approved: formatEuro(c.approved_cents),
              excess: formatEuro(c.excess_cents),
            })}
          </Alert>
        ))}
      {!years.length ? (
        <Alert severity="info">{translate('app.plan.no_years')}</Alert>
      ) : (
        <Box sx={{ overflowX: 'auto', contain: 'inline-size' }}>
          <Table size="small" aria-label={translate('app.plan.title')}>
            <TableHead>
              <TableRow>
                <TableCell sx={STICKY_CELL}>
                  {translate('resources.budget_lines.fields.measure_id')}
                </TableCell>
                <TableCell>{translate('resources.budget_lines.fields.cost_category')}</TableCell>
                {years.map((y) => (
                  <TableCell key={y} align="right">
                    {y}
                  </TableCell>
                ))}
                <TableCell align="right">{translate('app.plan.sum')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {!rows.length && (
                <TableRow>
                  <TableCell colSpan={years.length + 3}>
                    <Typography variant="body2" color="text.secondary" sx={{ py: 2 }}>
                      {translate(editable ? 'app.plan.empty_editable' : 'app.plan.empty')}
                    </Typography>
                  </TableCell>
                </TableRow>
              )}
              {rows.map((row) => {
                const measure = measureById.get(row.measure_id);
                return (
                  <TableRow key={row.key} hover>
                    <TableCell sx={STICKY_CELL}>
                      <strong>{measure?.code}</strong>{' '}
                      <Typography component="span" variant="body2" color="text.secondary">
                        {measure?.title}
                      </Typography>
                    </TableCell>
                    <TableCell>{category(row.cost_category)}</TableCell>
                    {years.map((y) => {
                      const key = cellKey(row, y);
                      const stored = row.cells[y]?.planned_cents;
                      const label = translate('app.plan.cell', { row: rowLabel(row), year: y });
                      return (
                        <TableCell key={y} align="right" sx={{ whiteSpace: 'nowrap' }}>
                          {editable ? (
                            <TextField
                              size="small"
                              variant="standard"
                              value={edits[key] ?? (stored === undefined ? '' : formatHundredths(stored))}
                              onChange={(e) => setEdits((prev) => ({ ...prev, [key]: e.target.value }))}
                              error={invalid.has(key)}
                              helperText={
                                invalid.has(key) ? translate('app.errors.invalid_money') : undefined
                              }
                              disabled={saving}
                              sx={{ width: 112 }}
                              slotProps={{
                                htmlInput: {
                                  inputMode: 'decimal',
                                  'aria-label': label,
                                  style: { textAlign: 'right' },
                                },
                              }}
                            />
                          ) : stored === undefined ? (
                            '—'
                          ) : (
                            formatEuro(stored)
                          )}
                        </TableCell>
                      );
                    })}
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      {formatEuro(rowSum(row, years, edits))}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
            <TableFooter>
              <SumRow
                label={translate('app.plan.sum')}
                values={years.map((y) => sums[y] ?? 0)}
                total={total}
                testId="plan-sums"
              />
              <SumRow
                label={translate('app.plan.federal', { rate: formatPercentBp(rateBp) })}
                values={checks.map((c) => c.federal_cents)}
                total={checks.reduce((s, c) => s + c.federal_cents, 0)}
                over={checks.map((c) => c.excess_cents > 0)}
              />
              <SumRow
                label={translate('app.plan.approved')}
                values={checks.map((c) => c.approved_cents)}
                total={checks.reduce((s, c) => s + c.approved_cents, 0)}
              />
            </TableFooter>
          </Table>
        </Box>
      )}
      {editable && years.length > 0 && (
        <>
          <AddRow measures={measureList} onAdd={(k) => setAdded((prev) => [...prev, k])} />
          <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
            <Button
              variant="contained"
              onClick={save}
              disabled={saving || invalid.size > 0 || writeCount(writes) === 0}
            >
              {translate('app.plan.save')}
            </Button>
            <Button onClick={() => setEdits({})} disabled={saving || !Object.keys(edits).length}>
              {translate('app.plan.discard')}
            </Button>
          </Stack>
        </>
      )}
    </Box>
  );
}

// With seven or more years the grid scrolls sideways; the measure column stays in view.
const STICKY_CELL = {
  position: 'sticky',
  left: 0,
  zIndex: 1,
  bgcolor: 'background.paper',
  // The row's hover tint, laid over the opaque background that hides the cells scrolling beneath.
  '.MuiTableRow-hover:hover > &': {
    backgroundImage: 'linear-gradient(rgba(0, 0, 0, 0.04), rgba(0, 0, 0, 0.04))',
  },
  minWidth: 180,
  maxWidth: 240,
} as const;

// Footer cells print small and grey by default; the sums are the point of the grid.
const SUM_CELL = { fontWeight: 600, fontSize: '0.875rem', color: 'text.primary' } as const;

function SumRow({
  label,
  values,
  total,
  over,
  testId,
}: {
  label: string;
  values: number[];
  total: number;
  over?: boolean[];
  testId?: string;
}) {
  return (
    <TableRow data-testid={testId}>
      <TableCell sx={{ ...SUM_CELL, ...STICKY_CELL }}>{label}</TableCell>
      <TableCell />
      {values.map((v, i) => (
        <TableCell
          key={i}
          align="right"
          sx={{ ...SUM_CELL, whiteSpace: 'nowrap', color: over?.[i] ? 'error.main' : SUM_CELL.color }}
        >
          {formatEuro(v)}
        </TableCell>
      ))}
      <TableCell align="right" sx={{ ...SUM_CELL, whiteSpace: 'nowrap' }}>
        {formatEuro(total)}
      </TableCell>
    </TableRow>
  );
}

/** Pickers of a new row: the measure and the cost category; the row is stored once a cell is filled and saved. */
function AddRow({ measures, onAdd }: { measures: MeasureRecord[]; onAdd: (k: RowKey) => void }) {
  const translate = useTranslate();
  const [measure, setMeasure] = useState<MeasureRecord | null>(null);
  const [cat, setCat] = useState<CostCategory | ''>('');
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ mt: 2 }} alignItems="center">
      <Autocomplete
        options={measures}
        value={measure}
        onChange={(_, m) => setMeasure(m)}
        getOptionLabel={(m) => `${m.code} ${m.title}`}
        isOptionEqualToValue={(a, b) => a.id === b.id}
        sx={{ minWidth: 320 }}
        renderInput={(params) => (
          <TextField {...params} size="small" label={translate('resources.budget_lines.fields.measure_id')} />
        )}
      />
      <TextField
        select
        size="small"
        label={translate('resources.budget_lines.fields.cost_category')}
        value={cat}
        onChange={(e) => setCat(e.target.value as CostCategory)}
        sx={{ minWidth: 200 }}
      >
        {COST_CATEGORIES.map((c) => (
          <MenuItem key={c} value={c}>
            {translate(`app.enums.cost_category.${c}`)}
          </MenuItem>
        ))}
      </TextField>
      <Button
        sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}
        disabled={!measure || !cat}
        onClick={() => {
          if (!measure || !cat) return;
          onAdd({ measure_id: measure.id as number, cost_category: cat });
          setMeasure(null);
          setCat('');
        }}
      >
        {translate('app.plan.add_row')}
      </Button>
    </Stack>
  );
}

import { Box, Stack } from '@mui/material';
import { Labeled, useRecordContext } from 'react-admin';
import { MoneyField } from '../common/MoneyField';
import { ProgressBar } from '../common/ProgressBar';
import { RelatedList } from '../common/RelatedList';
import { ExpenditureTable } from '../expenditures/ExpenditureTable';
import { TrancheTable } from '../tranches/TrancheTable';

/** Budget against spending, then the measure's tranches and expenditures. */
export function MeasureFinance() {
  const record = useRecordContext();
  const budget = Number(record?.budget_cents ?? 0);
  const spent = Number(record?.spent_cents ?? 0);
  return (
    <Stack spacing={3} sx={{ width: '100%' }}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={4}>
        <Labeled source="budget_cents">
          <MoneyField source="budget_cents" />
        </Labeled>
        <Labeled source="spent_cents">
          <MoneyField source="spent_cents" />
        </Labeled>
        <Box sx={{ minWidth: 240 }}>
          <Labeled label="app.finance.budget_used">
            <ProgressBar value={budget > 0 ? (spent * 100) / budget : 0} name="app.finance.budget_used" />
          </Labeled>
        </Box>
      </Stack>
      <RelatedList title="resources.tranches.name" reference="tranches" target="measure_id" creatable>
        <TrancheTable related="measure_id" />
      </RelatedList>
      <RelatedList title="resources.expenditures.name" reference="expenditures" target="measure_id" creatable>
        <ExpenditureTable related="measure_id" />
      </RelatedList>
    </Stack>
  );
}

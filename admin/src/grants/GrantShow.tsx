import { Show, TabbedShowLayout, TextField } from 'react-admin';
import { DateField } from '../common/DateField';
import { EnumField } from '../common/EnumField';
import { FieldGrid } from '../common/FieldGrid';
import { MoneyField } from '../common/MoneyField';
import { PercentField } from '../common/PercentField';
import { PluralName } from '../common/PluralName';
import { RelatedList } from '../common/RelatedList';
import { ExpenditureTable } from '../expenditures/ExpenditureTable';
import { GrantYearTable } from '../grant_years/GrantYearTable';
import { TrancheTable } from '../tranches/TrancheTable';
import { TransferTable } from '../transfers/TransferTable';

const byGrant = (r: { id: unknown }) => ({ grant_id: r.id });

/** A funding decision with its fiscal years, tranches, expenditures and transfers. */
export default function GrantShow() {
  return (
    <Show>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="app.measure_tabs.overview">
          <FieldGrid wide={['notes']}>
            <TextField source="programme" />
            <TextField source="funder" />
            <TextField source="file_number" />
            <TextField source="phase" />
            <DateField source="committed_on" />
            <DateField source="period_start" />
            <DateField source="period_end" />
            <MoneyField source="eligible_cents" />
            <PercentField source="funding_rate_bp" />
            <MoneyField source="approved_cents" />
            <EnumField source="spend_rule" />
            <DateField source="proof_due_on" />
            <TextField source="notes" emptyText="—" />
          </FieldGrid>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label={<PluralName resource="grant_years" />} path="jahre">
          <RelatedList reference="grant_years" target="grant_id" createDefaults={byGrant}>
            <GrantYearTable related="grant_id" />
          </RelatedList>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label={<PluralName resource="tranches" />} path="mittelabrufe">
          <RelatedList reference="tranches" target="grant_id" createDefaults={byGrant}>
            <TrancheTable related="grant_id" />
          </RelatedList>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label={<PluralName resource="expenditures" />} path="ausgaben">
          <RelatedList reference="expenditures" target="grant_id" createDefaults={byGrant}>
            <ExpenditureTable related="grant_id" />
          </RelatedList>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label={<PluralName resource="transfers" />} path="weiterleitungen">
          <RelatedList reference="transfers" target="grant_id" createDefaults={byGrant}>
            <TransferTable related="grant_id" />
          </RelatedList>
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
}

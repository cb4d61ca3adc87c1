import { Show, TabbedShowLayout, TextField } from 'react-admin';
import { FinancingPlanTab } from '../budget_lines/FinancingPlanTab';
import { DateField } from '../common/DateField';
import { EnumField } from '../common/EnumField';
import { FieldGrid } from '../common/FieldGrid';
import { MoneyField } from '../common/MoneyField';
import { PercentField } from '../common/PercentField';
import { PluralName } from '../common/PluralName';
import { RelatedList } from '../common/RelatedList';
import { documentsTab } from '../documents/DocumentsTab';
import { ExpenditureTable } from '../expenditures/ExpenditureTable';
import { GrantYearTable } from '../grant_years/GrantYearTable';
import { TrancheTable } from '../tranches/TrancheTable';
import { TransferTable } from '../transfers/TransferTable';

/** The records that belong to a grant, one tab each (path in German, as in the address bar). */
const RELATED = [
  { reference: 'grant_years', path: 'jahre', Table: GrantYearTable },
  { reference: 'tranches', path: 'mittelabrufe', Table: TrancheTable },
  { reference: 'expenditures', path: 'ausgaben', Table: ExpenditureTable },
  { reference: 'transfers', path: 'weiterleitungen', Table: TransferTable },
];

/** A funding decision with its financing plan, fiscal years, tranches, expenditures and transfers. */
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
        <TabbedShowLayout.Tab label={<PluralName resource="budget_lines" />} path="finanzierungsplan">
          <FinancingPlanTab />
        </TabbedShowLayout.Tab>
        {RELATED.map(({ reference, path, Table }) => (
          <TabbedShowLayout.Tab key={reference} label={<PluralName resource={reference} />} path={path}>
            <RelatedList reference={reference} target="grant_id" creatable>
              <Table related="grant_id" />
            </RelatedList>
          </TabbedShowLayout.Tab>
        ))}
        {documentsTab('grants')}
      </TabbedShowLayout>
    </Show>
  );
}

import { Show, TabbedShowLayout, TextField } from 'react-admin';
import { AuditTable } from '../audit_entries/AuditTable';
import { useCan } from '../auth/useCan';
import { DateField } from '../common/DateField';
import { documentsTab } from '../documents/DocumentsTab';
import { EnumField } from '../common/EnumField';
import { FieldGrid } from '../common/FieldGrid';
import { HealthLight } from '../common/HealthLight';
import { MoneyField } from '../common/MoneyField';
import { ProgressBar } from '../common/ProgressBar';
import { MunicipalityChips, RefField } from '../common/RefFields';
import { RelatedList } from '../common/RelatedList';
import { ContactTable } from '../contacts/ContactTable';
import { ImpactTab } from '../indicators/ImpactTab';
import { MeasurePartnerTable } from '../measure_partners/MeasurePartnerTable';
import { MeasureFinance } from './MeasureFinance';
import { MeasureMilestones } from './MeasureMilestones';
import { MeasureShowActions } from './MeasureShowActions';
import { SuggestedHealth } from './SuggestedHealth';

/** A measure's detail page; tabs the role may not read (finance, contacts, history) are left out. */
export default function MeasureShow() {
  const finance = useCan('expenditures');
  const contacts = useCan('contacts');
  const history = useCan('audit_entries');
  return (
    <Show actions={<MeasureShowActions />}>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="app.measure_tabs.overview">
          <FieldGrid wide={['title', 'summary', 'health_note', 'municipality_ids']}>
            <TextField source="code" />
            <TextField source="title" />
            <TextField source="summary" emptyText="—" />
            <RefField source="field_of_action_id" />
            <EnumField source="target_picture" />
            <EnumField source="phase" />
            <EnumField source="status" />
            <HealthLight source="health" />
            <SuggestedHealth source="suggested_health" label="app.dashboard.suggested_health" />
            <TextField source="health_note" emptyText="—" />
            <ProgressBar source="progress" />
            <RefField source="owner_id" />
            <RefField source="lead_municipality_id" emptyText="app.common.county_wide" />
            <MunicipalityChips source="municipality_ids" />
            <DateField source="start_date" />
            <DateField source="end_date" />
            <MoneyField source="budget_cents" />
            <TextField source="cost_object" emptyText="—" />
            <DateField source="next_milestone_due" />
          </FieldGrid>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="app.measure_tabs.milestones" path="meilensteine">
          <MeasureMilestones />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="app.measure_tabs.impact" path="wirkung">
          <ImpactTab />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="app.measure_tabs.partners" path="partner">
          <RelatedList reference="measure_partners" target="measure_id" creatable>
            <MeasurePartnerTable related="measure_id" />
          </RelatedList>
        </TabbedShowLayout.Tab>
        {documentsTab('measures')}
        {finance && (
          <TabbedShowLayout.Tab label="app.measure_tabs.funding" path="finanzen">
            <MeasureFinance />
          </TabbedShowLayout.Tab>
        )}
        {contacts && (
          <TabbedShowLayout.Tab label="app.measure_tabs.contacts" path="kontakte">
            <RelatedList reference="contacts" target="measure_ids">
              <ContactTable />
            </RelatedList>
          </TabbedShowLayout.Tab>
        )}
        {history && (
          <TabbedShowLayout.Tab label="app.measure_tabs.history" path="verlauf">
            <RelatedList reference="audit_entries" target="measure_id">
              <AuditTable related="measure_id" mixed />
            </RelatedList>
          </TabbedShowLayout.Tab>
        )}
      </TabbedShowLayout>
    </Show>
  );
}

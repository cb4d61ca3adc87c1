import { DataTable } from 'react-admin';
import { MoneyCol } from '../common/columns';
import { DateField } from '../common/DateField';
import { EnumField } from '../common/EnumField';
import { ReferenceField, TextField, type RaRecord } from 'react-admin';
import { PaperClip } from '../documents/PaperClip';
import { BookReceiptButton } from './BookReceiptButton';
import { ResourceTable, type TableProps } from '../common/ResourceTable';

/** "B – Umsetzung · Nr. 13": grant and number together, so tranches of two grants never look alike. */
export function GrantAndNumber({ record }: { record: RaRecord }) {
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <ReferenceField record={record} source="grant_id" reference="grants" link={false}>
        <TextField source="phase" />
      </ReferenceField>{' '}
      · Nr. {String(record.number)}
    </span>
  );
}

/** Tranches (Mittelabrufe) with what was requested, received and is still to be spent by when (the measure, rarely set, is on the detail page). */
export function TrancheTable(props: TableProps) {
  return (
    <ResourceTable {...props}>
      <DataTable.Col
        source="grant_id"
        label="app.funding.grant_and_number"
        render={(r: RaRecord) => (
          <>
            <GrantAndNumber record={r} /> <PaperClip record={r} />
          </>
        )}
      />
      <DataTable.Col source="fiscal_year" />
      <DataTable.Col source="status" field={EnumField} />
      <MoneyCol source="requested_cents" />
      <MoneyCol source="received_cents" />
      <DataTable.Col source="spend_deadline" field={DateField} />
      <MoneyCol source="unspent_cents" />
      <DataTable.Col
        source="status"
        label="app.funding.action"
        disableSort
        render={() => <BookReceiptButton />}
      />
    </ResourceTable>
  );
}

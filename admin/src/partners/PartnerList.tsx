import { DataTable, EmailField, TextInput, type RaRecord } from 'react-admin';
import { DateField } from '../common/DateField';
import { EnumField } from '../common/EnumField';
import { EnumInput } from '../common/EnumInput';
import { dateRangeFilters, searchFilter } from '../common/filters';
import { PhoneList } from '../common/PhoneList';
import { ResourceList } from '../common/ResourceList';
import { ResourceTable } from '../common/ResourceTable';

const filters = [
  searchFilter,
  <EnumInput key="sector" source="sector" />,
  <TextInput key="city" source="city" />,
  ...dateRangeFilters('agreement_signed_on'),
];

/** On a phone: the partner's name, with city and contact person below. */
const partnerPhoneList = (
  <PhoneList
    primaryText={(r: RaRecord) => String(r.name)}
    secondaryText={(r: RaRecord) => [r.city, r.contact_person].filter(Boolean).join(' · ')}
  />
);

export default function PartnerList() {
  return (
    <ResourceList filters={filters} phoneList={partnerPhoneList}>
      <ResourceTable>
        <DataTable.Col source="name" />
        <DataTable.Col source="sector" field={EnumField} />
        <DataTable.Col source="contact_person" />
        <DataTable.Col source="email" field={EmailField} disableSort />
        <DataTable.Col source="city" />
        <DataTable.Col source="agreement_signed_on" field={DateField} />
      </ResourceTable>
    </ResourceList>
  );
}

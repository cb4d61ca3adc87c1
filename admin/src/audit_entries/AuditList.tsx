import { NumberInput, SelectInput, useTranslate } from 'react-admin';
import { DateInput } from '../common/DateInput';
import { RESOURCE_NAMES } from '../auth/access';
import { EnumInput } from '../common/EnumInput';
import { RefInput } from '../common/RefInput';
import { ResourceList } from '../common/ResourceList';
import { AuditTable } from './AuditTable';

// The upper bound of a day filter includes that whole day (`at` is a timestamp).
const endOfDay = (value: string) => (value ? `${value}T23:59:59.999` : value);
const dayOf = (value: unknown) => (typeof value === 'string' ? value.slice(0, 10) : '');

export default function AuditList() {
  const translate = useTranslate();
  const resourceChoices = RESOURCE_NAMES.map((name) => ({
    id: name,
    name: translate(`resources.${name}.name`, { smart_count: 2 }),
  }));
  const filters = [
    <SelectInput
      key="resource"
      source="resource"
      choices={resourceChoices}
      translateChoice={false}
      alwaysOn
    />,
    <RefInput key="measure_id" source="measure_id" reference="measures" />,
    <NumberInput key="record_id" source="record_id" />,
    <RefInput key="user_id" source="user_id" reference="users" />,
    <EnumInput key="action" source="action" />,
    <DateInput key="at_gte" source="at_gte" label="app.audit.from" />,
    <DateInput key="at_lte" source="at_lte" label="app.audit.to" parse={endOfDay} format={dayOf} />,
  ];
  return (
    <ResourceList filters={filters}>
      <AuditTable />
    </ResourceList>
  );
}

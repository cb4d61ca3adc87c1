import { useMediaQuery, type Theme } from '@mui/material';
import { BooleanInput, ReferenceField, SimpleList, type RaRecord } from 'react-admin';
import { DateField } from '../common/DateField';
import { EnumInput } from '../common/EnumInput';
import { dateRangeFilters, searchFilter } from '../common/filters';
import { overdueRowSx } from '../common/OverdueChip';
import { RefInput } from '../common/RefInput';
import { ResourceList } from '../common/ResourceList';
import { ContactTable } from './ContactTable';
import { FollowUpField } from './FollowUpField';
import { isFollowUpOverdue } from './followUp';

const filters = [
  searchFilter,
  <RefInput key="municipality_id" source="municipality_id" reference="municipalities" />,
  <EnumInput key="channel" source="channel" />,
  <RefInput key="author_id" source="author_id" reference="users" />,
  <BooleanInput key="follow_up_done" source="follow_up_done" />,
  ...dateRangeFilters('contact_on'),
  ...dateRangeFilters('follow_up_on'),
];

/** On a phone: one line per contact (topic; municipality and date; follow-up) instead of a wide table. */
function ContactPhoneList() {
  return (
    <SimpleList
      primaryText={(r: RaRecord) => String(r.topic)}
      secondaryText={() => (
        <>
          <ReferenceField source="municipality_id" reference="municipalities" link={false} /> ·{' '}
          <DateField source="contact_on" />
        </>
      )}
      tertiaryText={() => <FollowUpField />}
      rowSx={(r: RaRecord) => (isFollowUpOverdue(r) ? overdueRowSx : {})}
    />
  );
}

export default function ContactList() {
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  return <ResourceList filters={filters}>{phone ? <ContactPhoneList /> : <ContactTable />}</ResourceList>;
}

import { Box } from '@mui/material';
import {
  BooleanInput,
  CreateButton,
  ExportButton,
  FilterButton,
  ReferenceField,
  TopToolbar,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { DateField } from '../common/DateField';
import { EnumInput } from '../common/EnumInput';
import { dateRangeFilters, searchFilter } from '../common/filters';
import { overdueRowSx } from '../common/OverdueChip';
import { PhoneList } from '../common/PhoneList';
import { RefInput } from '../common/RefInput';
import { ResourceList } from '../common/ResourceList';
import { ContactTable } from './ContactTable';
import { ImportButton } from '../imports/ImportButton';
import { FollowUpField } from './FollowUpField';
import { isFollowUpOverdue } from './followUp';
import { MyFollowUpsButton } from './MyFollowUpsButton';

const filters = [
  searchFilter,
  <RefInput key="municipality_id" source="municipality_id" reference="municipalities" />,
  <EnumInput key="channel" source="channel" />,
  <RefInput key="author_id" source="author_id" reference="users" />,
  <BooleanInput key="follow_up_done" source="follow_up_done" />,
  ...dateRangeFilters('contact_on'),
  ...dateRangeFilters('follow_up_on'),
];

function ContactListActions() {
  return (
    <TopToolbar sx={{ flexWrap: 'wrap', rowGap: 1 }}>
      <MyFollowUpsButton />
      <FilterButton />
      <CreateButton />
      <ExportButton />
      <ImportButton />
    </TopToolbar>
  );
}

/** The follow-up line of a phone row, labelled so the second date does not read as another contact date. */
function FollowUpLine() {
  const translate = useTranslate();
  return (
    <Box component="span" sx={{ display: 'flex', gap: 0.5, alignItems: 'center', flexWrap: 'wrap' }}>
      {translate('resources.contacts.fields.follow_up_on')}: <FollowUpField />
    </Box>
  );
}

/** On a phone: one entry per contact (topic; municipality and date; follow-up) instead of a wide table. */
function ContactPhoneList() {
  return (
    <PhoneList
      primaryText={(r: RaRecord) => String(r.topic)}
      secondaryText={(r: RaRecord) => (
        <>
          <Box component="span" sx={{ display: 'block' }}>
            <ReferenceField source="municipality_id" reference="municipalities" link={false} /> ·{' '}
            <DateField source="contact_on" />
          </Box>
          {r.follow_up_on ? <FollowUpLine /> : null}
        </>
      )}
      rowSx={(r: RaRecord) => (isFollowUpOverdue(r) ? overdueRowSx : {})}
    />
  );
}

export default function ContactList() {
  return (
    <ResourceList filters={filters} actions={<ContactListActions />} phoneList={<ContactPhoneList />}>
      <ContactTable />
    </ResourceList>
  );
}

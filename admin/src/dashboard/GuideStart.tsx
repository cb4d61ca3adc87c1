import { Grid } from '@mui/material';
import { useState } from 'react';
import { Title, useGetIdentity } from 'react-admin';
import { DateField } from '../common/DateField';
import { todayIso } from '../common/dates';
import { FollowUpActions } from '../contacts/FollowUpActions';
import { FollowUpField } from '../contacts/FollowUpField';
import { ContactLinkList } from './ContactLinkList';
import { MyMunicipalitiesList } from './MyMunicipalitiesList';
import { QuickContactForm, type MunicipalityPick } from './QuickContactForm';
import { StartCard } from './StartCard';
import { useMyMunicipalities, useOpenFollowUps, useRecentContacts } from './useGuideStart';

/** A guide's start page: her municipalities, her open follow-ups, a quick contact log and her last entries. */
export default function GuideStart() {
  const { identity } = useGetIdentity();
  const ids = (identity?.municipality_ids as number[] | undefined) ?? [];
  const today = todayIso();
  const followUps = useOpenFollowUps(ids);
  const municipalities = useMyMunicipalities(ids, followUps.data, today);
  const recent = useRecentContacts(identity?.id as number | undefined);
  const names = Object.fromEntries((municipalities.data ?? []).map((m) => [m.id, m.name]));
  const waiting = ids.length > 0;
  const [picked, setPicked] = useState<MunicipalityPick>();
  const pick = (id: number) => setPicked((p) => ({ id, pick: (p?.pick ?? 0) + 1 }));
  return (
    <Grid container spacing={2} sx={{ mt: 1, mb: 2 }}>
      <Title title="app.menu.my_start" />
      <Grid size={{ xs: 12, md: 6 }}>
        <StartCard
          title="app.guide.my_municipalities"
          isPending={waiting && municipalities.isPending}
          error={municipalities.error}
          isEmpty={!municipalities.ranked?.length}
          emptyText="app.guide.no_municipalities"
        >
          <MyMunicipalitiesList rows={municipalities.ranked ?? []} onPick={pick} />
        </StartCard>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <StartCard title="app.guide.quick_contact">
          <QuickContactForm picked={picked} />
        </StartCard>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <StartCard
          title="app.guide.open_follow_ups"
          isPending={waiting && followUps.isPending}
          error={followUps.error}
          isEmpty={!followUps.data?.length}
          emptyText="app.guide.no_follow_ups"
        >
          <ContactLinkList
            contacts={followUps.data ?? []}
            names={names}
            date={<FollowUpField />}
            // She closes or moves what she wrote; a colleague's follow-up she only opens.
            actions={(c) => (c.author_id === identity?.id ? <FollowUpActions record={c} /> : null)}
          />
        </StartCard>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <StartCard
          title="app.guide.recent_contacts"
          isPending={recent.isPending}
          error={recent.error}
          isEmpty={!recent.data?.length}
          emptyText="app.guide.no_contacts"
        >
          <ContactLinkList
            contacts={recent.data ?? []}
            names={names}
            date={<DateField source="contact_on" />}
          />
        </StartCard>
      </Grid>
    </Grid>
  );
}

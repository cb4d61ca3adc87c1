import { Stack, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { PrivacyLogCard } from './PrivacyLogCard';
import { RetentionCard } from './RetentionCard';
import { SubjectCard } from './SubjectCard';

/** "Datenschutz" (CDO only): retention preview, data-subject requests, the log of both. */
export default function PrivacyPage() {
  const translate = useTranslate();
  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Title title="app.menu.privacy" />
      <Typography component="h1" variant="h5">
        {translate('app.menu.privacy')}
      </Typography>
      <RetentionCard />
      <SubjectCard />
      <PrivacyLogCard />
    </Stack>
  );
}

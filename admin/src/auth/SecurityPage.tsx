import { Stack, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { SecondFactorCard } from './SecondFactorCard';
import { SessionsCard } from './SessionsCard';

/** "Sicherheit": the user's own second factor and the devices she is signed in on. */
export default function SecurityPage() {
  const translate = useTranslate();
  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Title title="app.security.title" />
      <Typography component="h1" variant="h5">
        {translate('app.security.title')}
      </Typography>
      <SecondFactorCard />
      <SessionsCard />
    </Stack>
  );
}

import SearchOffIcon from '@mui/icons-material/SearchOff';
import { Box, Button, Card, CardContent, Typography } from '@mui/material';
import { Link } from 'react-router';
import { Title, useTranslate } from 'react-admin';

/** The page for an address that leads nowhere: German, one title, the way back to the start page. */
export function NotFoundPage() {
  const translate = useTranslate();
  return (
    <Box sx={{ py: 2 }}>
      <Title title="app.not_found.title" />
      <Card>
        <CardContent sx={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: 2 }}>
          <SearchOffIcon sx={{ fontSize: 48, color: 'text.secondary' }} aria-hidden />
          <Typography component="h1" variant="h5">
            {translate('app.not_found.heading')}
          </Typography>
          <Typography>{translate('app.not_found.text')}</Typography>
          <Button component={Link} to="/" variant="contained">
            {translate('app.not_found.back')}
          </Button>
        </CardContent>
      </Card>
    </Box>
  );
}

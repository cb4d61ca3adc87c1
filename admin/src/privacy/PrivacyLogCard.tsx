import {
  Card,
  CardContent,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { httpClient } from '../providers/httpClient';
import type { PrivacyLogEntry } from './api';

/** The last retention runs, access and erasure requests: who, when, why, how many (never a name asked for). */
export function PrivacyLogCard() {
  const translate = useTranslate();
  const { data } = useQuery({
    queryKey: ['privacy', 'log'],
    queryFn: async () => (await httpClient('/api/privacy/log')).json as PrivacyLogEntry[],
  });
  return (
    <Card>
      <CardContent>
        <Typography component="h2" variant="h6" gutterBottom>
          {translate('app.privacy.log_title')}
        </Typography>
        {data && data.length === 0 && (
          <Typography variant="body2" color="text.secondary">
            {translate('app.privacy.log_empty')}
          </Typography>
        )}
        {data && data.length > 0 && (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.privacy.col_date')}</TableCell>
                <TableCell>{translate('app.privacy.col_kind')}</TableCell>
                <TableCell>{translate('app.privacy.col_reason')}</TableCell>
                <TableCell>{translate('app.privacy.col_counts')}</TableCell>
                <TableCell>{translate('app.privacy.col_by')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.map((e) => (
                <TableRow key={e.id}>
                  <TableCell>{new Date(e.at).toLocaleString('de-DE')}</TableCell>
                  <TableCell>{translate(`app.privacy.kind_${e.kind}`)}</TableCell>
                  <TableCell>{e.reason ?? '–'}</TableCell>
                  <TableCell>
                    {Object.entries(e.counts)
                      .filter(([, n]) => n > 0)
                      .map(([k, n]) => `${translate(`app.privacy.count_${k}`)}: ${n}`)
                      .join(', ') || '0'}
                  </TableCell>
                  <TableCell>{e.user ?? translate('app.privacy.system')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}

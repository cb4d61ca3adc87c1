import BackupIcon from '@mui/icons-material/Backup';
import DownloadIcon from '@mui/icons-material/Download';
import {
  Alert,
  Button,
  Card,
  CardContent,
  LinearProgress,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Title, useNotify, useTranslate } from 'react-admin';
import { httpClient } from '../providers/httpClient';

interface BackupList {
  nightly: boolean;
  keep: number;
  files: { name: string; bytes: number; created_at: string }[];
}

const size = (bytes: number): string =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toLocaleString('de-DE', { maximumFractionDigits: 1 })} MB`
    : `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('de-DE')} KB`;

/** "Sicherungen" (CDO only): the automatic backups with size and time, a download, and a backup on demand. */
export default function BackupsPage() {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const { data, isPending, error } = useQuery({
    queryKey: ['backups'],
    queryFn: async () => (await httpClient('/api/backups')).json as BackupList,
  });
  const backup = useMutation({
    mutationFn: () => httpClient('/api/backups', { method: 'POST', body: '{}' }),
    onSuccess: async () => {
      notify('app.backups.created', { type: 'success' });
      await queryClient.invalidateQueries({ queryKey: ['backups'] });
    },
    onError: (e) => notify(e.message, { type: 'error' }),
  });
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="app.menu.backups" />
      <CardContent>
        <Typography component="h1" variant="h5" gutterBottom>
          {translate('app.menu.backups')}
        </Typography>
        {data && (
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2, maxWidth: 900 }}>
            {translate(data.nightly ? 'app.backups.intro' : 'app.backups.nightly_off', { keep: data.keep })}
          </Typography>
        )}
        <Button
          variant="contained"
          startIcon={<BackupIcon />}
          disabled={backup.isPending}
          onClick={() => backup.mutate()}
          sx={{ mb: 2 }}
        >
          {translate('app.backups.backup_now')}
        </Button>
        {(isPending || backup.isPending) && <LinearProgress />}
        {error && <Alert severity="error">{error.message}</Alert>}
        {data && data.files.length === 0 && (
          <Alert severity="warning">{translate('app.backups.empty')}</Alert>
        )}
        {data && data.files.length > 0 && (
          <Table size="small" data-testid="backup-list">
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.backups.time')}</TableCell>
                <TableCell>{translate('app.backups.file')}</TableCell>
                <TableCell align="right">{translate('app.backups.size')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {data.files.map((f) => (
                <TableRow key={f.name}>
                  <TableCell>{new Date(f.created_at).toLocaleString('de-DE')}</TableCell>
                  <TableCell>{f.name}</TableCell>
                  <TableCell align="right">{size(f.bytes)}</TableCell>
                  <TableCell>
                    <Button
                      size="small"
                      startIcon={<DownloadIcon />}
                      href={`/api/backups/${f.name}`}
                      download
                    >
                      {translate('app.backups.download')}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}

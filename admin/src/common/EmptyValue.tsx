import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

/** What a field shows without a value: its emptyText ("—" on detail pages), or nothing. */
export function EmptyValue({ text }: { text?: string }) {
  const translate = useTranslate();
  if (!text) return null;
  return (
    <Typography component="span" variant="body2">
      {translate(text, { _: text })}
    </Typography>
  );
}

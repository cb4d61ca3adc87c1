import { Box, LinearProgress } from '@mui/material';
import { useFieldValue, useResourceContext, useTranslate, type FieldProps } from 'react-admin';

interface Props extends Partial<FieldProps> {
  /** A computed share instead of the record's field (e.g. budget spent). */
  value?: number;
  /** Translation key naming the bar for screen readers; default: the field's label. */
  name?: string;
}

/** A bar with the percentage as text beside it (the bar stops at 100 %, the text does not). */
export function ProgressBar({ value, name, ...props }: Props) {
  const resource = useResourceContext(props);
  const source = props.source ?? 'progress';
  const fieldValue = useFieldValue({ ...props, source });
  const translate = useTranslate();
  const raw = value ?? fieldValue;
  if (typeof raw !== 'number') return null;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 76 }}>
      <LinearProgress
        variant="determinate"
        value={Math.max(0, Math.min(100, raw))}
        aria-label={translate(name ?? `resources.${resource}.fields.${source}`)}
        sx={{ flex: 1, height: 8, borderRadius: 4 }}
      />
      <Box
        component="span"
        sx={{ typography: 'body2', minWidth: 38, textAlign: 'right', whiteSpace: 'nowrap' }}
      >
        {Math.round(raw)} %
      </Box>
    </Box>
  );
}

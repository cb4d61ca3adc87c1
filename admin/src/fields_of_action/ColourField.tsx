import { Box } from '@mui/material';
import { useFieldValue, type FieldProps } from 'react-admin';

/** A colour swatch with its hex code (the code carries the information, the swatch is decoration). */
export function ColourField(props: Partial<FieldProps>) {
  const value = useFieldValue({ ...props, source: props.source ?? 'colour' });
  if (typeof value !== 'string') return null;
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 1 }}>
      <Box component="span" aria-hidden sx={{ width: 16, height: 16, borderRadius: 0.5, bgcolor: value }} />
      <Box component="span" sx={{ typography: 'body2', fontFamily: 'monospace' }}>
        {value}
      </Box>
    </Box>
  );
}

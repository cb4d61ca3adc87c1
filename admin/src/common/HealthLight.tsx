import { Box } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';
import { enumLabelKey } from './enums';

export const HEALTH_COLOURS: Record<string, string> = { green: '#1b873f', amber: '#e0a100', red: '#c62828' };

/** The steering light: a coloured dot and the word, so the state never depends on colour alone. */
export function HealthLight(props: Partial<FieldProps>) {
  const value = useFieldValue({ ...props, source: props.source ?? 'health' });
  const translate = useTranslate();
  if (typeof value !== 'string') return null;
  return (
    <Box
      component="span"
      sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.75, whiteSpace: 'nowrap' }}
    >
      <Box
        component="span"
        aria-hidden
        sx={{
          width: 14,
          height: 14,
          borderRadius: '50%',
          bgcolor: HEALTH_COLOURS[value] ?? 'grey.500',
          border: '1px solid rgba(0,0,0,0.35)',
          flexShrink: 0,
        }}
      />
      <Box component="span" sx={{ typography: 'body2' }}>
        {translate(enumLabelKey('health', value))}
      </Box>
    </Box>
  );
}

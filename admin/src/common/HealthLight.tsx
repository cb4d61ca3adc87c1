import { Box } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';
import { enumLabelKey } from './enums';

export const HEALTH_COLOURS: Record<string, string> = { green: '#1b873f', amber: '#e0a100', red: '#c62828' };

/** The steering light: a coloured dot and the word, so the state never depends on colour alone. */
export function HealthDot({ health, compact = false }: { health: string; compact?: boolean }) {
  const translate = useTranslate();
  const size = compact ? 12 : 14;
  return (
    <Box
      component="span"
      sx={{ display: 'inline-flex', alignItems: 'center', gap: compact ? 0.5 : 0.75, whiteSpace: 'nowrap' }}
    >
      <Box
        component="span"
        aria-hidden
        sx={{
          width: size,
          height: size,
          borderRadius: '50%',
          bgcolor: HEALTH_COLOURS[health] ?? 'grey.500',
          border: '1px solid rgba(0,0,0,0.35)',
          flexShrink: 0,
        }}
      />
      <Box component="span" sx={compact ? undefined : { typography: 'body2' }}>
        {translate(enumLabelKey('health', health))}
      </Box>
    </Box>
  );
}

/** The light of the record in context (a list row or a show page). */
export function HealthLight(props: Partial<FieldProps>) {
  const value = useFieldValue({ ...props, source: props.source ?? 'health' });
  return typeof value === 'string' ? <HealthDot health={value} /> : null;
}

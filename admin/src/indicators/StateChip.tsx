import { Chip } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';
import type { IndicatorState } from '../../../api/domain';

const COLOURS: Record<IndicatorState, 'success' | 'warning' | 'error' | 'default'> = {
  on_track: 'success',
  behind: 'warning',
  off_track: 'error',
  stale: 'default',
};

/** An indicator's state in words, coloured like a light (stale in grey). */
export function StateChip({ state }: { state: IndicatorState | undefined }) {
  const translate = useTranslate();
  if (!state) return null;
  return <Chip size="small" color={COLOURS[state]} label={translate(`app.enums.indicator_state.${state}`)} />;
}

export function StateField(props: FieldProps) {
  return <StateChip state={useFieldValue(props) as IndicatorState | undefined} />;
}

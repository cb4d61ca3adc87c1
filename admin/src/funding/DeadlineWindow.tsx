import { ToggleButton, ToggleButtonGroup } from '@mui/material';
import { useTranslate } from 'react-admin';
import { DEADLINE_RANGES, type DeadlineRange } from '../../../api/features/funding/contract';

/** The deadline window chooser: 30 days, 90 days or everything open. */
export function DeadlineWindow({
  value,
  onChange,
}: {
  value: DeadlineRange;
  onChange: (value: DeadlineRange) => void;
}) {
  const translate = useTranslate();
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={value}
      onChange={(_e, v: DeadlineRange | null) => v !== null && onChange(v)}
      aria-label={translate('app.funding.window')}
    >
      {DEADLINE_RANGES.map((r) => (
        <ToggleButton key={r} value={r}>
          {translate(`app.funding.window_${r}`)}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}

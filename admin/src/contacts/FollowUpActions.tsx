import CheckIcon from '@mui/icons-material/Check';
import UpdateIcon from '@mui/icons-material/Update';
import { Button, Stack } from '@mui/material';
import { useNotify, useRefresh, useTranslate, useUpdate, type RaRecord } from 'react-admin';
import { useSaveErrorHandler } from '../common/useSaveErrorHandler';
import { shiftedFollowUp } from './followUpShift';

/**
 * One-tap actions on an open follow-up: close it ("erledigt") or move it by one or two weeks. Each is a
 * version-checked update of that one field; someone else's change in between answers with the conflict notice.
 */
export function FollowUpActions({ record }: { record: RaRecord }) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const onError = useSaveErrorHandler();
  const [update, { isPending }] = useUpdate();
  const save = (data: Record<string, unknown>, message: string, messageArgs?: Record<string, unknown>) =>
    update(
      'contacts',
      { id: record.id, data: { ...data, version: record.version }, previousData: record },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          notify(message, { type: 'success', messageArgs });
          refresh();
        },
        onError,
      },
    );
  const move = (weeks: number) => {
    const date = shiftedFollowUp(String(record.follow_up_on), weeks);
    void save({ follow_up_on: date }, 'app.guide.follow_up_moved', { date });
  };
  const topic = String(record.topic);
  const sx = {
    minHeight: 44,
    flex: { xs: 1, sm: 'none' },
    whiteSpace: 'nowrap',
    textTransform: 'none',
  } as const;
  return (
    <Stack direction="row" spacing={1} sx={{ px: 2, pb: 1 }}>
      <Button
        variant="contained"
        size="small"
        startIcon={<CheckIcon />}
        disabled={isPending}
        onClick={() => void save({ follow_up_done: true }, 'app.guide.follow_up_closed')}
        aria-label={`${translate('app.guide.follow_up_of', { topic })}: ${translate('app.common.done')}`}
        sx={sx}
      >
        {translate('app.common.done')}
      </Button>
      {[1, 2].map((weeks) => (
        <Button
          key={weeks}
          variant="outlined"
          size="small"
          startIcon={<UpdateIcon />}
          disabled={isPending}
          onClick={() => move(weeks)}
          aria-label={`${translate('app.guide.follow_up_of', { topic })}: ${translate('app.guide.plus_weeks', { smart_count: weeks })}`}
          sx={sx}
        >
          {translate('app.guide.plus_weeks', { smart_count: weeks })}
        </Button>
      ))}
    </Stack>
  );
}

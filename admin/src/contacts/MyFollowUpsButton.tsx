import AlarmIcon from '@mui/icons-material/Alarm';
import { Button } from '@mui/material';
import { useGetIdentity, useListContext, useTranslate } from 'react-admin';

/** The filter of the preset: follow-ups the signed-in user wrote that are set and not yet done. */
export const myOpenFollowUps = (authorId: unknown) => ({
  author_id: authorId,
  follow_up_done: false,
  follow_up_on_null: false,
});

/**
 * The preset "Meine offenen Wiedervorlagen": the user's own open follow-ups, soonest first. A second press
 * clears it again; aria-pressed tells whether it is on.
 */
export function MyFollowUpsButton() {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { filterValues, setFilters, setSort } = useListContext();
  if (!identity) return null;
  const on =
    filterValues.author_id === identity.id &&
    filterValues.follow_up_done === false &&
    filterValues.follow_up_on_null === false;
  const toggle = () => {
    if (on) {
      setFilters({}, {}, false);
      setSort({ field: 'contact_on', order: 'DESC' });
    } else {
      setFilters(myOpenFollowUps(identity.id), {}, false);
      setSort({ field: 'follow_up_on', order: 'ASC' });
    }
  };
  return (
    <Button
      size="small"
      variant={on ? 'contained' : 'outlined'}
      startIcon={<AlarmIcon />}
      aria-pressed={on}
      onClick={toggle}
      sx={{ minHeight: 36 }}
    >
      {translate('app.guide.my_open_follow_ups')}
    </Button>
  );
}

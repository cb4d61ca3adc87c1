import { Box } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { HealthLight } from '../common/HealthLight';
import { useCockpitData } from '../dashboard/cockpitHooks';
import { reasonMessage } from '../dashboard/cockpitShapes';

/**
 * The suggested light of the measure beside the set one, with its reasons in words. It comes from the start page's
 * GET /api/dashboard (lights.items, one per measure, computed in SQL per data state), so the measure page and the
 * start page always agree.
 */
export function SuggestedHealth(_props: Partial<FieldProps>) {
  const record = useRecordContext<{ id: number }>();
  const translate = useTranslate();
  const { data } = useCockpitData();
  const item = data?.lights.items.find((i) => i.measure_id === record?.id);
  if (!item) return null;
  if (item.suggested === null)
    return (
      <Box component="span" sx={{ typography: 'body2', color: 'text.secondary' }}>
        {translate('app.dashboard.suggestion_not_judged')}
      </Box>
    );
  const words = item.reasons.length
    ? item.reasons.map((r) => translate(...reasonMessage(r))).join(' · ')
    : translate('app.dashboard.suggestion_on_plan');
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 0.25 }}>
      <HealthLight source="suggested" record={item} />
      <Box component="span" sx={{ typography: 'body2', color: 'text.secondary' }}>
        {words}
        {!data!.lights.spending_considered && ` (${translate('app.dashboard.suggestion_without_spending')})`}
      </Box>
    </Box>
  );
}

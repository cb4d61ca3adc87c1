import { useEffect, useRef } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The forecast date starts as the baseline: while it is empty or still equal to the previous baseline, it follows
 * the baseline as it is typed; once changed by hand it stays.
 */
export function ForecastFollowsBaseline() {
  const { getValues, setValue } = useFormContext();
  const baseline = useWatch({ name: 'baseline_date' }) as string | null | undefined;
  const previous = useRef(baseline);
  useEffect(() => {
    const due = getValues('due_date') as string | null | undefined;
    // Only a whole date is taken over (the date input holds a marker while a typed date is incomplete).
    if (baseline && ISO_DAY.test(baseline) && (!due || due === previous.current || !ISO_DAY.test(due)))
      setValue('due_date', baseline, { shouldDirty: true, shouldValidate: false });
    previous.current = baseline;
  }, [baseline, getValues, setValue]);
  return null;
}

import { useEffect, useRef } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';

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
    if (baseline && (!due || due === previous.current))
      setValue('due_date', baseline, { shouldDirty: true, shouldValidate: false });
    previous.current = baseline;
  }, [baseline, getValues, setValue]);
  return null;
}

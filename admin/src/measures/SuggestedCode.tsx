import { useEffect } from 'react';
import { useFormContext } from 'react-hook-form';
import { useGetList } from 'react-admin';
import { nextMeasureCode } from './nextCode';

/** Fills the code of a new measure with the next free one, unless something was typed there already. */
export function SuggestedCode() {
  const { data } = useGetList<{ id: number; code: string }>('measures', {
    pagination: { page: 1, perPage: 1000 },
    sort: { field: 'code', order: 'ASC' },
  });
  const { getFieldState, getValues, setValue } = useFormContext();
  useEffect(() => {
    const code = data && nextMeasureCode(data.map((m) => m.code));
    if (code && !getValues('code') && !getFieldState('code').isDirty) setValue('code', code);
  }, [data, getFieldState, getValues, setValue]);
  return null;
}

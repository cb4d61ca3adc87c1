import { Typography } from '@mui/material';
import { useFieldValue, useResourceContext, useTranslate, type FieldProps } from 'react-admin';
import { enumLabelKey, enumOf } from './enums';
import { EmptyValue } from './EmptyValue';

/** An enumeration value in words (e.g. status 'planning' → "in Planung"). */
export function EnumField(props: FieldProps) {
  const resource = useResourceContext(props);
  const value = useFieldValue(props);
  const translate = useTranslate();
  if (value == null) return <EmptyValue text={props.emptyText} />;
  return (
    <Typography component="span" variant="body2">
      {translate(enumLabelKey(enumOf(resource, props.source), value))}
    </Typography>
  );
}

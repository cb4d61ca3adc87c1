import { Typography } from '@mui/material';
import {
  ReferenceArrayField,
  ReferenceField,
  SingleFieldList,
  TextField,
  useFieldValue,
  useTranslate,
  type FieldProps,
  type RaRecord,
} from 'react-admin';
import { REFERENCE_FIELDS } from './references';

const referenceOf = (source: string) => {
  const reference = REFERENCE_FIELDS[source];
  if (!reference) throw new Error(`No reference declared for field ${source}`);
  return reference;
};

/**
 * The referenced record's representation (or one of its fields, `display`), linked to its page when the
 * role may open it.
 */
export function RefField({ display, ...props }: FieldProps & { display?: string }) {
  return (
    <ReferenceField {...props} reference={referenceOf(props.source)}>
      {display ? <TextField source={display} /> : undefined}
    </ReferenceField>
  );
}

/** A measure by its code only ("M-07"), for narrow finance tables. */
export const MeasureCodeField = (props: Partial<FieldProps>) => (
  <RefField source="measure_id" display="code" {...props} />
);

interface ChipsProps extends FieldProps {
  /** Translation key shown when there are none. */
  emptyText?: string;
  /** Above this many, a count ("10 Kommunen") instead of chips, for narrow table columns. */
  max?: number;
}

/** Several referenced records as chips. */
export function RefChips({ emptyText, max, ...props }: ChipsProps) {
  const ids = useFieldValue(props);
  const translate = useTranslate();
  const reference = referenceOf(props.source);
  const note = (text: string) => (
    <Typography component="span" variant="body2" sx={{ fontStyle: 'italic' }}>
      {text}
    </Typography>
  );
  if (!Array.isArray(ids) || ids.length === 0) return emptyText ? note(translate(emptyText)) : null;
  if (max !== undefined && ids.length > max)
    return note(`${ids.length} ${translate(`resources.${reference}.name`, { smart_count: ids.length })}`);
  return (
    <ReferenceArrayField {...props} record={props.record as RaRecord | undefined} reference={reference}>
      <SingleFieldList linkType={false} />
    </ReferenceArrayField>
  );
}

/** A measure's municipalities; none means the whole county ("kreisweit"). */
export const MunicipalityChips = (props: Partial<ChipsProps>) => (
  <RefChips source="municipality_ids" emptyText="app.common.county_wide" {...props} />
);

import { Box } from '@mui/material';
import { Children, cloneElement, isValidElement, type ReactNode } from 'react';
import { EmailField, Labeled, NumberField, TextField, UrlField } from 'react-admin';
import { DateField } from './DateField';
import { EnumField } from './EnumField';
import { MoneyField } from './MoneyField';
import { PercentField } from './PercentField';
import { RefField } from './RefFields';

/** Fields that show their emptyText when they have no value; on a detail page that is "—". */
const SHOWS_EMPTY_TEXT: unknown[] = [
  TextField,
  NumberField,
  EmailField,
  UrlField,
  DateField,
  EnumField,
  MoneyField,
  PercentField,
  RefField,
];
const EMPTY = '—';

interface Props {
  children: ReactNode;
  /** Sources of fields that take a whole row (long texts, chip lists). */
  wide?: string[];
}

/** The fields of a detail page, labelled, in up to three columns (one on a phone); an empty one shows "—". */
export function FieldGrid({ children, wide = [] }: Props) {
  return (
    <Box
      sx={{
        display: 'grid',
        gridTemplateColumns: {
          xs: 'minmax(0, 1fr)',
          sm: 'repeat(2, minmax(0, 1fr))',
          lg: 'repeat(3, minmax(0, 1fr))',
        },
        columnGap: 3,
        rowGap: 1,
        width: '100%',
      }}
    >
      {Children.toArray(children)
        .filter(isValidElement<{ source?: string; emptyText?: string }>)
        .map((field) =>
          SHOWS_EMPTY_TEXT.includes(field.type) && field.props.emptyText === undefined
            ? cloneElement(field, { emptyText: EMPTY })
            : field,
        )
        .map((child, index) => (
          <Box
            key={index}
            sx={wide.includes(child.props.source ?? '') ? { gridColumn: '1 / -1' } : undefined}
          >
            <Labeled>{child}</Labeled>
          </Box>
        ))}
    </Box>
  );
}

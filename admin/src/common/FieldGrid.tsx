import { Box } from '@mui/material';
import { Children, isValidElement, type ReactNode } from 'react';
import { Labeled } from 'react-admin';

interface Props {
  children: ReactNode;
  /** Sources of fields that take a whole row (long texts, chip lists). */
  wide?: string[];
}

/** The fields of a detail page, labelled, in up to three columns (one on a phone). */
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
        .filter(isValidElement<{ source?: string }>)
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

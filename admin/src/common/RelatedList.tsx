import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { CreateButton, Pagination, ReferenceManyField, useRecordContext, useTranslate } from 'react-admin';
import { DEFAULT_SORTS } from './sorts';

interface Props {
  reference: string;
  target: string;
  filter?: Record<string, unknown>;
  /** Adds a create button whose form starts pointing at the shown record (`target` = its id). */
  creatable?: boolean;
  /** Translation key of a heading above the list. */
  title?: string;
  children: ReactNode;
}

/** The records of another resource that point at the shown one (a tab of a detail page). */
export function RelatedList({ reference, target, filter, creatable, title, children }: Props) {
  const record = useRecordContext();
  const translate = useTranslate();
  return (
    <Box component="section" sx={{ width: '100%' }}>
      {(title || creatable) && (
        <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', minHeight: 40 }}>
          {title && (
            <Typography component="h3" variant="subtitle1" sx={{ fontWeight: 600 }}>
              {translate(title, { smart_count: 2 })}
            </Typography>
          )}
          {record && creatable && (
            <CreateButton
              resource={reference}
              state={{ record: { [target]: record.id } }}
              sx={{ ml: 'auto' }}
            />
          )}
        </Box>
      )}
      <ReferenceManyField
        reference={reference}
        target={target}
        filter={filter}
        sort={DEFAULT_SORTS[reference]}
        perPage={10}
        pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}
      >
        {children}
      </ReferenceManyField>
    </Box>
  );
}

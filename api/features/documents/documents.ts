import { DOCUMENT_PARENTS } from '../../domain';
import { defineResource } from '../../rest/resource';
import plain from './documents.fields';
import { documentReadScope, documentWriteScope } from './rights';

const parentCase = (value: (resource: string, column: string) => string) =>
  `(case ${Object.entries(DOCUMENT_PARENTS)
    .map(([resource, column]) => `when documents.${column} is not null then ${value(resource, column)}`)
    .join(' ')} end)`;

/** The resource name and id of the record a document belongs to: what the admin links to. */
const derived = {
  resource: {
    ...plain.fields.file_name,
    readOnly: true,
    sql: parentCase((resource) => `'${resource}'`),
  },
  record_id: {
    ...plain.fields.size_bytes,
    readOnly: true,
    sql: parentCase((_r, column) => `documents.${column}`),
  },
};

export default defineResource({
  ...plain,
  derived,
  readScope: documentReadScope,
  writeScope: documentWriteScope,
});

import { DOCUMENT_PARENTS, type DocumentParent } from '../../domain';

/** SQL of a record's number of documents, for a derived field of the parent (the paper clip in its list). */
export const documentCountSql = (parent: DocumentParent): string =>
  `(select count(*) from documents d where d.${DOCUMENT_PARENTS[parent]} = ${parent}.id)::int`;

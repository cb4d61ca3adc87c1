import { SimpleList, useResourceDefinition, type SimpleListProps } from 'react-admin';

/**
 * A list as one tappable entry per record, for phones: the record's name (its resource's
 * recordRepresentation) unless told otherwise; a tap opens the record's page (or its form, if it has no page).
 */
export function PhoneList(props: SimpleListProps) {
  const { hasShow, hasEdit } = useResourceDefinition();
  return <SimpleList rowClick={hasShow ? 'show' : hasEdit ? 'edit' : false} {...props} />;
}

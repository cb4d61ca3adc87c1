import { useRecordContext, type FieldProps } from 'react-admin';
import { RefField } from '../common/RefFields';

/** The one recipient of a transfer: a municipality or a partner. */
export function RecipientField(_props: Partial<FieldProps>) {
  const record = useRecordContext();
  return <RefField source={record?.municipality_id != null ? 'municipality_id' : 'partner_id'} />;
}

import { useRecordContext, useTranslate } from 'react-admin';

/** "Maßnahmen #12": the resource in words and the record's id (page titles, references). */
export function AuditRepresentation() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const resource = String(record.resource);
  return (
    <>
      {translate(`resources.${resource}.name`, { smart_count: 2, _: resource })} #{String(record.record_id)}
    </>
  );
}

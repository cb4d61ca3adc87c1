import { useGetRecordRepresentation, useRecordContext, useResourceContext, useTranslate } from 'react-admin';

/**
 * The page title of a record, "<Ressource> <Name>", without saying the resource twice when the record's name
 * already begins with it (a status report titled "Statusbericht 11/2026" is not "Statusbericht Statusbericht …").
 */
export function RecordTitle() {
  const record = useRecordContext();
  const resource = useResourceContext();
  const translate = useTranslate();
  const represent = useGetRecordRepresentation(resource);
  if (!record) return null;
  const name = translate(`resources.${resource}.name`, { smart_count: 1 });
  const representation = String(represent(record));
  return (
    <>
      {representation.toLocaleLowerCase('de').startsWith(name.toLocaleLowerCase('de'))
        ? representation
        : `${name} ${representation}`}
    </>
  );
}

import { useTranslate } from 'react-admin';

/** A resource's plural name (e.g. "Maßnahmen"), for tab and section labels. */
export function PluralName({ resource }: { resource: string }) {
  const translate = useTranslate();
  return <>{translate(`resources.${resource}.name`, { smart_count: 2 })}</>;
}

import { useLocaleState, useRecordContext, type FieldProps } from 'react-admin';
import { formatDate } from '../common/dates';
import { dateLocale } from '../i18n';

interface SnapshotMilestone {
  id: number;
  title: string;
  due_date: string;
}

/** The next open milestones frozen in a report, as "title (date)" lines. */
export function NextMilestonesField(_props: Partial<FieldProps>) {
  const record = useRecordContext<{ id: number; next_milestones?: SnapshotMilestone[] }>();
  const [locale] = useLocaleState();
  const milestones = record?.next_milestones ?? [];
  if (!milestones.length) return null;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 16 }}>
      {milestones.map((m) => (
        <li key={m.id}>
          {m.title} ({formatDate(m.due_date, dateLocale(locale))})
        </li>
      ))}
    </ul>
  );
}

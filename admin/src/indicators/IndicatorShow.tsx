import { Show, SimpleShowLayout, useRecordContext } from 'react-admin';
import { IndicatorPanel, type IndicatorRecord } from './IndicatorPanel';

function Panel() {
  const record = useRecordContext<IndicatorRecord>();
  return record ? <IndicatorPanel indicator={record} /> : null;
}

/** One indicator: its line, values, table and the value form (as on the measure's "Wirkung" tab). */
export default function IndicatorShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <Panel />
      </SimpleShowLayout>
    </Show>
  );
}

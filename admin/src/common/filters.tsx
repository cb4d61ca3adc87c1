import { SearchInput, useResourceContext, useTranslate } from 'react-admin';
import { DateInput } from './DateInput';

/** The full-text search (`q`) of resources that declare one; labelled for screen readers. */
function QuickSearch(_props: { source: 'q'; alwaysOn?: boolean }) {
  const translate = useTranslate();
  return (
    <SearchInput
      source="q"
      alwaysOn
      slotProps={{ htmlInput: { 'aria-label': translate('ra.action.search') } }}
    />
  );
}

/** "<field> ab" / "<field> bis" for the two ends of a range filter. */
function RangeLabel({ source, bound }: { source: string; bound: 'from' | 'to' }) {
  const resource = useResourceContext();
  const translate = useTranslate();
  const field = translate(`resources.${resource}.fields.${source}`);
  return <>{translate(`app.filters.${bound}`, { field })}</>;
}

/** `<field>_gte` and `<field>_lte` date pickers. */
export const dateRangeFilters = (source: string) => [
  <DateInput
    key={`${source}_gte`}
    source={`${source}_gte`}
    label={<RangeLabel source={source} bound="from" />}
  />,
  <DateInput
    key={`${source}_lte`}
    source={`${source}_lte`}
    label={<RangeLabel source={source} bound="to" />}
  />,
];

export const searchFilter = <QuickSearch key="q" source="q" alwaysOn />;

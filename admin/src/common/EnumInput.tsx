import { SelectInput, useResourceContext, type SelectInputProps } from 'react-admin';
import { enumChoices, enumOf } from './enums';

/** A select of an enumeration's values, labelled from app.enums.<name>. */
export function EnumInput(props: SelectInputProps & { source: string }) {
  const resource = useResourceContext(props);
  return <SelectInput choices={enumChoices(enumOf(resource, props.source))} {...props} />;
}

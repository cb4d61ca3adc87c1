import {
  AutocompleteArrayInput,
  AutocompleteInput,
  ReferenceArrayInput,
  ReferenceInput,
  required,
  type Validator,
} from 'react-admin';
import { DEFAULT_SORTS } from './sorts';
import type { ReactElement } from 'react';

interface Props {
  source: string;
  reference: string;
  isRequired?: boolean;
  /** Further rules (e.g. "exactly one of two"). */
  validate?: Validator[];
  /** A permanent filter on the choices (e.g. a guide's own municipalities). */
  filter?: Record<string, unknown>;
  label?: string;
  helperText?: string;
  /** Offers "<typed text> anlegen" among the choices, opening this dialog (useCreateSuggestionContext). */
  create?: ReactElement;
}

const rules = (isRequired?: boolean, validate: Validator[] = []) =>
  isRequired ? [required(), ...validate] : validate;

/** A searchable reference picker (the API's `q` search), in the reference's declared order. */
export function RefInput({ source, reference, isRequired, validate, filter, create, ...rest }: Props) {
  return (
    <ReferenceInput source={source} reference={reference} filter={filter} sort={DEFAULT_SORTS[reference]}>
      <AutocompleteInput validate={rules(isRequired, validate)} create={create} {...rest} />
    </ReferenceInput>
  );
}

/** Several references (e.g. municipality_ids), as removable chips. */
export function RefArrayInput({ source, reference, isRequired, validate, filter, ...rest }: Props) {
  return (
    <ReferenceArrayInput
      source={source}
      reference={reference}
      filter={filter}
      sort={DEFAULT_SORTS[reference]}
    >
      <AutocompleteArrayInput validate={rules(isRequired, validate)} {...rest} />
    </ReferenceArrayInput>
  );
}

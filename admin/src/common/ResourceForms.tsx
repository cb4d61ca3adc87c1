import type { ReactNode } from 'react';
import {
  Create,
  Edit,
  SimpleForm,
  useResourceDefinition,
  type RedirectionSideEffect,
  type SimpleFormProps,
} from 'react-admin';
import { useSaveErrorHandler } from './useSaveErrorHandler';

interface Props {
  children: ReactNode;
  /** Cross-field rules or defaults of the form. */
  form?: Omit<SimpleFormProps, 'children'>;
  /** Where saving leads, if not to the detail page (e.g. back to the record the new one belongs to). */
  redirect?: RedirectionSideEffect;
}

/** After saving: the detail page where there is one, else the list. */
const useTargetAfterSave = () => (useResourceDefinition().hasShow ? 'show' : 'list');

export function ResourceCreate({ children, form, redirect }: Props) {
  const target = useTargetAfterSave();
  return (
    <Create redirect={redirect ?? target}>
      <SimpleForm noValidate {...form}>
        {children}
      </SimpleForm>
    </Create>
  );
}

/** Pessimistic edit: field errors from the server land at their fields, a conflict keeps the typed values. */
export function ResourceEdit({ children, form, redirect }: Props) {
  const onError = useSaveErrorHandler();
  const target = useTargetAfterSave();
  return (
    <Edit mutationMode="pessimistic" mutationOptions={{ onError }} redirect={redirect ?? target}>
      <SimpleForm noValidate {...form}>
        {children}
      </SimpleForm>
    </Edit>
  );
}

import type { ReactNode } from 'react';
import { Create, Edit, SimpleForm, useResourceDefinition, type SimpleFormProps } from 'react-admin';
import { useSaveErrorHandler } from './useSaveErrorHandler';

interface Props {
  children: ReactNode;
  /** Cross-field rules or defaults of the form. */
  form?: Omit<SimpleFormProps, 'children'>;
}

/** After saving: the detail page where there is one, else the list. */
const useTargetAfterSave = () => (useResourceDefinition().hasShow ? 'show' : 'list');

export function ResourceCreate({ children, form }: Props) {
  return (
    <Create redirect={useTargetAfterSave()}>
      <SimpleForm noValidate {...form}>
        {children}
      </SimpleForm>
    </Create>
  );
}

/** Pessimistic edit: field errors from the server land at their fields, a conflict keeps the typed values. */
export function ResourceEdit({ children, form }: Props) {
  const onError = useSaveErrorHandler();
  return (
    <Edit mutationMode="pessimistic" mutationOptions={{ onError }} redirect={useTargetAfterSave()}>
      <SimpleForm noValidate {...form}>
        {children}
      </SimpleForm>
    </Edit>
  );
}

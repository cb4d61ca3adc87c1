import { regex, TextInput } from 'react-admin';
import { requiredText } from '../common/validators';

const colourRule = [...requiredText(7), regex(/^#[0-9a-fA-F]{6}$/, 'app.validation.colour')];

export function FieldOfActionInputs() {
  return (
    <>
      <TextInput source="name" validate={requiredText(60)} />
      <TextInput source="colour" validate={colourRule} helperText="#RRGGBB" />
    </>
  );
}

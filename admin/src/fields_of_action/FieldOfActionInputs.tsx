import { regex, TextInput } from 'react-admin';
import { textValidators } from '../common/validators';

const colourRule = [
  ...textValidators('fields_of_action', 'colour'),
  regex(/^#[0-9a-fA-F]{6}$/, 'app.validation.colour'),
];

export function FieldOfActionInputs() {
  return (
    <>
      <TextInput source="name" validate={textValidators('fields_of_action', 'name')} />
      <TextInput source="colour" validate={colourRule} helperText="#RRGGBB" />
    </>
  );
}

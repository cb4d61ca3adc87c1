import { NumberInput, TextInput, minValue } from 'react-admin';
import { EnumInput } from '../common/EnumInput';
import { isRequired, requiredText } from '../common/validators';

const positive = [minValue(0)];

export function MunicipalityInputs() {
  return (
    <>
      <TextInput source="name" validate={requiredText(120)} />
      <EnumInput source="kind" validate={isRequired} />
      <TextInput source="official_key" validate={requiredText(12)} />
      <TextInput source="seat" validate={requiredText(120)} />
      <NumberInput source="population" validate={positive} />
      <NumberInput source="area_km2" validate={positive} />
    </>
  );
}

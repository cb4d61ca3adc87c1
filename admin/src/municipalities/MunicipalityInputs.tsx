import { NumberInput, TextInput, minValue } from 'react-admin';
import { EnumInput } from '../common/EnumInput';
import { isRequired, textValidators } from '../common/validators';

const positive = [minValue(0)];

export function MunicipalityInputs() {
  return (
    <>
      <TextInput source="name" validate={textValidators('municipalities', 'name')} />
      <EnumInput source="kind" validate={isRequired} />
      <TextInput source="official_key" validate={textValidators('municipalities', 'official_key')} />
      <TextInput source="seat" validate={textValidators('municipalities', 'seat')} />
      <NumberInput source="population" validate={positive} />
      <NumberInput source="area_km2" validate={positive} />
    </>
  );
}

import { ResourceCreate } from '../common/ResourceForms';
import { MunicipalityInputs } from './MunicipalityInputs';

export default function MunicipalityCreate() {
  return (
    <ResourceCreate>
      <MunicipalityInputs />
    </ResourceCreate>
  );
}

import { ResourceEdit } from '../common/ResourceForms';
import { MunicipalityInputs } from './MunicipalityInputs';

export default function MunicipalityEdit() {
  return (
    <ResourceEdit>
      <MunicipalityInputs />
    </ResourceEdit>
  );
}

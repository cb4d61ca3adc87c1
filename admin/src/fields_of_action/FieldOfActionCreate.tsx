import { ResourceCreate } from '../common/ResourceForms';
import { FieldOfActionInputs } from './FieldOfActionInputs';

export default function FieldOfActionCreate() {
  return (
    <ResourceCreate>
      <FieldOfActionInputs />
    </ResourceCreate>
  );
}

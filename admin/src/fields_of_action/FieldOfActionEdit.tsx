import { ResourceEdit } from '../common/ResourceForms';
import { FieldOfActionInputs } from './FieldOfActionInputs';

export default function FieldOfActionEdit() {
  return (
    <ResourceEdit>
      <FieldOfActionInputs />
    </ResourceEdit>
  );
}

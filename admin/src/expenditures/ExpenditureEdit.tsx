import { ResourceEdit } from '../common/ResourceForms';
import { ExpenditureInputs } from './ExpenditureInputs';

export default function ExpenditureEdit() {
  return (
    <ResourceEdit>
      <ExpenditureInputs />
    </ResourceEdit>
  );
}

import { ResourceEdit } from '../common/ResourceForms';
import { TrancheInputs } from './TrancheInputs';

export default function TrancheEdit() {
  return (
    <ResourceEdit>
      <TrancheInputs />
    </ResourceEdit>
  );
}

import { ResourceEdit } from '../common/ResourceForms';
import { MeasureInputs } from './MeasureInputs';

export default function MeasureEdit() {
  return (
    <ResourceEdit>
      <MeasureInputs />
    </ResourceEdit>
  );
}

import { ResourceEdit } from '../common/ResourceForms';
import { backToMeasure } from './backToMeasure';
import { MilestoneInputs } from './MilestoneInputs';

export default function MilestoneEdit() {
  return (
    <ResourceEdit redirect={backToMeasure}>
      <MilestoneInputs />
    </ResourceEdit>
  );
}

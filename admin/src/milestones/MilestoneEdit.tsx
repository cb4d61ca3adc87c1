import { ResourceEdit } from '../common/ResourceForms';
import { MilestoneInputs } from './MilestoneInputs';

export default function MilestoneEdit() {
  return (
    <ResourceEdit>
      <MilestoneInputs />
    </ResourceEdit>
  );
}

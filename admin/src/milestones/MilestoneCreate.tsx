import { ResourceCreate } from '../common/ResourceForms';
import { MilestoneInputs } from './MilestoneInputs';

export default function MilestoneCreate() {
  return (
    <ResourceCreate form={{ defaultValues: { is_final: false } }}>
      <MilestoneInputs />
    </ResourceCreate>
  );
}

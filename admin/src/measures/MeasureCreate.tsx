import { ResourceCreate } from '../common/ResourceForms';
import { MeasureInputs } from './MeasureInputs';
import { SuggestedCode } from './SuggestedCode';

const defaults = {
  phase: 'implementation',
  status: 'planning',
  health: 'green',
  progress: 0,
  budget_cents: 0,
};

export default function MeasureCreate() {
  return (
    <ResourceCreate form={{ defaultValues: defaults }}>
      <SuggestedCode />
      <MeasureInputs />
    </ResourceCreate>
  );
}

import { ResourceEdit } from '../common/ResourceForms';
import { BaseRateInputs } from './BaseRateInputs';

export default function BaseRateEdit() {
  return (
    <ResourceEdit>
      <BaseRateInputs />
    </ResourceEdit>
  );
}

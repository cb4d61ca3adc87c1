import { ResourceCreate } from '../common/ResourceForms';
import { BaseRateInputs } from './BaseRateInputs';

export default function BaseRateCreate() {
  return (
    <ResourceCreate>
      <BaseRateInputs />
    </ResourceCreate>
  );
}

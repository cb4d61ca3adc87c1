import { ResourceCreate } from '../common/ResourceForms';
import { MeasurePartnerInputs } from './MeasurePartnerInputs';

export default function MeasurePartnerCreate() {
  return (
    <ResourceCreate>
      <MeasurePartnerInputs />
    </ResourceCreate>
  );
}

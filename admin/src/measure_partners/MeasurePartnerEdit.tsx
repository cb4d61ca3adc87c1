import { ResourceEdit } from '../common/ResourceForms';
import { MeasurePartnerInputs } from './MeasurePartnerInputs';

export default function MeasurePartnerEdit() {
  return (
    <ResourceEdit>
      <MeasurePartnerInputs />
    </ResourceEdit>
  );
}

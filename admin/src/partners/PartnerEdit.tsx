import { ResourceEdit } from '../common/ResourceForms';
import { PartnerInputs } from './PartnerInputs';

export default function PartnerEdit() {
  return (
    <ResourceEdit>
      <PartnerInputs />
    </ResourceEdit>
  );
}

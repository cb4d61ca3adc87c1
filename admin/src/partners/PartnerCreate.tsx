import { ResourceCreate } from '../common/ResourceForms';
import { PartnerInputs } from './PartnerInputs';

export default function PartnerCreate() {
  return (
    <ResourceCreate>
      <PartnerInputs />
    </ResourceCreate>
  );
}

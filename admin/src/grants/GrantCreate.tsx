import { ResourceCreate } from '../common/ResourceForms';
import { GrantInputs } from './GrantInputs';

export default function GrantCreate() {
  return (
    <ResourceCreate form={{ defaultValues: { funding_rate_bp: 6500, spend_rule: 'anbest_gk' } }}>
      <GrantInputs />
    </ResourceCreate>
  );
}

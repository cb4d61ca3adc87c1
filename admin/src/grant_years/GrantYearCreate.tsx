import { ResourceCreate } from '../common/ResourceForms';
import { GrantYearInputs } from './GrantYearInputs';

export default function GrantYearCreate() {
  return (
    <ResourceCreate>
      <GrantYearInputs />
    </ResourceCreate>
  );
}

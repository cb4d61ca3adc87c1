import { ResourceEdit } from '../common/ResourceForms';
import { GrantYearInputs } from './GrantYearInputs';

export default function GrantYearEdit() {
  return (
    <ResourceEdit>
      <GrantYearInputs />
    </ResourceEdit>
  );
}

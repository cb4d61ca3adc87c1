import { ResourceEdit } from '../common/ResourceForms';
import { GrantInputs } from './GrantInputs';

export default function GrantEdit() {
  return (
    <ResourceEdit>
      <GrantInputs />
    </ResourceEdit>
  );
}

import { ResourceEdit } from '../common/ResourceForms';
import { UserInputs } from './UserInputs';

export default function UserEdit() {
  return (
    <ResourceEdit>
      <UserInputs />
    </ResourceEdit>
  );
}

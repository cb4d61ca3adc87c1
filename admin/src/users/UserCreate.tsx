import { ResourceCreate } from '../common/ResourceForms';
import { UserInputs } from './UserInputs';

export default function UserCreate() {
  return (
    <ResourceCreate form={{ defaultValues: { active: true, municipality_ids: [] } }}>
      <UserInputs create />
    </ResourceCreate>
  );
}

import { ResourceEdit } from '../common/ResourceForms';
import { ContactInputs } from './ContactInputs';

export default function ContactEdit() {
  return (
    <ResourceEdit>
      <ContactInputs />
    </ResourceEdit>
  );
}

import { ResourceCreate } from '../common/ResourceForms';
import { ContactInputs } from './ContactInputs';
import { contactDefaults } from './contactDefaults';

export default function ContactCreate() {
  return (
    <ResourceCreate form={{ defaultValues: contactDefaults }}>
      <ContactInputs />
    </ResourceCreate>
  );
}

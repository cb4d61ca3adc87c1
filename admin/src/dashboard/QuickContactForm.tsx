import { useState } from 'react';
import { CreateBase, Form, SaveButton, useNotify, useRefresh } from 'react-admin';
import { ContactInputs } from '../contacts/ContactInputs';
import { contactDefaults } from '../contacts/contactDefaults';

/**
 * The guide's quick contact log on her start page: one column, full-width inputs, a large save button.
 * After saving, the form starts afresh and the start page reloads its lists.
 */
export function QuickContactForm() {
  const notify = useNotify();
  const refresh = useRefresh();
  const [formKey, setFormKey] = useState(0);
  const onSuccess = () => {
    notify('app.guide.saved', { type: 'success' });
    setFormKey((k) => k + 1);
    refresh();
  };
  return (
    <CreateBase resource="contacts" redirect={false} mutationOptions={{ onSuccess }}>
      <Form key={formKey} defaultValues={contactDefaults} noValidate>
        <ContactInputs quick />
        <SaveButton label="app.guide.save_contact" size="large" fullWidth sx={{ minHeight: 48, mt: 1 }} />
      </Form>
    </CreateBase>
  );
}

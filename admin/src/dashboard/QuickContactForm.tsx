import { useEffect, useRef, useState } from 'react';
import { useFormContext } from 'react-hook-form';
import { CreateBase, Form, SaveButton, useNotify, useRefresh } from 'react-admin';
import { ContactInputs } from '../contacts/ContactInputs';
import { contactDefaults } from '../contacts/contactDefaults';

/** A municipality tapped in "Meine Kommunen": `pick` changes with every tap, even on the same one. */
export interface MunicipalityPick {
  id: number;
  pick: number;
}

/** Puts a tapped municipality into the form and takes the guide to the topic field. */
function ApplyPick({
  picked,
  anchor,
}: {
  picked?: MunicipalityPick;
  anchor: React.RefObject<HTMLDivElement | null>;
}) {
  const { setValue } = useFormContext();
  useEffect(() => {
    if (!picked) return;
    setValue('municipality_id', picked.id, { shouldDirty: true, shouldValidate: true });
    anchor.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    anchor.current?.querySelector<HTMLInputElement>('input[name="topic"]')?.focus({ preventScroll: true });
  }, [picked, setValue, anchor]);
  return null;
}

/**
 * The guide's quick contact log on her start page: one column, full-width inputs, a large save button.
 * A municipality tapped in her list is filled in; after saving, the form starts afresh and the lists reload.
 */
export function QuickContactForm({ picked }: { picked?: MunicipalityPick }) {
  const notify = useNotify();
  const refresh = useRefresh();
  const [formKey, setFormKey] = useState(0);
  const anchor = useRef<HTMLDivElement>(null);
  const onSuccess = () => {
    notify('app.guide.saved', { type: 'success' });
    setFormKey((k) => k + 1);
    refresh();
  };
  return (
    <div ref={anchor} style={{ scrollMarginTop: 72 }}>
      <CreateBase resource="contacts" redirect={false} mutationOptions={{ onSuccess }}>
        <Form key={formKey} defaultValues={contactDefaults} noValidate>
          <ApplyPick picked={picked} anchor={anchor} />
          <ContactInputs quick />
          <SaveButton label="app.guide.save_contact" size="large" fullWidth sx={{ minHeight: 48, mt: 1 }} />
        </Form>
      </CreateBase>
    </div>
  );
}

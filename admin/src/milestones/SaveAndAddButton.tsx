import { SaveButton, useNotify, useRefresh } from 'react-admin';
import { useFormContext } from 'react-hook-form';

/**
 * "Speichern und weiteren anlegen": saves the new milestone and starts the form afresh (same measure), focused on
 * the title, so several milestones are entered in a row without leaving the page.
 */
export function SaveAndAddButton() {
  const { reset, setFocus } = useFormContext();
  const notify = useNotify();
  const refresh = useRefresh();
  return (
    <SaveButton
      type="button"
      variant="outlined"
      label="app.milestones.save_and_add"
      mutationOptions={{
        onSuccess: () => {
          notify('app.milestones.saved', { type: 'success' });
          reset();
          refresh();
          setTimeout(() => setFocus('title'), 0);
        },
      }}
    />
  );
}

import { Dialog, DialogActions, DialogContent, DialogTitle, Button } from '@mui/material';
import {
  CreateBase,
  Form,
  SaveButton,
  TextInput,
  useCreateSuggestionContext,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { EnumInput } from '../common/EnumInput';
import { isRequired, textValidators } from '../common/validators';

/**
 * A new partner from the partner picker (react-admin's create suggestion): the typed text as its name, the sector
 * chosen here; the rest is filled in on the partner's page later. Saving picks the new partner.
 */
export function PartnerQuickCreate() {
  const { filter, onCancel, onCreate } = useCreateSuggestionContext();
  const translate = useTranslate();
  return (
    <Dialog open onClose={onCancel} aria-labelledby="partner-quick-create-title" fullWidth maxWidth="sm">
      <CreateBase
        resource="partners"
        redirect={false}
        mutationOptions={{ onSuccess: (record: RaRecord) => onCreate(record) }}
      >
        <Form defaultValues={{ name: filter ?? '' }} noValidate>
          <DialogTitle id="partner-quick-create-title">
            {translate('ra.page.create', { name: translate('resources.partners.name', { smart_count: 1 }) })}
          </DialogTitle>
          <DialogContent>
            <TextInput source="name" validate={textValidators('partners', 'name')} autoFocus />
            <EnumInput source="sector" validate={isRequired} />
          </DialogContent>
          <DialogActions>
            <Button onClick={onCancel}>{translate('ra.action.cancel')}</Button>
            <SaveButton />
          </DialogActions>
        </Form>
      </CreateBase>
    </Dialog>
  );
}

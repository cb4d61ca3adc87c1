import { TextInput, regex } from 'react-admin';
import { EnumInput } from '../common/EnumInput';
import { isRequired, textValidators } from '../common/validators';

const accountRules = [
  ...textValidators('ledger_accounts', 'account'),
  regex(/^\d+$/, 'app.ledger.digits_only'),
];

/** An account number or its first digits (the import takes the longest matching entry) and its cost category. */
export function LedgerAccountInputs() {
  return (
    <>
      <TextInput source="account" validate={accountRules} helperText="app.ledger.account_help" />
      <EnumInput source="cost_category" validate={isRequired} />
      <TextInput source="note" validate={textValidators('ledger_accounts', 'note')} fullWidth />
    </>
  );
}

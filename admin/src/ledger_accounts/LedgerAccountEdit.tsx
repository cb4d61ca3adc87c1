import { ResourceEdit } from '../common/ResourceForms';
import { LedgerAccountInputs } from './LedgerAccountInputs';

export default function LedgerAccountEdit() {
  return (
    <ResourceEdit>
      <LedgerAccountInputs />
    </ResourceEdit>
  );
}

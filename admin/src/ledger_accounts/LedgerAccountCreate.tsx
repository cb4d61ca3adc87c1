import { ResourceCreate } from '../common/ResourceForms';
import { LedgerAccountInputs } from './LedgerAccountInputs';

export default function LedgerAccountCreate() {
  return (
    <ResourceCreate>
      <LedgerAccountInputs />
    </ResourceCreate>
  );
}

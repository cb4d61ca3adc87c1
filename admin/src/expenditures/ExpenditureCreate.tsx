import { ResourceCreate } from '../common/ResourceForms';
import { ExpenditureInputs } from './ExpenditureInputs';

export default function ExpenditureCreate() {
  return (
    <ResourceCreate form={{ defaultValues: { eligible: true } }}>
      <ExpenditureInputs />
    </ResourceCreate>
  );
}

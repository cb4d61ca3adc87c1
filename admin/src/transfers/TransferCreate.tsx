import { ResourceCreate } from '../common/ResourceForms';
import { TransferInputs } from './TransferInputs';

export default function TransferCreate() {
  return (
    <ResourceCreate>
      <TransferInputs />
    </ResourceCreate>
  );
}

import { ResourceEdit } from '../common/ResourceForms';
import { TransferInputs } from './TransferInputs';

export default function TransferEdit() {
  return (
    <ResourceEdit>
      <TransferInputs />
    </ResourceEdit>
  );
}

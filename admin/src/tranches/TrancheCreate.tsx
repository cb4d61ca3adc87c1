import { ResourceCreate } from '../common/ResourceForms';
import { TrancheInputs } from './TrancheInputs';

const defaults = () => ({ status: 'planned', is_final: false, fiscal_year: new Date().getFullYear() });

export default function TrancheCreate() {
  return (
    <ResourceCreate form={{ defaultValues: defaults }}>
      <TrancheInputs />
    </ResourceCreate>
  );
}

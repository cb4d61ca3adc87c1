import { ResourceCreate } from '../common/ResourceForms';
import { IndicatorInputs } from './IndicatorInputs';

export default function IndicatorCreate() {
  return (
    <ResourceCreate form={{ defaultValues: { direction: 'higher' } }}>
      <IndicatorInputs />
    </ResourceCreate>
  );
}

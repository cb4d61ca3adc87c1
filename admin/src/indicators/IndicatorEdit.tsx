import { ResourceEdit } from '../common/ResourceForms';
import { IndicatorInputs } from './IndicatorInputs';

export default function IndicatorEdit() {
  return (
    <ResourceEdit>
      <IndicatorInputs />
    </ResourceEdit>
  );
}

import { SaveButton, Toolbar } from 'react-admin';
import { ResourceCreate } from '../common/ResourceForms';
import { backToMeasure } from './backToMeasure';
import { MilestoneInputs } from './MilestoneInputs';
import { SaveAndAddButton } from './SaveAndAddButton';

const toolbar = (
  <Toolbar sx={{ gap: 2 }}>
    <SaveButton />
    <SaveAndAddButton />
  </Toolbar>
);

export default function MilestoneCreate() {
  return (
    <ResourceCreate form={{ defaultValues: { is_final: false }, toolbar }} redirect={backToMeasure}>
      <MilestoneInputs />
    </ResourceCreate>
  );
}

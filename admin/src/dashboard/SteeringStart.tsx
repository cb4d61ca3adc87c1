import CockpitDashboard from './CockpitDashboard';
import { MyMeasures } from './MyMeasures';

/** The steering role's start: its own measures first, the programme's cockpit below. */
export default function SteeringStart() {
  return (
    <>
      <MyMeasures />
      <CockpitDashboard />
    </>
  );
}

import { lazy, Suspense } from 'react';
import { Loading } from 'react-admin';
import { useRole } from '../auth/useCan';

const CockpitDashboard = lazy(() => import('./CockpitDashboard'));
const FundingStart = lazy(() => import('../funding/FundingStart'));
const GuideStart = lazy(() => import('./GuideStart'));
const SteeringStart = lazy(() => import('./SteeringStart'));

/**
 * The start page of each role: the cockpit (for steering with "Meine Maßnahmen" on top), the funding start, or the
 * guide's municipalities.
 */
export function Dashboard() {
  const role = useRole();
  if (!role) return <Loading />;
  const Start =
    role === 'guide'
      ? GuideStart
      : role === 'funding'
        ? FundingStart
        : role === 'steering'
          ? SteeringStart
          : CockpitDashboard;
  return (
    <Suspense fallback={<Loading />}>
      <Start />
    </Suspense>
  );
}

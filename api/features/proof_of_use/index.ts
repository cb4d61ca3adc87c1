import type { Feature } from '../feature';
import { proofOfUseModule } from './routes';

/** The funder's deliverables (#15): plan against actuals, proof of use, interest risk. */
export default {
  name: 'proof_of_use',
  resources: [],
  routes: [proofOfUseModule],
} satisfies Feature;

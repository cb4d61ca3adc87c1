import type { Feature } from '../feature';
import base_rates from './base_rates';
import proof_reports from './proof_reports';
import { proofOfUseModule } from './routes';

/** The funder's deliverables (#15): plan against actuals, proof of use, interest risk. */
export default {
  name: 'proof_of_use',
  resources: [proof_reports, base_rates],
  routes: [proofOfUseModule],
} satisfies Feature;

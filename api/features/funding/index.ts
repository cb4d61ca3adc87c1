import type { Feature } from '../feature';
import { deadlinesModule } from './deadlines';
import budget_lines from './budget_lines';
import expenditures from './expenditures';
import grant_years from './grant_years';
import grants from './grants';
import ledger_accounts from './ledger_accounts';
import { receiptsModule } from './receipts';
import { fundingModule } from './routes';
import tranches from './tranches';
import transfers from './transfers';

export default {
  name: 'funding',
  resources: [grants, grant_years, budget_lines, tranches, expenditures, transfers, ledger_accounts],
  routes: [fundingModule, deadlinesModule, receiptsModule],
} satisfies Feature;

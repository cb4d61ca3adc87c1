import type { MoneyFlow } from '../funding/contract';

/** Parts of the answer of GET /api/dashboard shared by the API and the admin (types only). */

/** Money of one fiscal year; own share = eligible spending minus the federal share. */
export interface YearMoney extends MoneyFlow {
  fiscal_year: number;
}

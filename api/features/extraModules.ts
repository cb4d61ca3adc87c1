import type { Router } from 'express';
import type { Knex } from 'knex';
import type { Config } from '../config';
import { deadlinesModule } from './funding/deadlines';
import { fundingModule } from './funding/routes';
import { receiptsModule } from './funding/receipts';
import { calendarModule } from './calendar/calendar';
import { dashboardModule } from './dashboard/dashboard';
import { statusReportModule } from './status_reports/routes';
import { trendModule } from './measures/routes';

/** A group of routes beside the generic resources (dashboard, reports, calendar) and its OpenAPI paths. */
export interface ExtraModule {
  router(db: Knex, config: Config): Router;
  /** OpenAPI path items, keyed by path below /api. */
  paths: Record<string, unknown>;
}

/** Each module checks its own roles (currentUser + a role list); they are mounted before the resources. */
export const extraModules: ExtraModule[] = [
  dashboardModule,
  trendModule,
  statusReportModule,
  calendarModule,
  fundingModule,
  deadlinesModule,
  receiptsModule,
];

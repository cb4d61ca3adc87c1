import type { Router } from 'express';
import type { Knex } from 'knex';
import type { Config } from '../config';
import { deadlinesModule } from './deadlines';
import { fundingModule } from './funding';
import { receiptsModule } from './receipts';
import { calendarModule } from './calendar';
import { dashboardModule } from './dashboard';
import { statusReportModule } from './statusReport';
import { trendModule } from './trend';

/** A group of routes beside the generic resources (dashboard, reports, calendar) and its OpenAPI paths. */
export interface ExtraModule {
  router(db: Knex, config: Config): Router;
  /** OpenAPI path items, keyed by path below /api. */
  paths: Record<string, unknown>;
}

/**
 * Mounted behind the sign-in check (before the resources); each route checks its roles with requireRole. The
 * calendar's token feed is the one route without a session and is mounted on its own (calendarTokenFeed).
 */
export const extraModules: ExtraModule[] = [
  dashboardModule,
  trendModule,
  statusReportModule,
  calendarModule,
  fundingModule,
  deadlinesModule,
  receiptsModule,
];

import type { Router } from 'express';
import type { Knex } from 'knex';
import type { Config } from '../config';
import type { ResourceDef } from '../rest/resource';

/** A group of routes beside the generic resources (dashboard, reports, calendar) and its OpenAPI paths. */
export interface ExtraModule {
  router(db: Knex, config: Config): Router;
  /** OpenAPI path items, keyed by path below /api. */
  paths: Record<string, unknown>;
}

/**
 * One feature folder: its resource declarations (served by the generic engine in api/rest/) and its extra routes.
 * Extra routes are mounted behind the sign-in check (before the resources) and check their roles with requireRole;
 * the calendar's token feed is the one route without a session and is mounted on its own (calendarTokenFeed).
 */
export interface Feature {
  name: string;
  resources: readonly ResourceDef[];
  routes: readonly ExtraModule[];
}

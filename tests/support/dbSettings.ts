/**
 * Settings of every test database. Nothing outlives the run, so a commit need not wait until its WAL is written
 * (on PostgreSQL: flushed to disk). Measured on three write-heavy files: ~10 % less CPU on PGlite, ~8 % less time
 * on PostgreSQL. The product keeps PostgreSQL's defaults, and so does the run's prepared template (globalSetup.ts):
 * with the setting, PGlite's dumpDataDir missed the last commits.
 */
export const TEST_DB_SETTINGS = ['synchronous_commit=off'];

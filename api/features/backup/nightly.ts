import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import type { Config } from '../../config';
import type { Logger } from '../../logger';
import { repeatEvery, runJob } from '../metrics/jobs';
import { writeBackup, type BackupSummary } from './snapshot';

/** Names the cockpit writes and serves: nothing else in the folder is listed, downloaded or pruned. */
export const BACKUP_NAME = /^myk10-\d{8}-\d{6}\.jsonl\.gz$/;

export interface BackupFile {
  name: string;
  bytes: number;
  created_at: string;
}

export function backupFileName(at = new Date()): string {
  return `myk10-${at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)}.jsonl.gz`;
}

/** The cockpit's backups in the folder, newest first. */
export function listBackups(dir: string): BackupFile[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => BACKUP_NAME.test(f))
    .map((name) => {
      const stat = fs.statSync(path.join(dir, name));
      return { name, bytes: stat.size, created_at: stat.mtime.toISOString() };
    })
    .sort((a, b) => b.name.localeCompare(a.name));
}

/** Deletes all but the newest `keep` backups; returns the deleted names. */
export function pruneBackups(dir: string, keep: number): string[] {
  const old = listBackups(dir).slice(keep);
  for (const f of old) fs.rmSync(path.join(dir, f.name), { force: true });
  return old.map((f) => f.name);
}

export async function backupNow(db: Knex, config: Config, at = new Date()): Promise<BackupSummary> {
  const summary = await writeBackup(db, path.join(config.backupDir, backupFileName(at)));
  pruneBackups(config.backupDir, config.backupKeep);
  return summary;
}

/** The start of the current backup day: 02:00 local time, the night's backup is due once after it. */
function lastBackupInstant(now: Date): Date {
  const at = new Date(now);
  at.setHours(2, 0, 0, 0);
  if (at > now) at.setDate(at.getDate() - 1);
  return at;
}

/** Whether a backup is due: none since the last 02:00 (a machine off at night backs up when it next runs). */
export function backupDue(dir: string, now = new Date()): boolean {
  const newest = listBackups(dir)[0];
  return !newest || new Date(newest.created_at) < lastBackupInstant(now);
}

const CHECK_EVERY_MS = 10 * 60_000;

/** Checks every ten minutes (first after one minute, so start-up stays quick) whether the night's backup is due. */
export function startNightlyBackups(db: Knex, config: Config, logger: Logger): () => void {
  if (!config.nightlyBackups) return () => undefined;
  let running = false;
  const check = async () => {
    if (running || !backupDue(config.backupDir)) return;
    running = true;
    try {
      await runJob('backup', async () => {
        const s = await backupNow(db, config);
        logger.info({ file: s.file, bytes: s.bytes }, 'nightly backup written');
      });
    } catch (err) {
      logger.error({ err }, 'nightly backup failed');
    } finally {
      running = false;
    }
  };
  return repeatEvery(() => void check(), 60_000, CHECK_EVERY_MS);
}

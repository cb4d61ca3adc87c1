import type { Knex } from 'knex';
import type { Config } from '../../config';
import type { Logger } from '../../logger';
import { berlinDate } from '../../officeDay';
import { repeatEvery, runJob } from '../metrics/jobs';
import { runRetention } from './retention';

/** Runs the retention once per calendar day: checked every ten minutes, the first time a minute after start. */
export function startRetentionJob(db: Knex, config: Config, logger: Logger): () => void {
  let lastDay: string | undefined;
  let running = false;
  const check = async () => {
    const today = berlinDate(new Date());
    if (running || lastDay === today) return;
    running = true;
    try {
      const result = await runJob('retention', () => runRetention(db, today, config.contactRetentionMonths));
      lastDay = today;
      if (result.anonymised > 0)
        logger.info({ ...result }, 'contacts anonymised after their retention period');
    } catch (err) {
      logger.error({ err }, 'contact retention failed');
    } finally {
      running = false;
    }
  };
  return repeatEvery(() => void check(), 60_000, 10 * 60_000);
}

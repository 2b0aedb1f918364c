/** First-seen dates of a domain's findings, for the 1-5-15 rule; read from summaries only. */
import { firstSeenDates } from '../history/first-seen';
import { domainSummaries } from './db';
import type { CorruptRecordReporter } from './errors';
import type { VigieDatabase } from './open';

export async function domainFirstSeen(db: VigieDatabase, domain: string, report?: CorruptRecordReporter): Promise<Map<string, string>> {
  return firstSeenDates(await domainSummaries(db, domain, report));
}

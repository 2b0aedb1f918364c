/** Each finding gets its intervention deadline (from its priority) and the date it was first seen. */
import type { Finding } from '../audit/schema';
import type { Settings } from '../settings/schema';
import { deadlineFor } from './deadline';
import { findingAge } from './finding-age';

/** First-seen date per finding id: a map (as lib/history/first-seen.ts returns) or a plain record. */
export type FirstSeen = ReadonlyMap<string, string> | Readonly<Record<string, string>>;

function lookup(firstSeen: FirstSeen, id: string): string | undefined {
  if (firstSeen instanceof Map) return firstSeen.get(id);
  const record = firstSeen as Readonly<Record<string, string>>;
  return Object.prototype.hasOwnProperty.call(record, id) ? record[id] : undefined;
}

export function scheduleFindings(findings: readonly Finding[], now: Date, settings: Settings, firstSeen: FirstSeen = {}): Finding[] {
  const byPriority = new Map<string, string>();
  return findings.map((f) => {
    let deadline = byPriority.get(f.priority);
    if (!deadline) {
      deadline = deadlineFor(now, settings.priorities[f.priority], settings.workingHours, settings.cycleDay).toISOString();
      byPriority.set(f.priority, deadline);
    }
    return { ...f, deadline, firstSeen: findingAge(lookup(firstSeen, f.id), now).firstSeen };
  });
}

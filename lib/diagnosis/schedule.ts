/** Each finding gets its intervention deadline (from its priority) and the date it was first seen. */
import type { Finding } from '../audit/schema';
import type { Settings } from '../settings/schema';
import { deadlineFor } from './deadline';
import { findingAge } from './finding-age';

export type FirstSeen = Readonly<Record<string, string>>;

export function scheduleFindings(findings: readonly Finding[], now: Date, settings: Settings, firstSeen: FirstSeen = {}): Finding[] {
  const byPriority = new Map<string, string>();
  return findings.map((f) => {
    let deadline = byPriority.get(f.priority);
    if (!deadline) {
      deadline = deadlineFor(now, settings.priorities[f.priority], settings.workingHours, settings.cycleDay).toISOString();
      byPriority.set(f.priority, deadline);
    }
    const seen = Object.prototype.hasOwnProperty.call(firstSeen, f.id) ? firstSeen[f.id] : undefined;
    return { ...f, deadline, firstSeen: findingAge(seen, now).firstSeen };
  });
}

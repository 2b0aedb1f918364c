/** Finding age and the rule 1-5-15 (product.md §4): fixing now costs 1, after a year 5, after two years 15. */
const DAY = 86_400_000;

/** Whole days between the first sighting and the audit; null when either date is unknown or invalid. */
export function ageInDays(firstSeen: string | undefined, at: string): number | null {
  if (!firstSeen) return null;
  const from = Date.parse(firstSeen);
  const to = Date.parse(at);
  if (Number.isNaN(from) || Number.isNaN(to)) return null;
  return Math.max(0, Math.floor((to - from) / DAY));
}

export type CostMultiplier = 1 | 5 | 15;

export function costMultiplier(days: number): CostMultiplier {
  if (days >= 730) return 15;
  if (days >= 365) return 5;
  return 1;
}

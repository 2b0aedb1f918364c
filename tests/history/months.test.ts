/** The monthly report's month list: in the page's language, the current month first, 24 months, across year ends. */
import { describe, expect, it } from 'vitest';
import { recentMonths } from '../../components/history/MonthlyReport';

describe('months offered for the monthly report', () => {
  it('names months in French and English, most recent first, across the year end', () => {
    const fr = recentMonths(new Date('2027-01-15T12:00:00Z'), 'fr');
    expect(fr).toHaveLength(24);
    expect(fr.slice(0, 2)).toEqual([['2027-01', 'janvier 2027'], ['2026-12', 'décembre 2026']]);
    expect(fr[23]![0]).toBe('2025-02');
    expect(recentMonths(new Date('2026-12-04T00:00:00Z'), 'en')[0]).toEqual(['2026-12', 'December 2026']);
  });
});

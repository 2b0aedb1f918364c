import { describe, expect, it } from 'vitest';
import { Finding } from '../../lib/audit/schema';
import { costMultiplier, findingAge } from '../../lib/diagnosis/finding-age';
import { scheduleFindings } from '../../lib/diagnosis/schedule';
import { defaultSettings } from '../../lib/settings/schema';
import { finding } from './helpers';

const now = new Date('2026-11-28T10:00:00Z');

describe('rule 1-5-15', () => {
  it('uses steps at the first and second anniversaries', () => {
    const seen = new Date('2024-03-10T12:00:00Z');
    const at = (iso: string) => costMultiplier(seen, new Date(iso));
    expect(at('2024-03-10T12:00:00Z')).toBe(1);
    expect(at('2025-03-10T11:59:59Z')).toBe(1);
    expect(at('2025-03-10T12:00:00Z')).toBe(5);
    expect(at('2026-03-10T11:59:59Z')).toBe(5);
    expect(at('2026-03-10T12:00:00Z')).toBe(15);
    expect(at('2031-01-01T00:00:00Z')).toBe(15);
  });

  it('counts a 29 February first sighting from 1 March', () => {
    const seen = new Date('2024-02-29T00:00:00Z');
    expect(costMultiplier(seen, new Date('2025-02-28T23:59:59Z'))).toBe(1);
    expect(costMultiplier(seen, new Date('2025-03-01T00:00:00Z'))).toBe(5);
  });

  it('agrees with the history module on every date', async () => {
    const { findingAge: historyAge } = await import('../../lib/history/first-seen');
    const now = new Date('2026-11-28T10:00:00Z');
    for (let days = 0; days < 1200; days += 7) {
      const seen = new Date(now.getTime() - days * 86_400_000 - 3_600_000).toISOString();
      expect(findingAge(seen, now).multiplier).toBe(historyAge(seen, now).multiplier);
    }
  });

  it('computes the age in whole days from the first-seen date', () => {
    expect(findingAge('2025-11-28T10:00:00Z', now)).toEqual({ firstSeen: '2025-11-28T10:00:00.000Z', ageDays: 365, multiplier: 5 });
    expect(findingAge('2025-11-28T10:00:01Z', now)).toMatchObject({ ageDays: 364, multiplier: 1 });
    expect(findingAge('2024-11-27T10:00:00Z', now).multiplier).toBe(15);
    expect(findingAge('2026-06-01T00:00:00Z', now)).toMatchObject({ ageDays: 180, multiplier: 1 });
  });

  it('treats a missing, unreadable or future first-seen date as new', () => {
    for (const bad of [undefined, 'not a date', '2027-01-01T00:00:00Z']) {
      expect(findingAge(bad, now)).toEqual({ firstSeen: now.toISOString(), ageDays: 0, multiplier: 1 });
    }
  });
});

describe('scheduleFindings', () => {
  it('gives each finding the deadline of its priority and its first-seen date from the history', () => {
    const settings = defaultSettings('Europe/Paris');
    const findings = [
      finding('transport.https-missing', 'critical', 'A3', undefined, 'P1'),
      finding('headers.xcto-missing', 'medium', 'A5', undefined, 'P2'),
      finding('disclosure.version-header', 'low', 'A2', 'server', 'P3'),
    ];
    const out = scheduleFindings(findings, now, settings, { 'headers.xcto-missing': '2025-01-10T08:00:00.000Z', 'other.rule': '2020-01-01T00:00:00Z' });
    // Saturday audit: P1 → Monday 13:00 Paris; P2 (18 working hours) → Tuesday 18:00; P3 → Tuesday 1 December 09:00.
    expect(out.map((f) => f.deadline)).toEqual(['2026-11-30T12:00:00.000Z', '2026-12-01T17:00:00.000Z', '2026-12-01T08:00:00.000Z']);
    expect(out.map((f) => f.firstSeen)).toEqual([now.toISOString(), '2025-01-10T08:00:00.000Z', now.toISOString()]);
    for (const f of out) expect(() => Finding.parse(f)).not.toThrow();
    expect(findings[0]!.deadline).toBeUndefined(); // input untouched
  });

  it('accepts the first-seen map of the history module', () => {
    const [f] = scheduleFindings([finding('headers.xcto-missing', 'medium', 'A5')], now, defaultSettings('UTC'), new Map([['headers.xcto-missing', '2024-01-01T00:00:00.000Z']]));
    expect(f!.firstSeen).toBe('2024-01-01T00:00:00.000Z');
  });

  it('follows an edited priority matrix', () => {
    const settings = defaultSettings('UTC');
    settings.priorities.P1 = { amount: 2, unit: 'hours' };
    const [f] = scheduleFindings([finding('transport.https-missing', 'critical', 'A3', undefined, 'P1')], now, settings);
    expect(f!.deadline).toBe('2026-11-28T12:00:00.000Z');
  });
});

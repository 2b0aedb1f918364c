import { describe, expect, it } from 'vitest';
import { Finding } from '../../lib/audit/schema';
import { costMultiplier, findingAge } from '../../lib/diagnosis/finding-age';
import { scheduleFindings } from '../../lib/diagnosis/schedule';
import { defaultSettings } from '../../lib/settings/schema';
import { finding } from './helpers';

const now = new Date('2026-11-28T10:00:00Z');

describe('rule 1-5-15', () => {
  it('uses steps at one and two years', () => {
    expect([0, 1, 364, 365, 500, 729, 730, 2000].map(costMultiplier)).toEqual([1, 1, 1, 5, 5, 5, 15, 15]);
  });

  it('computes the age in whole days from the first-seen date', () => {
    expect(findingAge('2025-11-28T10:00:00Z', now)).toEqual({ firstSeen: '2025-11-28T10:00:00.000Z', ageDays: 365, multiplier: 5 });
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

  it('follows an edited priority matrix', () => {
    const settings = defaultSettings('UTC');
    settings.priorities.P1 = { amount: 2, unit: 'hours' };
    const [f] = scheduleFindings([finding('transport.https-missing', 'critical', 'A3', undefined, 'P1')], now, settings);
    expect(f!.deadline).toBe('2026-11-28T12:00:00.000Z');
  });
});

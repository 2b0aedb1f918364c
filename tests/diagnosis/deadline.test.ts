import { describe, expect, it } from 'vitest';
import { addWorkingTime, deadlineFor, nextMonthlyCycle } from '../../lib/diagnosis/deadline';
import { fromLocal, toLocal } from '../../lib/diagnosis/zoned-time';
import { defaultSettings, type WorkingHours } from '../../lib/settings/schema';

const paris = defaultSettings('Europe/Paris');
const due = (startIso: string, priority: 'P0' | 'P1' | 'P2' | 'P3', settings = paris) =>
  deadlineFor(new Date(startIso), settings.priorities[priority], settings.workingHours, settings.cycleDay).toISOString();

describe('priority deadlines with working hours (Mon–Fri 9:00–18:00)', () => {
  it('P0: one hour, round the clock, even on a Saturday night', () => {
    expect(due('2026-11-28T22:30:00Z', 'P0')).toBe('2026-11-28T23:30:00.000Z');
  });

  it('P1: 4 working hours inside one day', () => {
    // Tuesday 10:00 Paris (09:00Z) → 14:00 Paris.
    expect(due('2026-11-24T09:00:00Z', 'P1')).toBe('2026-11-24T13:00:00.000Z');
  });

  it('P1: carries over the weekend (Friday 16:00 → Monday 11:00)', () => {
    expect(due('2026-11-27T15:00:00Z', 'P1')).toBe('2026-11-30T10:00:00.000Z');
  });

  it('P1: starting on a weekend or before opening counts from the next opening', () => {
    expect(due('2026-11-28T10:12:00Z', 'P1')).toBe('2026-11-30T12:00:00.000Z'); // Saturday → Monday 13:00
    expect(due('2026-11-30T06:00:00Z', 'P1')).toBe('2026-11-30T12:00:00.000Z'); // Monday 07:00 → 13:00
    expect(due('2026-11-27T17:00:00Z', 'P1')).toBe('2026-11-30T12:00:00.000Z'); // Friday 18:00 sharp
  });

  it('P2: two working days land at the same time two working days later', () => {
    expect(due('2026-11-25T13:00:00Z', 'P2')).toBe('2026-11-27T13:00:00.000Z'); // Wed 14:00 → Fri 14:00
    expect(due('2026-11-27T13:00:00Z', 'P2')).toBe('2026-12-01T13:00:00.000Z'); // Fri 14:00 → Tue 14:00
  });

  it('P3: the next monthly cycle opens on the first working day of the following month', () => {
    expect(due('2026-11-28T10:12:00Z', 'P3')).toBe('2026-12-01T08:00:00.000Z'); // Tue 1 Dec 09:00 Paris
    expect(due('2026-07-15T10:00:00Z', 'P3')).toBe('2026-08-03T07:00:00.000Z'); // 1 Aug is a Saturday → Mon 3, summer time
    expect(due('2026-12-20T10:00:00Z', 'P3')).toBe('2027-01-01T08:00:00.000Z'); // across the year
  });

  it('is right across the spring daylight-saving change (Paris, 29 March 2026)', () => {
    // Friday 17:00 CET (16:00Z): 1 h on Friday, 3 h on Monday → 12:00 CEST = 10:00Z.
    expect(due('2026-03-27T16:00:00Z', 'P1')).toBe('2026-03-30T10:00:00.000Z');
  });

  it('is right across the autumn change (Paris, 25 October 2026)', () => {
    // Friday 17:00 CEST (15:00Z) → Monday 12:00 CET = 11:00Z.
    expect(due('2026-10-23T15:00:00Z', 'P1')).toBe('2026-10-26T11:00:00.000Z');
  });

  it('follows the user\'s time zone: New York, across the US change (8 March 2026)', () => {
    const ny = defaultSettings('America/New_York');
    expect(due('2026-11-27T21:00:00Z', 'P1', ny)).toBe('2026-11-30T16:00:00.000Z'); // Fri 16:00 EST → Mon 11:00 EST
    expect(due('2026-03-06T22:00:00Z', 'P1', ny)).toBe('2026-03-09T16:00:00.000Z'); // Fri 17:00 EST → Mon 12:00 EDT
  });

  it('handles zones with half-hour offsets and a start that is already the next local day', () => {
    const kolkata = defaultSettings('Asia/Kolkata');
    // 2026-11-26 22:00Z is Friday 03:30 in Kolkata: 9:00–13:00 the same day = 07:30Z.
    expect(due('2026-11-26T22:00:00Z', 'P1', kolkata)).toBe('2026-11-27T07:30:00.000Z');
  });

  it('uses custom working hours and days', () => {
    const wh: WorkingHours = { days: [1, 2, 3, 4, 5, 6], start: '08:00', end: '12:00', timeZone: 'UTC' };
    // Friday 11:00 + 4 h → 1 h on Friday, 3 h on Saturday (a working day here) → Saturday 11:00.
    expect(addWorkingTime(new Date('2026-11-27T11:00:00Z'), 4 * 3_600_000, wh).toISOString()).toBe('2026-11-28T11:00:00.000Z');
    // 2 working days = 8 h: Friday 1 h, Saturday 4 h, Sunday off, Monday 3 h → Monday 11:00.
    expect(deadlineFor(new Date('2026-11-27T11:00:00Z'), { amount: 2, unit: 'working-days' }, wh).toISOString()).toBe('2026-11-30T11:00:00.000Z');
  });

  it('counts several monthly cycles and a cycle day other than the first', () => {
    const wh = paris.workingHours;
    expect(nextMonthlyCycle(new Date('2026-11-28T10:00:00Z'), 2, 15, wh).toISOString()).toBe('2027-01-15T08:00:00.000Z');
  });
});

describe('zoned time helpers', () => {
  it('round-trips local times, and moves a time skipped by the spring change forward', () => {
    expect(new Date(fromLocal(2026, 3, 29, 2, 30, 'Europe/Paris')).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(new Date(fromLocal(2026, 10, 25, 2, 30, 'Europe/Paris')).toISOString()).toBe('2026-10-25T00:30:00.000Z'); // first occurrence
    expect(toLocal(Date.parse('2026-11-29T23:30:00Z'), 'Europe/Paris')).toMatchObject({ day: 30, hour: 0, minute: 30, weekday: 1 });
  });
});

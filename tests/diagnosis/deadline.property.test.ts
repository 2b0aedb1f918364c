import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkingTime, deadlineFor } from '../../lib/diagnosis/deadline';
import { toLocal } from '../../lib/diagnosis/zoned-time';
import { carryForward } from '../../lib/diagnosis/answer-edits';
import { ChecklistAnswers } from '../../lib/diagnosis/answers';
import { defaultSettings, parseSettings, StrictSettings, type WorkingHours } from '../../lib/settings/schema';

const ZONES = ['UTC', 'Europe/Paris', 'Europe/London', 'America/New_York', 'America/Sao_Paulo', 'Australia/Sydney', 'Asia/Kolkata', 'Pacific/Chatham'];
const HOUR = 3_600_000;

const workingHours = fc.record({
  days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
  startMin: fc.integer({ min: 5 * 60, max: 11 * 60 }),
  length: fc.integer({ min: 60, max: 10 * 60 }),
  timeZone: fc.constantFrom(...ZONES),
}).map(({ days, startMin, length, timeZone }): WorkingHours => {
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return { days, start: hhmm(startMin), end: hhmm(startMin + length), timeZone };
});
// 2025–2028: several daylight-saving changes in every zone that has them.
const instant = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 11, 31) }).map((t) => new Date(Math.floor(t / 60_000) * 60_000));

function minutesOfDay(t: number, tz: string) {
  const l = toLocal(t, tz);
  return { weekday: l.weekday, minutes: l.hour * 60 + l.minute };
}
const toMin = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

describe('working-time arithmetic, for any zone, schedule and start', () => {
  it('lands inside working hours, never before the start', () => {
    fc.assert(
      fc.property(instant, workingHours, fc.integer({ min: 1, max: 40 * 60 }), (start, wh, minutes) => {
        const end = addWorkingTime(start, minutes * 60_000, wh);
        expect(end.getTime()).toBeGreaterThanOrEqual(start.getTime() + minutes * 60_000);
        const { weekday, minutes: m } = minutesOfDay(end.getTime(), wh.timeZone);
        expect(wh.days).toContain(weekday);
        expect(m).toBeGreaterThan(toMin(wh.start));
        expect(m).toBeLessThanOrEqual(toMin(wh.end));
      }),
      { numRuns: 300 },
    );
  });

  it('is additive: adding a then b equals adding a + b', () => {
    fc.assert(
      fc.property(instant, workingHours, fc.integer({ min: 1, max: 20 * 60 }), fc.integer({ min: 1, max: 20 * 60 }), (start, wh, a, b) => {
        const stepwise = addWorkingTime(addWorkingTime(start, a * 60_000, wh), b * 60_000, wh);
        expect(stepwise.toISOString()).toBe(addWorkingTime(start, (a + b) * 60_000, wh).toISOString());
      }),
      { numRuns: 300 },
    );
  });

  it('orders the default priorities: P0 ≤ P1 ≤ P2', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), (start, tz) => {
        const s = defaultSettings(tz);
        const [p0, p1, p2] = (['P0', 'P1', 'P2'] as const).map((p) => deadlineFor(start, s.priorities[p], s.workingHours).getTime());
        expect(p0).toBe(start.getTime() + HOUR);
        expect(p1!).toBeLessThanOrEqual(p2!);
        expect(p1! - start.getTime()).toBeGreaterThanOrEqual(4 * HOUR);
      }),
      { numRuns: 200 },
    );
  });
});

describe('untrusted stored data', () => {
  it('parseSettings always returns valid settings', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(StrictSettings.safeParse(parseSettings(value, defaultSettings('UTC'))).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('carryForward always returns valid answers', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.dictionary(fc.constantFrom('A1', 'B2', 'E9', '__proto__'), fc.anything())), (value) => {
        expect(ChecklistAnswers.safeParse(carryForward(value, new Date('2026-11-28T00:00:00Z'))).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

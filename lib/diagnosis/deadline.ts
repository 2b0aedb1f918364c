/**
 * Intervention deadlines from the priority matrix and the working hours (product.md §4).
 * Pure and time-zone aware: the start instant and the settings come in, nothing reads the clock.
 */
import type { PriorityRule, WorkingHours } from '../settings/schema';
import { addLocalDays, fromLocal, toLocal } from './zoned-time';

const HOUR = 3_600_000;
/** Upper bound of days walked, so absurd settings cannot loop for long. */
const MAX_DAYS_WALKED = 3660;

function hm(value: string): [number, number] {
  const [h, m] = value.split(':').map(Number);
  return [h!, m!];
}

/** Opening and closing instants of working hours on a local date, or null on a day off. */
function windowOn(date: { year: number; month: number; day: number }, wh: WorkingHours): [number, number] | null {
  const dow = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() || 7;
  if (!wh.days.includes(dow)) return null;
  const [sh, sm] = hm(wh.start);
  const [eh, em] = hm(wh.end);
  return [fromLocal(date.year, date.month, date.day, sh, sm, wh.timeZone), fromLocal(date.year, date.month, date.day, eh, em, wh.timeZone)];
}

/** Length of one working day in milliseconds (wall-clock, as on a day without a clock change). */
export function workingDayLength(wh: WorkingHours): number {
  const [sh, sm] = hm(wh.start);
  const [eh, em] = hm(wh.end);
  return (eh * 60 + em - (sh * 60 + sm)) * 60_000;
}

/** Adds working time to an instant: time outside working hours does not count. */
export function addWorkingTime(start: Date, durationMs: number, wh: WorkingHours): Date {
  let remaining = durationMs;
  const local = toLocal(start.getTime(), wh.timeZone);
  let date = { year: local.year, month: local.month, day: local.day };
  let cursor = start.getTime();
  for (let i = 0; i < MAX_DAYS_WALKED; i++) {
    const window = windowOn(date, wh);
    if (window) {
      const from = Math.max(cursor, window[0]);
      if (from < window[1]) {
        const available = window[1] - from;
        if (remaining <= available) return new Date(from + remaining);
        remaining -= available;
      }
    }
    date = addLocalDays(date.year, date.month, date.day, 1);
  }
  return new Date(cursor + remaining);
}

/** The first working instant on or after a local date. */
function firstWorkingInstantFrom(date: { year: number; month: number; day: number }, wh: WorkingHours): Date {
  let d = date;
  for (let i = 0; i < MAX_DAYS_WALKED; i++) {
    const window = windowOn(d, wh);
    if (window) return new Date(window[0]);
    d = addLocalDays(d.year, d.month, d.day, 1);
  }
  return new Date(fromLocal(date.year, date.month, date.day, 0, 0, wh.timeZone));
}

/** Start of the monthly maintenance cycle `cycles` months after the start's month. */
export function nextMonthlyCycle(start: Date, cycles: number, cycleDay: number, wh: WorkingHours): Date {
  const local = toLocal(start.getTime(), wh.timeZone);
  const monthIndex = local.month - 1 + cycles;
  const year = local.year + Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  return firstWorkingInstantFrom({ year, month, day: cycleDay }, wh);
}

export function deadlineFor(start: Date, rule: PriorityRule, wh: WorkingHours, cycleDay = 1): Date {
  switch (rule.unit) {
    case 'hours':
      return new Date(start.getTime() + rule.amount * HOUR);
    case 'working-hours':
      return addWorkingTime(start, rule.amount * HOUR, wh);
    case 'working-days':
      return addWorkingTime(start, rule.amount * workingDayLength(wh), wh);
    case 'monthly-cycle':
      return nextMonthlyCycle(start, rule.amount, cycleDay, wh);
  }
}

/** The same local time `days` calendar days later in the zone (30 days after 10:00 stays 10:00 across DST). */
export function addCalendarDays(start: Date, days: number, timeZone: string): Date {
  const l = toLocal(start.getTime(), timeZone);
  const d = addLocalDays(l.year, l.month, l.day, days);
  const instant = fromLocal(d.year, d.month, d.day, l.hour, l.minute, timeZone);
  return new Date(instant + (start.getTime() % 60_000 + 60_000) % 60_000);
}

/**
 * Wall-clock arithmetic in a named time zone with Intl only (no library): converting an instant to
 * the local date and time of a zone, and a local date and time back to an instant, safely across
 * daylight-saving changes.
 */
export interface LocalDateTime {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function fields(instant: number, timeZone: string) {
  const out: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  return { year: out.year!, month: out.month!, day: out.day!, hour: out.hour! % 24, minute: out.minute!, second: out.second! };
}

/** Offset of the zone from UTC at an instant, in milliseconds (Paris in winter: +3 600 000). */
export function zoneOffset(instant: number, timeZone: string): number {
  const f = fields(instant, timeZone);
  const asUtc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

export function toLocal(instant: number, timeZone: string): LocalDateTime {
  const f = fields(instant, timeZone);
  const dow = new Date(Date.UTC(f.year, f.month - 1, f.day)).getUTCDay();
  return { year: f.year, month: f.month, day: f.day, hour: f.hour, minute: f.minute, weekday: dow === 0 ? 7 : dow };
}

/**
 * The instant at which the zone's clocks show this local time. A time skipped by a spring-forward
 * change resolves to the same wall time shifted by the change (02:30 → 03:30); a time repeated in
 * autumn resolves to its first occurrence.
 */
export function fromLocal(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // Offsets a day before and a day after cover any single clock change around this wall time.
  const before = zoneOffset(wall - 86_400_000, timeZone);
  const after = zoneOffset(wall + 86_400_000, timeZone);
  const shows = (t: number) => {
    const l = toLocal(t, timeZone);
    return l.year === year && l.month === month && l.day === day && l.hour === hour && l.minute === minute;
  };
  const candidates = [wall - before, wall - after].sort((a, b) => a - b);
  const found = candidates.find(shows);
  // Not found: the wall time falls in a spring-forward gap; the offset before the change shifts it forward.
  return found ?? wall - before;
}

/** The calendar date `days` after a local date (handles month and year ends). */
export function addLocalDays(year: number, month: number, day: number, days: number): { year: number; month: number; day: number } {
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

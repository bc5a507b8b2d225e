// Subpath imports: the package's index loads every date-fns function, a fifth of a second at start-up.
import { isExists } from 'date-fns/isExists';

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Parses `YYYY-MM-DD` into its parts; throws on anything else so callers validate first. */
export function parseIsoDate(iso: string): CalendarDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match || !isValidCalendarDate(iso)) throw new RangeError(`Not a calendar date: ${iso}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** The years a Party document can bear: from the Party's founding (1930) on. */
export const FIRST_YEAR = 1930;
export const LAST_YEAR = 2200;

/** True for a `YYYY-MM-DD` string naming a day that exists (no 31 February) in 1930–2200. */
export function isValidCalendarDate(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const year = Number(iso.slice(0, 4));
  if (year < FIRST_YEAR || year > LAST_YEAR) return false;
  return isExists(year, Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
}

/** Midday UTC of the date: a timestamp that names the same day in every time zone. */
export function toTimestamp(date: CalendarDate): Date {
  return new Date(Date.UTC(date.year, date.month - 1, date.day, 12));
}

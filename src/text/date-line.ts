import type { CalendarDate } from './calendar.js';

/**
 * The day as official documents write it: two digits below 10 ("05").
 */
export function formatDay(day: number): string {
  return String(day).padStart(2, '0');
}

/**
 * The month as official documents write it in a date: months 1 and 2 get a leading zero
 * ("01", "02") so they cannot be misread as 10–12 by a later hand; 3–12 are written plainly.
 */
export function formatMonth(month: number): string {
  return month <= 2 ? String(month).padStart(2, '0') : String(month);
}

/** How a profile writes months in running phrases ("tháng 01/2026"): see profile key dates.monthInText. */
type MonthInText = 'date-line' | 'two-digit' | 'plain';

/**
 * The month as running phrases write it ("tháng 01/2026", "ngày 15/01/2026"): by default as the
 * date line writes it (formatMonth), so a month reads the same in the header and in the text.
 */
export function formatMonthInText(month: number, style: MonthInText): string {
  switch (style) {
    case 'date-line':
      return formatMonth(month);
    case 'two-digit':
      return String(month).padStart(2, '0');
    case 'plain':
      return String(month);
  }
}

/** "ngày 29 tháng 10 năm 2024" (date-fns's `vi` locale has no such form). */
export function formatDateInWords(date: CalendarDate): string {
  return `ngày ${formatDay(date.day)} tháng ${formatMonth(date.month)} năm ${date.year}`;
}

/** "Chợ Chu, ngày 29 tháng 10 năm 2024". */
export function formatPlaceAndDate(place: string, date: CalendarDate): string {
  return `${place}, ${formatDateInWords(date)}`;
}

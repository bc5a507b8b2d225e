import { subMonths } from 'date-fns/subMonths';
import type { Profile } from '../profile/schema.js';
import type { Conclusion } from '../schema/conclusion.js';
import { parseIsoDate } from '../text/calendar.js';
import { formatDateInWords, formatDay, formatMonthInText } from '../text/date-line.js';
import { unitFromCommitteeName } from '../text/unit-name.js';

export interface MonthRef {
  month: number;
  year: number;
}

/** The month before, across a year's end: January 2025 → December 2024. */
export function previousMonth(ref: MonthRef): MonthRef {
  const before = subMonths(new Date(ref.year, ref.month - 1, 15), 1);
  return { month: before.getMonth() + 1, year: before.getFullYear() };
}

/**
 * Everything a template may name. An optional value the input leaves out is missing here too,
 * so a strict template that needs it fails, naming the variable, instead of printing nothing.
 */
export function templateContext(conclusion: Conclusion, profile: Profile) {
  const date = parseIsoDate(conclusion.date);
  const signatureDefaults = profile.defaults.signature;
  const sequence = conclusion.number.sequence;
  const header = profile.header.number;
  const unit = conclusion.issuer.unit ?? unitFromCommitteeName(conclusion.issuer.name);
  const month = (n: number) => formatMonthInText(n, profile.dates.monthInText);
  const meeting = conclusion.meeting;
  return {
    issuer: {
      name: conclusion.issuer.name,
      ...(conclusion.issuer.superior !== undefined && { superior: conclusion.issuer.superior }),
      ...(unit !== undefined && { unit }),
    },
    number: {
      sequence: sequence == null ? ' '.repeat(header.blankSpaces) : String(sequence).padStart(header.minDigits, '0'),
      typeCode: conclusion.number.typeCode ?? profile.typeCode,
      issuerCode: conclusion.number.issuerCode,
    },
    place: conclusion.place,
    date: {
      day: date.day,
      month: date.month,
      year: date.year,
      /** "29/10/2024", "15/01/2026": as running text writes dates, the day padded, the month as the profile says. */
      short: `${formatDay(date.day)}/${month(date.month)}/${date.year}`,
      inWords: formatDateInWords(date),
    },
    // Months as running phrases write them ("01" for January with the default profile).
    meeting: meeting ? { month: month(meeting.month), year: meeting.year, previous: monthInText(previousMonth(meeting), month) } : null,
    signature: {
      authority: conclusion.signature.authority ?? signatureDefaults.authority,
      collective: conclusion.signature.collective ?? signatureDefaults.collective,
      position: conclusion.signature.position ?? signatureDefaults.position,
      name: conclusion.signature.name,
    },
  };
}

function monthInText(ref: MonthRef, month: (n: number) => string) {
  return { month: month(ref.month), year: ref.year };
}

export type TemplateContext = ReturnType<typeof templateContext>;

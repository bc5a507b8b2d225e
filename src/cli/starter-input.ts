import { addMonths } from 'date-fns/addMonths';
import { lastDayOfMonth } from 'date-fns/lastDayOfMonth';
import { previousMonth, type MonthRef } from '../compose/context.js';
import type { ConclusionInput } from '../schema/conclusion.js';
import { placeholderIn } from '../lint/placeholders.js';
import { formatPath } from '../schema/errors.js';

/** `YYYY-MM-DD` of a day in local time (today is the user's today, not UTC's). */
function isoDateOf(day: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/** "2026-01". */
export function monthName({ month, year }: MonthRef): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

const monthIndex = ({ month, year }: MonthRef) => year * 12 + (month - 1);
const monthOfIndex = (index: number): MonthRef => ({ year: Math.floor(index / 12), month: (index % 12) + 1 });
const nextMonth = (ref: MonthRef): MonthRef => monthOfIndex(monthIndex(ref) + 1);

/**
 * The starter's stand-ins for what only the office knows. Since district-level committees were
 * dissolved (01/7/2025), a commune's or ward's superior is the province.
 */
const PLACEHOLDER_ISSUER = { superior: 'ĐẢNG BỘ TỈNH …', name: 'ĐẢNG ỦY XÃ …', unit: 'xã …' } as const;
const PLACEHOLDER_PLACE = '…';
const PLACEHOLDER_SIGNER = 'Nguyễn Văn A';

/**
 * The date a starter for `meeting` carries: today when today falls in the meeting's month or
 * the month before (a regular meeting is held at the turn of the month), else the last day of
 * the month before.
 */
export function starterDate(meeting: MonthRef, today: Date): string {
  const todayIndex = monthIndex({ month: today.getMonth() + 1, year: today.getFullYear() });
  const meetingIndex = monthIndex(meeting);
  if (todayIndex === meetingIndex || todayIndex === meetingIndex - 1) return isoDateOf(today);
  const before = previousMonth(meeting);
  return isoDateOf(lastDayOfMonth(new Date(before.year, before.month - 1, 1)));
}

/**
 * A starter input for the regular monthly meeting of `meeting`. Names and places are
 * placeholders to replace; the title, summary, opening, headings, closing, recipients and filing
 * line come from the templates.
 */
export function starterInput(meeting: MonthRef, date: string): ConclusionInput {
  return {
    issuer: { ...PLACEHOLDER_ISSUER },
    number: {
      sequence: null,
      issuerCode: 'ĐU',
    },
    place: PLACEHOLDER_PLACE,
    date,
    ...starterContent(meeting),
    signature: {
      authority: 'T/M',
      collective: 'BAN THƯỜNG VỤ',
      position: 'BÍ THƯ',
      name: PLACEHOLDER_SIGNER,
    },
  };
}

/** The month's content, to be written: meeting, results, shortcomings, tasks. */
function starterContent(meeting: MonthRef): Pick<ConclusionInput, 'meeting' | 'results' | 'shortcomings' | 'tasks'> {
  const before = previousMonth(meeting);
  const last = `${before.month}/${before.year}`;
  const now = `${meeting.month}/${meeting.year}`;
  return {
    meeting: { month: meeting.month, year: meeting.year },
    results: {
      text: `Ban Thường vụ Đảng ủy đã lãnh đạo, chỉ đạo thực hiện cơ bản hoàn thành các nhiệm vụ trọng tâm tháng ${last} (ghi kết quả nổi bật của tháng ${last}).`,
      bullets: ['Công tác xây dựng Đảng: (ghi kết quả).', 'Phát triển kinh tế - xã hội: (ghi kết quả).', 'Quốc phòng, an ninh: (ghi kết quả).'],
    },
    shortcomings: `(Ghi những hạn chế, tồn tại trong tháng ${last} và nguyên nhân.)`,
    tasks: [
      { text: `Giao Thường trực Đảng ủy chỉ đạo các chi bộ thực hiện nhiệm vụ trọng tâm tháng ${now} (ghi nội dung cụ thể).` },
      { text: `Giao Ủy ban nhân dân chỉ đạo phát triển kinh tế - xã hội, bảo đảm quốc phòng, an ninh trong tháng ${now} (ghi nội dung cụ thể).` },
      { text: 'Giao Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội tuyên truyền, vận động hội viên, nhân dân thực hiện (ghi nội dung cụ thể).' },
      { text: 'Giao các đồng chí Ủy viên Ban Thường vụ, Ủy viên Ban Chấp hành Đảng bộ được phân công phụ trách đôn đốc, kiểm tra các chi bộ thực hiện Kết luận này.' },
    ],
  };
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The month a conclusion was for: its meeting, or else the month after its date's. */
function meetingOf(last: Json): MonthRef | null {
  const meeting = last.meeting;
  if (isObject(meeting) && Number.isInteger(meeting.month) && Number.isInteger(meeting.year)) {
    return { month: meeting.month as number, year: meeting.year as number };
  }
  const date = typeof last.date === 'string' ? /^(\d{4})-(\d{2})-\d{2}$/.exec(last.date) : null;
  return date ? nextMonth({ year: Number(date[1]), month: Number(date[2]) }) : null;
}

/**
 * Next month's starter from last month's input (valid, as written by the clerk): the issuer,
 * place, number codes, signature and recipients are carried over; the meeting
 * moves to `meeting` (default: the month after last's) and the date by as many months; the
 * content is the starter's, to be written.
 */
export function starterFrom(last: Json, meeting: MonthRef | undefined): { input: ConclusionInput; meeting: MonthRef } | null {
  const lastMeeting = meetingOf(last);
  if (lastMeeting === null) return null;
  const target = meeting ?? nextMonth(lastMeeting);
  const shift = monthIndex(target) - monthIndex(lastMeeting);
  const [y, m, d] = String(last.date).split('-').map(Number) as [number, number, number];
  const date = isoDateOf(addMonths(new Date(y, m - 1, d), shift));
  const number = isObject(last.number) ? last.number : {};
  const input: Json = {
    ...(typeof last.$schema === 'string' && { $schema: last.$schema }),
    issuer: last.issuer,
    number: { sequence: null, ...(number.typeCode !== undefined && { typeCode: number.typeCode }), ...(number.issuerCode !== undefined && { issuerCode: number.issuerCode }) },
    place: last.place,
    date,
    ...starterContent(target),
    ...(last.recipients !== undefined && { recipients: last.recipients }),
    signature: last.signature,
  };
  return { input: input as ConclusionInput, meeting: target };
}

/**
 * The fields of an input that still hold the starter's placeholder text, e.g.
 * ["issuer.name", "results.bullets[0]", "signature.name"].
 */
export function placeholderFields(input: unknown, path: (string | number)[] = []): string[] {
  // What counts as a placeholder is the library's rule (lintConclusion uses it too).
  if (typeof input === 'string') return placeholderIn(input) !== undefined ? [formatPath(path)] : [];
  if (Array.isArray(input)) return input.flatMap((item, i) => placeholderFields(item, [...path, i]));
  if (isObject(input)) return Object.entries(input).flatMap(([key, value]) => placeholderFields(value, [...path, key]));
  return [];
}

import { z } from 'zod';
import { FIRST_YEAR, isValidCalendarDate, LAST_YEAR } from '../text/calendar.js';
import { textField } from './text.js';

const line = () => textField();
/** Paragraph text: `**bold**` and `*italic*` mark emphasis, a newline is a line break. */
const paragraph = () => textField({ multiline: true });

const isoDate = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s), { message: 'must be a date written YYYY-MM-DD', params: { vi: 'phải là ngày dạng YYYY-MM-DD' }, abort: true })
  .refine(isValidCalendarDate, { message: 'is not a date that exists (or is outside 1930–2200)', params: { vi: 'không phải là ngày có thật (hoặc nằm ngoài 1930–2200)' } });

export const subPointSchema = z.strictObject({
  text: paragraph(),
  bullets: z.array(paragraph()).optional(),
});

export const pointSchema = z.strictObject({
  text: paragraph(),
  subpoints: z.array(subPointSchema).optional(),
  bullets: z.array(paragraph()).optional(),
});

/** A plain string is an unnumbered paragraph; an object is a numbered point `1.`, `2.` … */
export const sectionItemSchema = z.union([paragraph(), pointSchema]);

export const sectionSchema = z.strictObject({
  heading: paragraph(),
  content: z.array(sectionItemSchema).refine((items) => items.length > 0, { message: 'must hold at least one item', params: { vi: 'phải có ít nhất một mục' } }),
});

export const signatureSchema = z.strictObject({
  /** T/M on behalf of a collective, K/T for a deputy signing for the head, T/L by order. */
  authority: z.enum(['T/M', 'K/T', 'T/L']).optional(),
  collective: line().optional(),
  position: line().optional(),
  name: line(),
});

export const marksSchema = z.strictObject({
  secrecy: z.enum(['MẬT', 'TỐI MẬT', 'TUYỆT MẬT']).optional(),
  urgency: z.enum(['KHẨN', 'THƯỢNG KHẨN', 'HỎA TỐC']).optional(),
  circulation: line().optional(),
  draft: z.boolean().optional(),
});

export const meetingSchema = z.strictObject({
  month: z.number().int().min(1).max(12),
  year: z.number().int().min(FIRST_YEAR).max(LAST_YEAR),
});

export const conclusionSchema = z
  .strictObject({
    issuer: z.strictObject({
      /** The superior body, e.g. "ĐẢNG BỘ HUYỆN ĐỊNH HÓA"; left out at the top level. */
      superior: line().optional(),
      /** The issuing committee, e.g. "ĐẢNG ỦY THỊ TRẤN CHỢ CHU". */
      name: line(),
      /** The unit as running text names it, e.g. "thị trấn Chợ Chu" (used by templates). */
      unit: line().optional(),
    }),
    number: z.strictObject({
      /** Left out for a draft: the line keeps room for the clerk to write the number. */
      sequence: z.number().int().min(1).max(99999).nullable().optional(),
      /** KL, TB, NQ …; the profile gives the default. */
      typeCode: z
        .string()
        .refine((s) => /^[A-ZĐ]{1,6}$/u.test(s), { message: 'must be 1–6 capital letters, e.g. KL', params: { vi: 'phải là 1–6 chữ in hoa, ví dụ KL' } })
        .optional(),
      issuerCode: line(),
    }),
    place: line(),
    date: isoDate,
    /** The regular monthly meeting this conclusion comes from; templates build the fixed phrases from it. */
    meeting: meetingSchema.optional(),
    title: line().optional(),
    summary: z.array(paragraph()).min(1).optional(),
    opening: z.array(paragraph()).optional(),
    // How many sections a profile can number (3,999 in Roman numerals) is checked when composing.
    sections: z.array(sectionSchema).min(1).optional(),
    /** Monthly content: what was achieved last month (section I, point 1). */
    results: z.union([paragraph(), pointSchema]).optional(),
    /** Monthly content: the shortcomings (section I, point 2). */
    shortcomings: z.union([paragraph(), pointSchema]).optional(),
    /** Monthly content: this month's tasks (section II). */
    tasks: z.array(z.union([paragraph(), pointSchema])).min(1).optional(),
    closing: z.array(paragraph()).optional(),
    recipients: z.array(line()).max(1000).optional(),
    /** The filing line without its dash, e.g. "Lưu VPĐU". */
    filing: line().optional(),
    signature: signatureSchema,
    marks: marksSchema.optional(),
  })
  // Rules between fields run even when a field is wrong, so every problem is listed at once.
  .refine((v) => v.sections !== undefined || hasMonthlyContent(v), {
    path: ['sections'],
    message: 'give either sections, or the monthly content (results, shortcomings, tasks)',
    params: { vi: 'cần có sections, hoặc nội dung hằng tháng (results, shortcomings, tasks)' },
    when: isObject,
  })
  .refine((v) => v.sections === undefined || !hasMonthlyContent(v), {
    path: ['sections'],
    message: 'give either sections or the monthly content (results, shortcomings, tasks), not both',
    params: { vi: 'chỉ được dùng sections hoặc nội dung hằng tháng, không dùng cả hai' },
    when: isObject,
  })
  .refine((v) => v.meeting !== undefined || !hasMonthlyContent(v), {
    path: ['meeting'],
    message: 'is required with the monthly content, to name the months in the headings',
    params: { vi: 'bắt buộc khi dùng nội dung hằng tháng, để ghi tháng trong các đề mục' },
    when: isObject,
  });

function hasMonthlyContent(value: { results?: unknown; shortcomings?: unknown; tasks?: unknown }): boolean {
  return value.results !== undefined || value.shortcomings !== undefined || value.tasks !== undefined;
}

function isObject(payload: { value: unknown }): boolean {
  return typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value);
}

/** The input as written by a user (before defaults and normalisation). */
export type ConclusionInput = z.input<typeof conclusionSchema>;
/** A validated conclusion: text in NFC, dates checked. */
export type Conclusion = z.output<typeof conclusionSchema>;
export type Section = z.output<typeof sectionSchema>;
export type SectionItem = z.output<typeof sectionItemSchema>;
export type Point = z.output<typeof pointSchema>;
export type SubPoint = z.output<typeof subPointSchema>;
export type Signature = z.output<typeof signatureSchema>;
export type Marks = z.output<typeof marksSchema>;

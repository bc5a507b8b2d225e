import { z } from 'zod';
import { FIRST_YEAR, isValidCalendarDate, LAST_YEAR } from '../text/calendar.js';
import { choice, normalisedString } from './choice.js';
import { textField } from './text.js';

const line = () => textField();
/** Paragraph text: `**bold**` and `*italic*` mark emphasis, a newline is a line break. */
const paragraph = () => textField({ multiline: true });

/**
 * Editor help in the generated JSON Schema (schema.json): what a field is, in Vietnamese for the
 * clerks who fill the files, then in English.
 */
const about = (vi: string, en: string) => ({ description: `${vi} — ${en}` });

const isoDate = z
  .string()
  .meta({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s), { message: 'must be a date written YYYY-MM-DD', params: { vi: 'phải là ngày dạng YYYY-MM-DD' }, abort: true })
  .refine(isValidCalendarDate, { message: 'is not a date that exists (or is outside 1930–2200)', params: { vi: 'không phải là ngày có thật (hoặc nằm ngoài 1930–2200)' } });

/** A `+` item, the fourth and deepest list level: a paragraph (an object `{ text }` is the same). */
const subBulletSchema = z
  .union([paragraph(), z.strictObject({ text: paragraph().meta(about('Nội dung dòng +', 'the + item’s text')) })])
  .meta({ id: 'subbullet', ...about('Dòng + (cấp thứ tư), dưới một gạch đầu dòng', 'a + item, the fourth level, under a - item') });

/** A `-` item: a paragraph, or `{ text, bullets }` whose bullets are its `+` items. */
const bulletSchema = z
  .union([
    paragraph(),
    z.strictObject({
      text: paragraph().meta(about('Nội dung gạch đầu dòng', 'the - item’s text')),
      bullets: z.array(subBulletSchema).optional().meta(about('Các dòng + của gạch đầu dòng này', 'its + items')),
    }),
  ])
  .meta({ id: 'bullet', ...about('Gạch đầu dòng: chuỗi, hoặc { text, bullets } khi có các dòng +', 'a - item: a string, or { text, bullets } with + items') });

/** A lettered point `a)`, with its `-` items. */
const subPointSchema = z
  .strictObject({
    text: paragraph().meta(about('Nội dung ý', 'the subpoint’s text')),
    bullets: z.array(bulletSchema).optional().meta(about('Các gạch đầu dòng', 'bulleted lines')),
  })
  .meta({ id: 'subpoint', ...about('Ý a), b) … của một điểm', 'a lettered subpoint a), b) …') });

/** A numbered point `1.`: its lettered points, then its `-` items (either may be left out). */
const pointSchema = z
  .strictObject({
    text: paragraph().meta(about('Nội dung điểm', 'the point’s text')),
    subpoints: z.array(subPointSchema).optional().meta(about('Các ý a), b) …', 'lettered subpoints')),
    bullets: z.array(bulletSchema).optional().meta(about('Các gạch đầu dòng (không cần cấp a), b) ở giữa)', 'bulleted lines (no a), b) level needed between)')),
  })
  .meta({ id: 'point', ...about('Điểm đánh số 1., 2. …', 'a numbered point 1., 2. …') });

/** A plain string is an unnumbered paragraph; an object is a numbered point `1.`, `2.` … */
const sectionItemSchema = z.union([paragraph(), pointSchema]);

/**
 * A Roman-numbered section, or, without a heading, content that stands under no heading (a short
 * conclusion or a notice written as paragraphs and points only). Only headed sections are numbered.
 */
const sectionSchema = z.strictObject({
  heading: paragraph()
    .optional()
    .meta(about('Đề mục (I., II. … tự đánh số); bỏ trống khi phần này không có đề mục', 'the heading, numbered I., II. … automatically; left out for content under no heading')),
  content: z.array(sectionItemSchema).refine((items) => items.length > 0, { message: 'must hold at least one item', params: { vi: 'phải có ít nhất một mục' } })
    .meta(about('Đoạn văn (chuỗi) hoặc điểm đánh số ({ text })', 'paragraphs (strings) or numbered points ({ text })')),
});

/** T/M on behalf of a collective, K/T for a deputy signing for the head, T/L by order. */
export const SIGNING_AUTHORITIES = ['T/M', 'K/T', 'T/L'] as const;
export const SECRECY_MARKS = ['MẬT', 'TỐI MẬT', 'TUYỆT MẬT'] as const;
export const URGENCY_MARKS = ['KHẨN', 'THƯỢNG KHẨN', 'HỎA TỐC'] as const;

const signatureSchema = z.strictObject({
  /** T/M on behalf of a collective, K/T for a deputy signing for the head, T/L by order. */
  authority: choice(SIGNING_AUTHORITIES).optional().meta(about('Thẩm quyền ký: T/M, K/T, T/L', 'signing authority')),
  collective: line().optional().meta(about('Tập thể, ví dụ BAN THƯỜNG VỤ', 'the collective, e.g. BAN THƯỜNG VỤ')),
  position: line().optional().meta(about('Chức vụ người ký, ví dụ BÍ THƯ', 'the signer’s position, e.g. BÍ THƯ')),
  name: line().meta(about('Họ và tên người ký', 'the signer’s full name')),
});

const marksSchema = z.strictObject({
  secrecy: choice(SECRECY_MARKS).optional(),
  urgency: choice(URGENCY_MARKS).optional(),
  circulation: line().optional(),
  draft: z.boolean().optional(),
});

const meetingSchema = z.strictObject({
  month: z.number().int().min(1).max(12),
  year: z.number().int().min(FIRST_YEAR).max(LAST_YEAR),
});

export const conclusionSchema = z
  .strictObject({
    $schema: z
      .string()
      .optional()
      .meta(about('Đường dẫn tới schema.json, để trình soạn thảo gợi ý và kiểm tra', 'the JSON Schema this file follows, for editors; ignored when rendering')),
    issuer: z.strictObject({
      /** The superior body, e.g. "ĐẢNG BỘ HUYỆN ĐỊNH HÓA"; left out at the top level. */
      superior: line().optional().meta(about('Cấp ủy cấp trên, ví dụ ĐẢNG BỘ TỈNH THÁI NGUYÊN', 'the superior body')),
      /** The issuing committee, e.g. "ĐẢNG ỦY THỊ TRẤN CHỢ CHU". */
      name: line().meta(about('Cơ quan ban hành, ví dụ ĐẢNG ỦY XÃ ĐỊNH HÓA', 'the issuing committee')),
      /** The unit as running text names it, e.g. "thị trấn Chợ Chu" (used by templates). */
      unit: line().optional().meta(about('Tên đơn vị trong câu văn, ví dụ xã Định Hóa', 'the unit as running text names it')),
    }),
    number: z.strictObject({
      /** Left out for a draft: the line keeps room for the clerk to write the number. */
      sequence: z.number().int().min(1).max(99999).nullable().optional().meta(about('Số văn bản; bỏ trống khi là dự thảo', 'the document’s number; left out for a draft')),
      /** KL, TB, NQ …; the profile gives the default. */
      typeCode: normalisedString()
        .refine((s) => /^[A-ZĐ]{1,6}$/u.test(s), { message: 'must be 1–6 capital letters, e.g. KL', params: { vi: 'phải là 1–6 chữ in hoa, ví dụ KL' } })
        .optional()
        .meta({ pattern: '^[A-ZĐ]{1,6}$', ...about('Ký hiệu loại văn bản, mặc định theo mẫu (KL)', 'the document type code; the profile gives the default') }),
      issuerCode: line().meta(about('Ký hiệu cơ quan ban hành, ví dụ ĐU', 'the issuer’s code, e.g. ĐU')),
    }),
    place: line().meta(about('Địa danh', 'the place, e.g. Định Hóa')),
    date: isoDate.meta(about('Ngày ban hành, dạng YYYY-MM-DD', 'the date, written YYYY-MM-DD')),
    /** The regular monthly meeting this conclusion comes from; templates build the fixed phrases from it. */
    meeting: meetingSchema.optional().meta(about('Hội nghị thường kỳ { month, year }', 'the regular monthly meeting')),
    title: line().optional().meta(about('Tên loại văn bản; mặc định theo mẫu', 'the title; from its template when left out')),
    summary: z.array(paragraph()).min(1).optional().meta(about('Trích yếu; mặc định theo mẫu', 'the summary lines; from their template when left out')),
    opening: z.array(paragraph()).optional().meta(about('Đoạn mở đầu; mặc định theo mẫu', 'the opening; from its template when left out')),
    // How many sections a profile can number (3,999 in Roman numerals) is checked when composing.
    sections: z.array(sectionSchema).min(1).optional().meta(about('Các phần I., II. … (hoặc dùng results, shortcomings, tasks)', 'the sections (or the monthly results, shortcomings, tasks)')),
    /** Monthly content: what was achieved last month (section I, point 1). */
    results: z.union([paragraph(), pointSchema]).optional().meta(about('Kết quả đạt được tháng trước', 'last month’s results')),
    /** Monthly content: the shortcomings (section I, point 2). */
    shortcomings: z.union([paragraph(), pointSchema]).optional().meta(about('Hạn chế, tồn tại', 'the shortcomings')),
    /** Monthly content: this month's tasks (section II). */
    tasks: z.array(z.union([paragraph(), pointSchema])).min(1).optional().meta(about('Nhiệm vụ tháng này', 'this month’s tasks')),
    closing: z.array(paragraph()).optional().meta(about('Đoạn kết; mặc định theo mẫu', 'the closing; from its template when left out')),
    recipients: z.array(line()).max(1000).optional().meta(about('Nơi nhận', 'the recipients')),
    /** The filing line without its dash, e.g. "Lưu VPĐU". */
    filing: line().optional().meta(about('Dòng lưu, ví dụ Lưu VPĐU', 'the filing line, e.g. Lưu VPĐU')),
    signature: signatureSchema.meta(about('Chữ ký', 'the signature')),
    marks: marksSchema.optional().meta(about('Dấu mật, khẩn, phạm vi lưu hành, dự thảo', 'secrecy, urgency, circulation and draft marks')),
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
export type Bullet = z.output<typeof bulletSchema>;
export type Signature = z.output<typeof signatureSchema>;
export type Marks = z.output<typeof marksSchema>;

import { z } from 'zod';
import { choice } from '../schema/choice.js';
import { profileProblems } from './rules.js';

const pt = (what: string) => z.number().min(0).max(200).describe(`${what}, in points`);
const mm = (what: string) => z.number().min(0).max(500).describe(`${what}, in millimetres`);
const align = choice(['left', 'center', 'right', 'justify']);

/** How one element's text looks. */
const textStyleSchema = z.strictObject({
  sizePt: z.number().min(4).max(72),
  bold: z.boolean(),
  italic: z.boolean(),
  underline: z.boolean(),
  uppercase: z.boolean(),
  align,
  lineHeightPt: z.number().min(4).max(200),
  spaceBeforePt: pt('space above'),
  spaceAfterPt: pt('space below'),
  firstLineIndentMm: mm('first-line indent'),
});

/** An element's style: only what differs from the profile's base `text` style. */
const elementStyleSchema = textStyleSchema.partial();

/**
 * A list level (points, lettered points, `-` and `+` items): an element style that may also move
 * every line of the item in from the text's left edge, so a profile can indent deeper levels.
 */
const listLevelSchema = elementStyleSchema.extend({ leftIndentMm: mm('indent of every line of the item').optional() });

const numberingSchema = z.strictObject({
  style: choice(['roman', 'arabic', 'letter', 'none']),
  /** What follows the number: ". " gives "I. ", "- " gives "I- ", ") " gives "a) ". */
  suffix: z.string(),
  /** Whether the number and its suffix are bold. */
  boldNumber: z.boolean(),
});

export const profileSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  description: z.string(),
  /** The Party document type: "KL" for a conclusion, "TB" for a notice. */
  typeCode: z.string().regex(/^[A-ZĐ]{1,6}$/u),
  /** BCP 47 tag of the documents' language, e.g. "vi-VN". */
  language: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/),
  page: z.strictObject({
    widthMm: z.number().min(50).max(1000),
    heightMm: z.number().min(50).max(1000),
    margin: z.strictObject({ topMm: mm('top margin'), bottomMm: mm('bottom margin'), leftMm: mm('left margin'), rightMm: mm('right margin') }),
  }),
  font: z.strictObject({ family: z.string().min(1), color: z.string().regex(/^[0-9A-Fa-f]{6}$/) }),
  /** The base text style every element starts from. */
  text: textStyleSchema,
  pageNumbers: z.strictObject({
    enabled: z.boolean(),
    sizePt: z.number().min(4).max(72),
    onFirstPage: z.boolean(),
    fromTopMm: mm('distance from the top edge'),
    align,
  }),
  header: z.strictObject({
    /**
     * Preferred widths of the issuer (left) and Party-name (right) columns. A column whose
     * longest line does not fit is widened at the other's expense (see compose/header-columns.ts).
     */
    leftColumnMm: mm('left column width'),
    rightColumnMm: mm('right column width'),
    /** The least room left between the two columns' longest lines when the columns are resized. */
    minGapMm: mm('least gap between the header columns'),
    spaceAfterPt: pt('space below the header'),
    superior: elementStyleSchema,
    issuer: elementStyleSchema,
    star: elementStyleSchema.extend({ text: z.string() }),
    number: elementStyleSchema.extend({
      /** Spaces left for the clerk to write a number not yet assigned. */
      blankSpaces: z.number().int().min(0).max(40),
      /** Numbers below 10 are written with a leading zero ("Số 05-KL/ĐU"). */
      minDigits: z.number().int().min(1).max(6),
    }),
    marks: elementStyleSchema,
    party: elementStyleSchema,
    partyRule: z.strictObject({
      /** "text": as long as the Party heading; a number: that many millimetres. */
      length: z.union([z.literal('text'), mm('rule length')]),
      thicknessPt: z.number().min(0.1).max(5),
      spaceBeforePt: pt('space above the rule'),
      spaceAfterPt: pt('space below the rule'),
    }),
    placeDate: elementStyleSchema,
    circulation: elementStyleSchema,
  }),
  title: z.strictObject({
    type: elementStyleSchema,
    summary: elementStyleSchema,
    dash: elementStyleSchema.extend({ text: z.string() }),
  }),
  body: z.strictObject({
    paragraph: elementStyleSchema,
    sectionHeading: elementStyleSchema,
    sectionNumbering: numberingSchema,
    point: listLevelSchema,
    pointNumbering: numberingSchema,
    subpoint: listLevelSchema,
    subpointNumbering: numberingSchema,
    /** The `-` items, the third level. */
    bullet: listLevelSchema.extend({ marker: z.string() }),
    /** The `+` items, the fourth level: the `bullets` of a `-` item. */
    subbullet: listLevelSchema.extend({ marker: z.string() }),
    closing: elementStyleSchema,
  }),
  footer: z.strictObject({
    spaceBeforePt: pt('space above the recipients and signature'),
    recipientsColumnMm: mm('recipients column width'),
    signatureColumnMm: mm('signature column width'),
    recipientsLabel: elementStyleSchema,
    recipient: elementStyleSchema.extend({
      marker: z.string(),
      /**
       * Where a recipient's wrapped lines start: "marker" under the text after the marker (a
       * hanging indent as wide as the marker), or that many millimetres in from the marker.
       */
      hangingIndent: z.union([z.literal('marker'), mm('hanging indent')]),
      /** Punctuation after every recipient but the filing line, e.g. ";". */
      separator: z.string(),
      /** Punctuation after the filing line, e.g. ".". */
      terminator: z.string(),
    }),
    authority: elementStyleSchema,
    position: elementStyleSchema,
    signSpaceMm: z.number().min(0).max(100),
    /** The signature image (option signatureImage): fitted into this box, centred in the column and the signing space. */
    signatureImage: z.strictObject({ maxWidthMm: mm('largest width'), maxHeightMm: mm('largest height') }),
    /** The seal image (option sealImage): its real size, over the left part of the signature image. */
    sealImage: z.strictObject({
      widthMm: mm('width'),
      /** How much of the signature image's width, from its left edge, the seal covers (1/3 → 0.33). */
      overlap: z.number().min(0).max(1),
      /** Downward shift of the seal's centre from the signing space's centre. */
      offsetYMm: z.number().min(-100).max(100),
    }),
    signer: elementStyleSchema,
  }),
  dates: z.strictObject({
    /**
     * How months are written in running phrases ("tháng 01/2026"): "date-line" as the date line
     * writes them (months 1 and 2 with a leading zero), "two-digit" always two digits, "plain"
     * without a leading zero.
     */
    monthInText: choice(['date-line', 'two-digit', 'plain']),
  }),
  defaults: z.strictObject({
    signature: z.strictObject({ authority: choice(['T/M', 'K/T', 'T/L']), collective: z.string(), position: z.string() }),
  }),
});

export type Profile = z.output<typeof profileSchema>;

/** The profile with the rules between its keys and on its strings (`rules.ts`), each naming its key. */
export const profileRulesSchema = profileSchema.superRefine((profile, ctx) => {
  for (const problem of profileProblems(profile)) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message, params: { related: problem.related } });
});

export { fitColumns, textWidthMm } from './rules.js';
export type TextStyle = z.output<typeof textStyleSchema>;
export type ElementStyle = z.output<typeof elementStyleSchema>;
export type Numbering = z.output<typeof numberingSchema>;
export type ListLevelStyle = z.output<typeof listLevelSchema>;

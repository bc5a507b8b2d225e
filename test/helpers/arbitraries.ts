/**
 * fast-check arbitraries for VALID conclusions, the oracle that says which paragraphs a rendered
 * conclusion must contain, and readers that get the text back out of a DOCX or a PDF.
 *
 * The generated text covers every Vietnamese vowel with every tone mark (a ă â e ê i o ô ơ u ư y ×
 * none/sắc/huyền/hỏi/ngã/nặng, lower and upper case) and đ/Đ — every generated conclusion carries a
 * paragraph with all 144 of them, in a random order — plus digits, punctuation (including the XML
 * specials & < > " ' and Handlebars' {{ }}), NFD-decomposed text, `**bold**` / `*italic*` markup and
 * line breaks. Structures cover both forms (explicit `sections`, and the monthly `meeting` +
 * `results`/`shortcomings`/`tasks`), points with subpoints and bullets, 0–200 recipients, every
 * optional mark, an optional superior and a present, null or absent sequence.
 *
 * Kept out on purpose (tested in test/bad-input.test.ts instead): backslashes (they escape `*`, so
 * the "remove every `*`" comparison would not hold), tabs and characters outside Vietnamese and
 * basic punctuation (the PDF font need not have them).
 */
import fc from 'fast-check';

// ---------------------------------------------------------------------------------------------
// Letters, words and text
// ---------------------------------------------------------------------------------------------

export const BASE_VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'] as const;
/** none, sắc (acute), huyền (grave), hỏi (hook above), ngã (tilde), nặng (dot below). */
export const TONE_MARKS = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'] as const;

/** The 72 lower-case vowel forms, precomposed. */
export const LOWER_VOWEL_FORMS: readonly string[] = BASE_VOWELS.flatMap((v) => TONE_MARKS.map((t) => (v + t).normalize('NFC')));
/** All 144 vowel forms (lower and upper case), plus đ and Đ. */
export const ALL_VIETNAMESE_LETTER_FORMS: readonly string[] = [
  ...LOWER_VOWEL_FORMS,
  ...LOWER_VOWEL_FORMS.map((v) => v.toLocaleUpperCase('vi').normalize('NFC')),
  'đ',
  'Đ',
];

const ONSETS = ['', 'b', 'c', 'ch', 'd', 'đ', 'g', 'gh', 'gi', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'ngh', 'nh', 'p', 'ph', 'qu', 'r', 's', 't', 'th', 'tr', 'v', 'x', 'f', 'j', 'w', 'z'];
const CODAS = ['', '', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't', 'i', 'o', 'u', 'y'];

const vowelForm = fc.constantFrom(...LOWER_VOWEL_FORMS);

/** One Vietnamese-like syllable, in lower case, Capitalised or UPPER case. */
const syllable: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...ONSETS), vowelForm, fc.option(fc.constantFrom(...BASE_VOWELS), { freq: 4 }), fc.constantFrom(...CODAS), fc.nat(9))
  .map(([onset, vowel, second, coda, casing]) => {
    const word = (onset + vowel + (second ?? '') + coda).normalize('NFC');
    if (casing < 6) return word;
    if (casing < 9) return word.slice(0, 1).toLocaleUpperCase('vi') + word.slice(1);
    return word.toLocaleUpperCase('vi');
  });

const digits = fc.oneof(
  fc.nat(99999).map(String),
  fc.tuple(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1930, max: 2200 })).map(([d, m, y]) => `${String(d).padStart(2, '0')}/${m}/${y}`),
  fc.tuple(fc.integer({ min: 1, max: 999 }), fc.constantFrom('KH/ĐU', 'HD/ĐU', 'QĐ/ĐU', 'TBKL-HĐND')).map(([n, code]) => `${n}-${code}`),
  fc.integer({ min: 1930, max: 2200 }).map((y) => `${y} – ${y + 5}`),
  fc.integer({ min: 0, max: 100 }).map((n) => `${n}%`),
);

/** Marks that go right after a word. */
const TRAILING = [',', '.', ';', ':', '!', '?', '…', ')', '”', '"', "'", '/.', ''];
/** Words and marks that stand alone between spaces (XML specials and template syntax included). */
const STANDALONE = ['-', '–', '&', '<', '>', '<b>', '&amp;', ']]>', '{{issuer.name}}', '{{{x}}}', '{{#if a}}', '"', "'", '(', '“', '#', '@', '+', '=', '$', '_', '[', ']', '|', '~', '^', '`'];

const plainWord: fc.Arbitrary<string> = fc.oneof(
  { weight: 14, arbitrary: syllable },
  { weight: 2, arbitrary: digits },
  { weight: 1, arbitrary: fc.constantFrom(...STANDALONE) },
  { weight: 1, arbitrary: syllable.map((w) => `(${w}`) },
  { weight: 1, arbitrary: syllable.map((w) => `“${w}`) },
);

const word: fc.Arbitrary<string> = fc
  .tuple(plainWord, fc.constantFrom(...TRAILING), fc.nat(19))
  .map(([w, after, keep]) => (keep < 15 ? w : w + after));

export type Normalisation = 'nfc' | 'nfd' | 'mixed';

interface TextShape {
  minWords: number;
  maxWords: number;
  /** May hold `\n` (a line break inside a paragraph). */
  multiline: boolean;
  /** May hold `**bold**` / `*italic*` markup (only paragraphs read it; elsewhere it is printed as is). */
  emphasis: boolean;
}

/** Emphasis around one word: none mostly, else bold, italic or both. */
const emphasisOf = fc.oneof({ weight: 12, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom('**', '*', '***') });

function text(shape: TextShape): fc.Arbitrary<string> {
  const item = fc.tuple(word, shape.emphasis ? emphasisOf : fc.constant(''), shape.multiline ? fc.nat(24) : fc.constant(1), fc.nat(29));
  return fc
    .tuple(
      fc.array(item, { minLength: shape.minWords, maxLength: shape.maxWords }),
      fc.constantFrom<Normalisation>('nfc', 'nfc', 'nfd', 'mixed'),
      fc.nat(9),
      // A bold span over several words, from one index to another.
      shape.emphasis ? fc.option(fc.tuple(fc.nat(), fc.nat(5)), { freq: 3 }) : fc.constant(null),
    )
    .map(([items, normalisation, padding, span]) => {
      let out = '';
      items.forEach(([w, mark, gap, decomposeWord], i) => {
        let token = mark === '' ? w : `${mark}${w}${mark}`;
        if (normalisation === 'nfd' || (normalisation === 'mixed' && decomposeWord % 2 === 0)) token = token.normalize('NFD');
        if (span && i === span[0] % items.length) token = `**${token}`;
        if (span && i === Math.min(items.length - 1, (span[0] % items.length) + span[1])) token = `${token}**`;
        const separator = i === 0 ? '' : gap === 0 ? '\n' : gap === 1 && decomposeWord === 0 ? '  ' : ' ';
        out += separator + token;
      });
      // Now and then, spaces around the text (they must not break anything).
      if (padding === 0) out = ` ${out}`;
      if (padding === 1) out = `${out} `;
      return out;
    });
}

/** A single-line field: names, places, recipients. */
export const lineText = (maxWords = 8): fc.Arbitrary<string> => text({ minWords: 1, maxWords, multiline: false, emphasis: false });

/** Single-line text with `*` in it (printed literally in literal fields). */
export const lineWithStars = (maxWords = 8): fc.Arbitrary<string> => text({ minWords: 1, maxWords, multiline: false, emphasis: true });

/** Paragraph text: markup, line breaks; mostly a sentence or two, sometimes a few thousand characters. */
export const paragraphText: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: text({ minWords: 1, maxWords: 30, multiline: true, emphasis: true }) },
  { weight: 2, arbitrary: text({ minWords: 30, maxWords: 120, multiline: true, emphasis: true }) },
  { weight: 1, arbitrary: text({ minWords: 300, maxWords: 700, multiline: true, emphasis: true }) },
);

const shortParagraph: fc.Arbitrary<string> = text({ minWords: 1, maxWords: 25, multiline: true, emphasis: true });

/** A paragraph of every vowel form with every tone mark, and đ/Đ, shuffled, NFC or NFD. */
export const everyLetterParagraph: fc.Arbitrary<string> = fc
  .tuple(fc.shuffledSubarray([...ALL_VIETNAMESE_LETTER_FORMS], { minLength: ALL_VIETNAMESE_LETTER_FORMS.length }), fc.boolean())
  .map(([letters, decompose]) => {
    // Letters in words of six, so the paragraph breaks into lines like real text.
    const words: string[] = [];
    for (let i = 0; i < letters.length; i += 6) words.push(letters.slice(i, i + 6).join(''));
    const paragraph = `Chữ: ${words.join(' ')}.`;
    return decompose ? paragraph.normalize('NFD') : paragraph;
  });

// ---------------------------------------------------------------------------------------------
// Conclusions
// ---------------------------------------------------------------------------------------------

/** Plain JSON shapes of a conclusion input (what a user writes), loosely typed for mutation. */
export interface PointInput {
  text: string;
  subpoints?: { text: string; bullets?: string[] }[];
  bullets?: string[];
}
export type ItemInput = string | PointInput;
export interface ConclusionJson {
  issuer: { superior?: string; name: string; unit?: string };
  number: { sequence?: number | null; typeCode?: string; issuerCode: string };
  place: string;
  date: string;
  meeting?: { month: number; year: number };
  title?: string;
  summary?: string[];
  opening?: string[];
  sections?: { heading: string; content: ItemInput[] }[];
  results?: ItemInput;
  shortcomings?: ItemInput;
  tasks?: ItemInput[];
  closing?: string[];
  recipients?: string[];
  filing?: string;
  signature: { authority?: 'T/M' | 'K/T' | 'T/L'; collective?: string; position?: string; name: string };
  marks?: { secrecy?: 'MẬT' | 'TỐI MẬT' | 'TUYỆT MẬT'; urgency?: 'KHẨN' | 'THƯỢNG KHẨN' | 'HỎA TỐC'; circulation?: string; draft?: boolean };
}

const UNIT_KINDS = ['XÃ', 'PHƯỜNG', 'THỊ TRẤN', 'THỊ XÃ', 'THÀNH PHỐ', 'HUYỆN', 'QUẬN', 'TỈNH', 'ĐẶC KHU'];

export const isoDate: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 1930, max: 2200 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
  .map(([y, m, d]) => {
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return `${y}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
  });

export const pointArb = (depth: 'shallow' | 'deep'): fc.Arbitrary<PointInput> =>
  fc.record(
    {
      text: paragraphText,
      subpoints: fc.array(
        fc.record({ text: shortParagraph, bullets: fc.array(shortParagraph, { minLength: 1, maxLength: depth === 'deep' ? 4 : 2 }) }, { requiredKeys: ['text'] }),
        { minLength: depth === 'deep' ? 1 : 0, maxLength: depth === 'deep' ? 6 : 3 },
      ),
      bullets: fc.array(shortParagraph, { minLength: 1, maxLength: 4 }),
    },
    { requiredKeys: ['text'] },
  );

const itemArb: fc.Arbitrary<ItemInput> = fc.oneof({ weight: 2, arbitrary: paragraphText }, { weight: 3, arbitrary: pointArb('shallow') }, { weight: 1, arbitrary: pointArb('deep') });

const sectionsArb = fc.array(fc.record({ heading: shortParagraph, content: fc.array(itemArb, { minLength: 1, maxLength: 6 }) }), { minLength: 1, maxLength: 4 });

/** 0–200 recipients: mostly a handful, sometimes very many. */
const recipientsArb: fc.Arbitrary<string[]> = fc.oneof(
  { weight: 6, arbitrary: fc.array(lineWithStars(10), { maxLength: 8 }) },
  { weight: 1, arbitrary: fc.array(lineText(6), { minLength: 100, maxLength: 200 }) },
);

const issuerArb = fc.oneof(
  // "ĐẢNG ỦY XÃ …": the unit can be read off the name.
  fc.tuple(fc.constantFrom(...UNIT_KINDS), lineText(4), fc.option(lineText(4), { freq: 2 }), fc.option(lineText(6), { freq: 2 })).map(([kind, rest, unit, superior]) => ({
    derivable: true,
    issuer: { name: `ĐẢNG ỦY ${kind} ${rest.trim()}`, ...(unit !== null && { unit }), ...(superior !== null && { superior }) },
  })),
  fc.tuple(lineWithStars(8), fc.option(lineText(4), { freq: 2 }), fc.option(lineText(6), { freq: 2 })).map(([name, unit, superior]) => ({
    derivable: false,
    issuer: { name, ...(unit !== null && { unit }), ...(superior !== null && { superior }) },
  })),
);

const commonArb = fc.record(
  {
    issuer: issuerArb,
    number: fc.record(
      {
        sequence: fc.oneof(fc.integer({ min: 1, max: 99999 }), fc.constant(null)),
        typeCode: fc.stringMatching(/^[A-ZĐ]{1,6}$/),
        issuerCode: lineText(2),
      },
      { requiredKeys: ['issuerCode'] },
    ),
    place: lineText(4),
    date: isoDate,
    title: lineWithStars(4),
    opening: fc.array(shortParagraph, { maxLength: 2 }),
    closing: fc.array(shortParagraph, { maxLength: 2 }),
    recipients: recipientsArb,
    filing: lineWithStars(4),
    signature: fc.record(
      { authority: fc.constantFrom('T/M' as const, 'K/T' as const, 'T/L' as const), collective: lineText(5), position: lineText(4), name: lineText(5) },
      { requiredKeys: ['name'] },
    ),
    marks: fc.record(
      {
        secrecy: fc.constantFrom('MẬT' as const, 'TỐI MẬT' as const, 'TUYỆT MẬT' as const),
        urgency: fc.constantFrom('KHẨN' as const, 'THƯỢNG KHẨN' as const, 'HỎA TỐC' as const),
        circulation: lineText(6),
        draft: fc.boolean(),
      },
      { requiredKeys: [] },
    ),
    everyLetter: everyLetterParagraph,
  },
  { requiredKeys: ['issuer', 'number', 'place', 'date', 'signature', 'everyLetter'] },
);

const meetingArb = fc.record({ month: fc.integer({ min: 1, max: 12 }), year: fc.integer({ min: 1930, max: 2200 }) });

const formArb = fc.oneof(
  fc.record(
    { kind: fc.constant('sections' as const), meeting: fc.option(meetingArb, { freq: 2 }).map((m) => m ?? undefined), summary: fc.array(shortParagraph, { minLength: 1, maxLength: 3 }), sections: sectionsArb },
    { requiredKeys: ['kind', 'sections'] },
  ),
  fc
    .record(
      {
        kind: fc.constant('monthly' as const),
        meeting: meetingArb,
        summary: fc.array(shortParagraph, { minLength: 1, maxLength: 3 }),
        results: itemArb,
        shortcomings: itemArb,
        tasks: fc.array(itemArb, { minLength: 1, maxLength: 6 }),
      },
      { requiredKeys: ['kind', 'meeting'] },
    )
    .filter((f) => f.results !== undefined || f.shortcomings !== undefined || f.tasks !== undefined),
);

/**
 * A valid conclusion. The every-letter paragraph goes first in the first section (or the tasks).
 * Inputs the default templates cannot render are not generated: no summary without a meeting
 * (a validation error), and no reliance on opening.hbs / closing.hbs when the unit can be neither
 * read off the committee name nor taken from `issuer.unit` (a TemplateError — see bad-input tests).
 */
export const conclusionArb: fc.Arbitrary<ConclusionJson> = fc.tuple(commonArb, formArb).map(([common, form]) => {
  const { everyLetter, issuer, ...rest } = common;
  const out: ConclusionJson = { ...rest, issuer: { ...issuer.issuer } };
  if (form.meeting !== undefined) out.meeting = form.meeting;
  if (form.summary !== undefined) out.summary = form.summary;
  if (form.kind === 'sections') {
    const [first, ...others] = form.sections;
    out.sections = [{ heading: first!.heading, content: [everyLetter, ...first!.content] }, ...others];
  } else {
    if (form.results !== undefined) out.results = form.results;
    if (form.shortcomings !== undefined) out.shortcomings = form.shortcomings;
    out.tasks = [everyLetter, ...(form.tasks ?? [])];
  }
  if (out.meeting === undefined && out.summary === undefined) out.summary = ['về việc thử nghiệm'];
  const usesUnit = out.closing === undefined || (out.meeting !== undefined && out.opening === undefined);
  if (usesUnit && !issuer.derivable && out.issuer.unit === undefined) out.issuer.unit = 'xã Thử Nghiệm';
  return out;
});

// ---------------------------------------------------------------------------------------------
// Bad and random input
// ---------------------------------------------------------------------------------------------

/** Keys that attack object handling: prototype pollution and friends. */
export const DANGEROUS_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'];

/** Arbitrary JSON-ish values, whose object keys are often dangerous ones or real field names. */
export const anyValue: fc.Arbitrary<unknown> = fc.anything({
  key: fc.oneof(fc.string(), fc.constantFrom(...DANGEROUS_KEYS), fc.constantFrom('issuer', 'name', 'number', 'date', 'sections', 'content', 'text', 'signature')),
  maxDepth: 4,
  withBoxedValues: true,
  withNullPrototype: true,
  withObjectString: true,
  withMap: true,
  withSet: true,
  withDate: true,
  withTypedArray: true,
  withSparseArray: true,
  withBigInt: true,
});

// ---------------------------------------------------------------------------------------------
// Text the shared text rules refuse, class by class, with the message each must give its field
// ---------------------------------------------------------------------------------------------

/** The bidirectional controls: U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069. */
export const BIDI_CONTROLS = ['\u061C', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];
/** Letters of right-to-left scripts: Hebrew, Arabic, Syriac, Thaana, N'Ko, Arabic presentation forms, Adlam (astral). */
export const RIGHT_TO_LEFT_LETTERS = ['\u05D0', '\u05E9', '\u0627', '\u0645', '\u0710', '\u0780', '\u07CA', '\uFB50', '\uFEE3', '\u{1E900}'];
/** Combining marks, BMP and astral (musical and variation-selector marks), which all count towards a run. */
export const COMBINING_MARKS = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323', '\u031B', '\u0345', '\u1DC0', '\u20D0', '\uFE20', '\u{1D165}', '\u{1D167}', '\u{E0100}'];
/** Characters that show nothing alone (bidi marks excluded: they have their own message). */
export const INVISIBLE_CHARACTERS = ['\u200B', '\u200C', '\u200D', '\u2060', '\u034F', '\u00AD', '\uFE0F', '\u2061', '\u180E', ' ', '\u00A0', '\u3000', '\u0301', '\u0323'];

/** Where a bad piece goes inside otherwise good text: at the start, in the middle, at the end. */
const around = (bad: fc.Arbitrary<string>) =>
  fc.tuple(fc.option(lineText(4), { nil: '' }), bad, fc.option(lineText(4), { nil: '' })).map(([before, b, after]) => `${before}${b}${after}`);

export interface BadTextCase {
  kind: 'mark run' | 'bidi control' | 'right-to-left' | 'invisible' | 'emphasis around nothing';
  text: string;
  /** The message the field must get. */
  message: RegExp;
  /** Only paragraph fields read emphasis; a one-line field shows "****" as it is. */
  paragraphOnly: boolean;
}

export const badTextArb: fc.Arbitrary<BadTextCase> = fc.oneof(
  around(fc.tuple(fc.constantFrom('', 'a', 'Đ', 'ư', '1'), fc.array(fc.constantFrom(...COMBINING_MARKS), { minLength: 31, maxLength: 400 })).map(([base, marks]) => base + marks.join(''))).map(
    (text) => ({ kind: 'mark run' as const, text, message: /^has more than 30 combining marks in a row at position \d+ \(the Unicode stream-safe limit, UAX #15\)$/, paragraphOnly: false }),
  ),
  around(fc.constantFrom(...BIDI_CONTROLS)).map((text) => ({
    kind: 'bidi control' as const,
    text,
    message: /^contains the bidirectional control character U\+(061C|200E|200F|202[A-E]|206[6-9]) at position \d+, /,
    paragraphOnly: false,
  })),
  around(fc.constantFrom(...RIGHT_TO_LEFT_LETTERS)).map((text) => ({ kind: 'right-to-left' as const, text, message: /^contains the right-to-left character U\+[0-9A-F]{4,5} at position \d+ /, paragraphOnly: false })),
  fc
    .array(fc.constantFrom(...INVISIBLE_CHARACTERS), { minLength: 1, maxLength: 12 })
    .filter((chars) => chars.some((c) => c.trim() !== ''))
    .map((chars) => ({ kind: 'invisible' as const, text: chars.join(''), message: /^has no visible character /, paragraphOnly: false })),
  fc
    // "**" alone is two literal stars (a marker without its partner), so a single "*" pair holds something.
    .tuple(fc.constantFrom('**', '*'), fc.array(fc.constantFrom(...INVISIBLE_CHARACTERS), { maxLength: 4 }))
    .filter(([marker, inside]) => marker === '**' || inside.length > 0)
    .map(([marker, inside]) => ({ kind: 'emphasis around nothing' as const, text: `${marker}${inside.join('')}${marker}`, message: /^has no visible character /, paragraphOnly: true })),
);

/** Fields that are not free text (a date, a code, a choice from a list): the text rules do not reach them. */
const NOT_TEXT = new Set(['date', 'typeCode', 'authority', 'secrecy', 'urgency']);
/** Fields whose text is a paragraph, read for emphasis. */
const PARAGRAPH_ROOTS = new Set(['summary', 'opening', 'closing', 'sections', 'results', 'shortcomings', 'tasks']);

/** The free-text fields of a conclusion: their paths, and whether each is a paragraph. */
export function textFieldsOf(input: unknown): { path: Path; paragraph: boolean }[] {
  return pathsOf(input)
    .filter((path) => typeof path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], input) === 'string')
    .filter((path) => !NOT_TEXT.has(String(path[path.length - 1])))
    .map((path) => ({ path, paragraph: PARAGRAPH_ROOTS.has(String(path[0])) }));
}

/** The path as the error names it: `sections[0].content[1].text`. */
export function fieldName(path: Path): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`)).join('');
}

// ---------------------------------------------------------------------------------------------
// Profiles with values each in range, that together may or may not leave a usable page
// ---------------------------------------------------------------------------------------------

/** A value near the default most of the time, anywhere in the allowed range otherwise. */
const nearOr = (value: number, min: number, max: number, spread: number) =>
  fc.oneof(
    { weight: 12, arbitrary: fc.integer({ min: Math.max(min, Math.round(value - spread)), max: Math.min(max, Math.round(value + spread)) }) },
    { weight: 1, arbitrary: fc.integer({ min, max }) },
  );

/** A profile.json overriding page, text, page-number, column and indent values of ket-luan-hd36. */
export const profileOverrideArb = fc.record(
  {
    page: fc.record(
      {
        widthMm: nearOr(210, 50, 1000, 80),
        heightMm: nearOr(297, 50, 1000, 120),
        margin: fc.record({ topMm: nearOr(20, 0, 500, 15), bottomMm: nearOr(20, 0, 500, 15), leftMm: nearOr(30, 0, 500, 20), rightMm: nearOr(15, 0, 500, 15) }, { requiredKeys: [] }),
      },
      { requiredKeys: [] },
    ),
    text: fc.record({ sizePt: nearOr(14, 4, 72, 3), lineHeightPt: nearOr(18, 4, 200, 4), firstLineIndentMm: nearOr(0, 0, 500, 10) }, { requiredKeys: [] }),
    pageNumbers: fc.record({ fromTopMm: nearOr(7, 0, 500, 5), sizePt: nearOr(14, 4, 72, 3) }, { requiredKeys: [] }),
    header: fc.record({ leftColumnMm: nearOr(80, 0, 500, 40), rightColumnMm: nearOr(85, 0, 500, 40) }, { requiredKeys: [] }),
    footer: fc.record({ recipientsColumnMm: nearOr(80, 0, 500, 40), signatureColumnMm: nearOr(85, 0, 500, 40), signSpaceMm: nearOr(28, 0, 100, 20) }, { requiredKeys: [] }),
    body: fc.record({ paragraph: fc.record({ firstLineIndentMm: nearOr(12.7, 0, 500, 30) }), point: fc.record({ lineHeightPt: nearOr(18, 4, 200, 4) }) }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);

/** Text that may break a document: control characters, lone surrogates, U+FFFE, emoji, other scripts. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('', ' ', '\n', '\u0000', '\u0007x', 'a\uD800b', '\uDC00', '\uFFFE', '\uFFFF', '\r\n', '\t', '\u200B', '\u202E', '😀', '漢字', 'ﬁ', '\u00AD', '****', '\u034F', 'שלום'),
  fc.string({ unit: fc.constantFrom(...COMBINING_MARKS, ...BIDI_CONTROLS, ...INVISIBLE_CHARACTERS, 'a'), maxLength: 80 }),
);

type Path = (string | number)[];


/** A plain object: one a mutation can write into (a boxed string's letters, a Map's inside are not). */
const isPlainObject = (value: unknown): value is object =>
  typeof value === 'object' && value !== null && [null, Object.prototype].includes(Object.getPrototypeOf(value));

/** Every path to a value inside a JSON tree (plain objects and arrays), the root excluded. */
export function pathsOf(value: unknown, path: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...path, i], ...pathsOf(v, [...path, i])]);
  if (isPlainObject(value)) return Object.entries(value).flatMap(([k, v]) => [[...path, k], ...pathsOf(v, [...path, k])]);
  return [];
}

export type Mutation =
  | { kind: 'delete'; pick: number }
  | { kind: 'replace'; pick: number; value: unknown }
  | { kind: 'string'; pick: number; value: string }
  | { kind: 'add-key'; pick: number; key: string; value: unknown };

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(), value: anyValue }),
  fc.record({ kind: fc.constant('string' as const), pick: fc.nat(), value: hostileString }),
  fc.record({ kind: fc.constant('add-key' as const), pick: fc.nat(), key: fc.oneof(fc.constantFrom(...DANGEROUS_KEYS), fc.string()), value: anyValue }),
);

/**
 * A deep copy of a generated value that keeps what structuredClone would lose: null prototypes,
 * own `__proto__` keys, holes in sparse arrays. Placing the generated value itself would let a later
 * mutation write into it, and fast-check reuses generated values while shrinking: a value could come
 * to contain itself.
 */
function copyOf(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    for (const key of Object.keys(value)) (out as unknown as Record<string, unknown>)[key] = copyOf((value as unknown as Record<string, unknown>)[key]);
    return out;
  }
  if (!isPlainObject(value)) return structuredClone(value); // Map, Set, Date, boxed values, typed arrays
  const out = Object.create(Object.getPrototypeOf(value)) as Record<PropertyKey, unknown>;
  for (const key of Reflect.ownKeys(value)) {
    Object.defineProperty(out, key, { value: copyOf((value as Record<PropertyKey, unknown>)[key]), enumerable: true, configurable: true, writable: true });
  }
  return out;
}

/** Applies mutations to a deep copy of a JSON value; own properties only, never the prototype. */
export function mutate(input: unknown, mutations: readonly Mutation[]): unknown {
  const root = structuredClone(input) as Record<string, unknown>;
  for (const m of mutations) {
    const paths = pathsOf(root);
    if (paths.length === 0) break;
    const path = paths[m.pick % paths.length]!;
    const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], root) as Record<string | number, unknown>;
    const key = path[path.length - 1]!;
    switch (m.kind) {
      case 'delete':
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete parent[key];
        break;
      case 'replace':
        parent[key] = copyOf(m.value);
        break;
      case 'string':
        parent[key] = typeof parent[key] === 'string' ? (parent[key] as string) + m.value : m.value;
        break;
      case 'add-key': {
        const target = isPlainObject(parent[key]) || Array.isArray(parent[key]) ? (parent[key] as object) : parent;
        Object.defineProperty(target, m.key, { value: copyOf(m.value), enumerable: true, configurable: true, writable: true });
        break;
      }
    }
  }
  return root;
}

// ---------------------------------------------------------------------------------------------
// The oracle: paragraphs the rendered document must contain, in document order
// ---------------------------------------------------------------------------------------------

export interface ExpectedParagraph {
  /** The input field the text came from, for failure messages. */
  field: string;
  /** The paragraph's text: exactly (`whole`), or somewhere inside it (a template's phrase). */
  text: string;
  whole: boolean;
  /**
   * Where it stands: the two columns of the header, the body, the two columns of the footer.
   * A PDF reader may give a column's text after the other's (the signature column is drawn on
   * the page where the row starts, while 200 recipients go on over the next pages).
   */
  group: 'header-left' | 'header-right' | 'body' | 'footer-left' | 'footer-right';
}

const upper = (s: string) => s.normalize('NFC').toLocaleUpperCase('vi').normalize('NFC');
const pad2 = (n: number) => String(n).padStart(2, '0');
/** Months in running text follow the date line's rule (HD 36): 1 and 2 take a leading zero, the others none. */
const monthInText = (m: number) => (m <= 2 ? pad2(m) : String(m));
const roman = (n: number) => {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [value, letters] of table) while (n >= value) ((out += letters), (n -= value));
  return out;
};
const letter = (n: number): string => (n <= 26 ? String.fromCharCode(96 + n) : letter(Math.floor((n - 1) / 26)) + letter(((n - 1) % 26) + 1));

/** What the comparison looks at: NFC, no `*`, runs of white space as one space, no space at the ends. */
export function comparable(s: string): string {
  return s.normalize('NFC').replace(/\*/g, '').replace(/\s+/g, ' ').trim();
}

export const SHORTCOMINGS_LEAD = 'Tuy nhiên vẫn còn có những hạn chế đó là:';
const DEFAULT_RECIPIENTS = ['TT Đảng ủy, HĐND, UBND', 'Các đ/c UV BCH Đảng bộ', 'MTTQ, các ban ngành, đoàn thể', 'Các chi bộ trực thuộc'];

/**
 * The paragraphs of a valid input's document, in document order, as the `ket-luan-hd36` profile
 * lays it out: header fields upper-cased, numbering I./1./a)/-, recipients with "- " and ";",
 * the filing line with "- " and ".". Worked out from the input alone (never from src/).
 */
export function expectedParagraphs(input: ConclusionJson): ExpectedParagraph[] {
  const out: ExpectedParagraph[] = [];
  let group: ExpectedParagraph['group'] = 'header-left';
  const whole = (field: string, text: string) => out.push({ field, text: comparable(text), whole: true, group });
  const part = (field: string, text: string) => out.push({ field, text: comparable(text), whole: false, group });
  const nfc = (s: string) => s.normalize('NFC');

  // Header, left column then right column.
  if (input.issuer.superior !== undefined) whole('issuer.superior', upper(input.issuer.superior));
  whole('issuer.name', upper(input.issuer.name));
  const seq = input.number.sequence;
  whole('number', `Số ${seq == null ? '' : pad2(seq)}-${input.number.typeCode ?? 'KL'}/${nfc(input.number.issuerCode)}`);
  if (input.marks?.secrecy !== undefined) whole('marks.secrecy', input.marks.secrecy);
  if (input.marks?.urgency !== undefined) whole('marks.urgency', input.marks.urgency);
  group = 'header-right';
  const [y, m, d] = input.date.split('-').map(Number) as [number, number, number];
  whole('place, date', `${nfc(input.place)}, ngày ${pad2(d)} tháng ${monthInText(m)} năm ${y}`);
  if (input.marks?.circulation !== undefined) whole('marks.circulation', upper(input.marks.circulation));
  if (input.marks?.draft) whole('marks.draft', 'DỰ THẢO');

  // Title and summary.
  group = 'body';
  whole('title', upper(input.title ?? 'KẾT LUẬN'));
  const meeting = input.meeting;
  const previous = meeting && (meeting.month === 1 ? { month: 12, year: meeting.year - 1 } : { month: meeting.month - 1, year: meeting.year });
  if (input.summary) input.summary.forEach((s, i) => whole(`summary[${i}]`, s));
  else if (meeting) {
    whole('summary (template)', 'của Ban Thường vụ Đảng ủy');
    whole('summary (template)', `tại Hội nghị thường kỳ tháng ${monthInText(meeting.month)}/${meeting.year}`);
  }
  if (input.opening) input.opening.forEach((s, i) => whole(`opening[${i}]`, s));
  else if (meeting) {
    part('opening (template)', `tổ chức hội nghị thường kỳ tháng ${monthInText(meeting.month)}/${meeting.year}`);
    if (input.issuer.unit !== undefined) part('issuer.unit in opening', `Ban Thường vụ Đảng ủy ${nfc(input.issuer.unit).trim()} đã thảo luận`);
  }

  // Body.
  const items = (field: string, content: ItemInput[], lead?: string) => {
    let n = 0;
    content.forEach((item, i) => {
      if (typeof item === 'string') return whole(`${field}[${i}]`, item);
      n += 1;
      whole(`${field}[${i}].text`, `${n}. ${lead && i === content.length - 1 ? `${lead} ` : ''}${item.text}`);
      (item.subpoints ?? []).forEach((sub, j) => {
        whole(`${field}[${i}].subpoints[${j}]`, `${letter(j + 1)}) ${sub.text}`);
        (sub.bullets ?? []).forEach((b, k) => whole(`${field}[${i}].subpoints[${j}].bullets[${k}]`, `- ${b}`));
      });
      (item.bullets ?? []).forEach((b, k) => whole(`${field}[${i}].bullets[${k}]`, `- ${b}`));
    });
  };
  const asPoint = (item: ItemInput): PointInput => (typeof item === 'string' ? { text: item } : item);
  if (input.sections) {
    input.sections.forEach((section, i) => {
      whole(`sections[${i}].heading`, `${roman(i + 1)}. ${section.heading}`);
      items(`sections[${i}].content`, section.content);
    });
  } else {
    let numeral = 0;
    const review: PointInput[] = [];
    if (input.results !== undefined) review.push(asPoint(input.results));
    if (input.shortcomings !== undefined) review.push(asPoint(input.shortcomings));
    if (review.length > 0) {
      numeral += 1;
      whole('results heading', `${roman(numeral)}. Kết quả thực hiện nhiệm vụ tháng ${monthInText(previous!.month)}/${previous!.year}`);
      items(input.results !== undefined ? 'results/shortcomings' : 'shortcomings', review, input.shortcomings !== undefined ? SHORTCOMINGS_LEAD : undefined);
    }
    if (input.tasks) {
      numeral += 1;
      whole('tasks heading', `${roman(numeral)}. Nhiệm vụ lãnh đạo, chỉ đạo trọng tâm tháng ${monthInText(meeting!.month)}/${meeting!.year}`);
      items('tasks', input.tasks.map(asPoint));
    }
  }
  if (input.closing) input.closing.forEach((s, i) => whole(`closing[${i}]`, s));
  else {
    part('closing (template)', 'Trên đây là Kết luận của Ban Thường vụ Đảng ủy');
    if (input.issuer.unit !== undefined) part('issuer.unit in closing', `Đảng bộ ${nfc(input.issuer.unit).trim()} nghiêm túc`);
  }

  // Footer: recipients (left), then the signature (right).
  group = 'footer-left';
  whole('recipients label', 'Nơi nhận:');
  (input.recipients ?? DEFAULT_RECIPIENTS).forEach((r, i) => {
    const text = nfc(r);
    whole(`recipients[${i}]`, `- ${/[,;.:]$/.test(text) ? text : `${text};`}`);
  });
  const filing = nfc(input.filing ?? 'Lưu VPĐU');
  whole('filing', `- ${/[,;.:]$/.test(filing) ? filing : `${filing}.`}`);
  group = 'footer-right';
  whole('signature.authority, collective', upper(`${input.signature.authority ?? 'T/M'} ${nfc(input.signature.collective ?? 'BAN THƯỜNG VỤ').trim()}`));
  whole('signature.position', upper(input.signature.position ?? 'BÍ THƯ'));
  whole('signature.name', input.signature.name);
  return out;
}

/**
 * Checks that `paragraphs` (in document order) contain the expected ones in the same order.
 * Returns the problems (empty when all is well) rather than throwing, so a property can show them all.
 */
export function missingParagraphs(paragraphs: readonly string[], expected: readonly ExpectedParagraph[]): string[] {
  const actual = paragraphs.map(comparable);
  const problems: string[] = [];
  let cursor = 0;
  for (const e of expected) {
    const at = actual.findIndex((p, i) => i >= cursor && (e.whole ? p === e.text : p.includes(e.text)));
    if (at === -1) {
      const anywhere = actual.findIndex((p) => (e.whole ? p === e.text : p.includes(e.text)));
      problems.push(`${e.field}: ${anywhere === -1 ? 'missing' : `out of order (found at paragraph ${anywhere}, looked from ${cursor})`}: ${JSON.stringify(e.text.slice(0, 200))}`);
      continue;
    }
    cursor = e.whole ? at + 1 : at;
  }
  return problems;
}

/**
 * The same check on text that has lost its paragraph boundaries (a PDF's): every expected text,
 * with all white space removed, must occur in `text` (white space removed too), in order within
 * each group (header columns, body, footer columns).
 * Comparing without white space makes the check blind to line ends, justified spacing and
 * the PDF writer breaking a line after "-" or "/", and still sees every character, in order.
 */
export function missingInFlowText(text: string, expected: readonly ExpectedParagraph[]): string[] {
  const groups = [...new Set(expected.map((e) => e.group))];
  return groups.flatMap((group) => missingInFlow(text, expected.filter((e) => e.group === group)));
}

function missingInFlow(text: string, expected: readonly ExpectedParagraph[]): string[] {
  const squeeze = (s: string) => comparable(s).replace(/\s+/g, '');
  const flow = squeeze(text);
  const problems: string[] = [];
  let cursor = 0;
  for (const e of expected) {
    const needle = squeeze(e.text);
    const at = flow.indexOf(needle, cursor);
    if (at === -1) {
      const anywhere = flow.indexOf(needle);
      problems.push(`${e.field}: ${anywhere === -1 ? 'missing' : `out of order (at ${anywhere}, looked from ${cursor})`}: ${JSON.stringify(e.text.slice(0, 200))}`);
      continue;
    }
    cursor = at + needle.length;
  }
  return problems;
}

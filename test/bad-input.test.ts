import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
/**
 * Bad input, class by class: each test states the precise outcome — a ConclusionValidationError
 * naming the field (in English and Vietnamese), or a document with exactly the right text.
 * Everything goes through the public `renderConclusion`.
 */
import { describe, expect, it } from 'vitest';
import { ConclusionValidationError, FontError, renderConclusion, type ValidationProblem } from '../src/index.js';
import { comparable } from './helpers/arbitraries.js';
import { docxBodyParagraphs, zipEntries } from './helpers/docx-text.js';
import { pdfPageCount, pdfPageTexts } from './helpers/pdf-text.js';

// Inputs are JSON as a user would write it, broken on purpose: typed loosely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** A small valid conclusion; every test breaks one thing in a fresh copy. */
const BASE = {
  issuer: { superior: 'ĐẢNG BỘ HUYỆN ĐỊNH HÓA', name: 'ĐẢNG ỦY XÃ PHÚ ĐÌNH' },
  number: { sequence: 7, issuerCode: 'ĐU' },
  place: 'Phú Đình',
  date: '2024-10-29',
  summary: ['về công tác chuẩn bị đại hội'],
  sections: [
    {
      heading: 'Kết quả',
      content: ['Một đoạn văn.', { text: 'Điểm một.', subpoints: [{ text: 'Ý a.', bullets: ['Gạch đầu dòng.'] }], bullets: ['Gạch khác.'] }],
    },
  ],
  recipients: ['Như trên'],
  signature: { name: 'Nguyễn Văn An' },
};
const base = (): Json => structuredClone(BASE);

/** The problems of an input renderConclusion must reject (DOCX), checked for shape. */
async function problemsOf(input: unknown, format: 'docx' | 'pdf' = 'docx'): Promise<ValidationProblem[]> {
  let error: unknown;
  try {
    await renderConclusion(input, { format });
  } catch (e) {
    error = e;
  }
  if (error === undefined) throw new Error('expected renderConclusion to reject, but it rendered');
  if (!(error instanceof ConclusionValidationError)) throw new Error(`expected ConclusionValidationError, got ${(error as Error).name}: ${(error as Error).message}`);
  for (const p of error.problems) {
    expect(p.message.length).toBeGreaterThan(0);
    expect(p.messageVi.length).toBeGreaterThan(0);
  }
  return error.problems;
}

/** The one problem on `field` (there must be exactly one problem there). */
async function problemOn(input: unknown, field: string): Promise<ValidationProblem> {
  const problems = await problemsOf(input);
  const on = problems.filter((p) => p.field === field);
  if (on.length !== 1) throw new Error(`expected one problem on ${field}, got: ${JSON.stringify(problems.map((p) => [p.field, p.message]))}`);
  return on[0]!;
}

/** The error renderConclusion rejects with (fails if it renders). */
async function renderError(input: unknown, format: 'docx' | 'pdf'): Promise<Error> {
  const outcome = await renderConclusion(input, { format }).then(
    () => null,
    (error: Error) => error,
  );
  if (outcome === null) throw new Error(`expected renderConclusion to reject (${format}), but it rendered`);
  return outcome;
}

/** The PDF's text (pdftotext, content-stream order), runs of white space as one space. */
async function pdfTextOf(pdf: Uint8Array, normalize = true): Promise<string> {
  return (await pdfPageTexts(pdf, { raw: true, normalize })).join('\n').replace(/\s+/g, ' ');
}

async function docxParagraphsOf(input: unknown): Promise<string[]> {
  return docxBodyParagraphs(await renderConclusion(input, { format: 'docx' }));
}

describe('wrong types', () => {
  it.each<[string, string, RegExp, (x: Json) => void]>([
    ['date as a number', 'date', /expected string, received number/, (x) => (x.date = 20241029)],
    ['number.sequence as a string', 'number.sequence', /expected number, received string/, (x) => (x.number.sequence = '45')],
    ['number.sequence 1.5', 'number.sequence', /expected int/, (x) => (x.number.sequence = 1.5)],
    ['number.sequence NaN', 'number.sequence', /received NaN/, (x) => (x.number.sequence = Number.NaN)],
    ['number.sequence Infinity', 'number.sequence', /received Infinity/, (x) => (x.number.sequence = Number.POSITIVE_INFINITY)],
    ['number.sequence 0', 'number.sequence', /Too small/, (x) => (x.number.sequence = 0)],
    ['number.sequence 100000', 'number.sequence', /Too big/, (x) => (x.number.sequence = 100_000)],
    ['sections as a string', 'sections', /expected array, received string/, (x) => (x.sections = 'I. Kết quả')],
    ['issuer as an array', 'issuer', /expected object, received array/, (x) => (x.issuer = ['ĐẢNG ỦY XÃ PHÚ ĐÌNH'])],
    ['signature.name as an object', 'signature.name', /expected string, received object/, (x) => (x.signature.name = { first: 'An' })],
    ['marks.draft as "yes"', 'marks.draft', /expected boolean, received string/, (x) => (x.marks = { draft: 'yes' })],
    ['marks.secrecy not one of the three', 'marks.secrecy', /expected one of "MẬT"\|"TỐI MẬT"\|"TUYỆT MẬT"/, (x) => (x.marks = { secrecy: 'mật' })],
    ['signature.authority not T/M, K/T, T/L', 'signature.authority', /expected one of "T\/M"\|"K\/T"\|"T\/L"/, (x) => (x.signature.authority = 'TM')],
    ['meeting.month 13', 'meeting.month', /Too big: expected number to be <=12/, (x) => (x.meeting = { month: 13, year: 2024 })],
    ['meeting.year 1929', 'meeting.year', /Too small/, (x) => (x.meeting = { month: 1, year: 1929 })],
    ['number.typeCode in lower case', 'number.typeCode', /must be 1–6 capital letters/, (x) => (x.number.typeCode = 'kl')],
    ['recipients as a string', 'recipients', /expected array, received string/, (x) => (x.recipients = 'Như trên')],
    ['a recipient as a number', 'recipients[1]', /expected string, received number/, (x) => (x.recipients = ['Như trên', 42])],
    ['a section item as a number', 'sections[0].content[0]', /./, (x) => (x.sections[0].content[0] = 42)],
    ['a section heading as null', 'sections[0].heading', /expected string, received null/, (x) => (x.sections[0].heading = null)],
  ])('%s → error on %s', async (_, field, message, breakIt) => {
    const input = base();
    breakIt(input);
    const problem = await problemOn(input, field);
    expect(problem.message).toMatch(message);
  });

  it('a point\'s bullets as a string → error on that point\'s bullets (not just "Invalid input" on the item)', async () => {
    const input = base();
    input.sections[0].content[1].bullets = 'Gạch khác.';
    const problems = await problemsOf(input);
    expect(problems.map((p) => p.field)).toContain('sections[0].content[1].bullets');
  });

  it('no input at all (undefined) → "is required" on (input)', async () => {
    const problems = await problemsOf(undefined);
    expect(problems.map((p) => [p.field, p.message])).toEqual([['(input)', 'is required']]);
  });

  it.each([
    ['null', null],
    ['an array', [BASE]],
    ['a string', JSON.stringify(BASE)],
    ['a number', 42],
    ['a boolean', true],
  ])('the input as %s → one problem on (input)', async (_, input) => {
    const problems = await problemsOf(input);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.field).toBe('(input)');
    expect(problems[0]!.message).toMatch(/expected object/);
  });

  it('every wrong field is listed at once', async () => {
    const input = base();
    input.date = 1;
    input.place = 2;
    input.signature.name = 3;
    expect((await problemsOf(input)).map((p) => p.field).sort()).toEqual(['date', 'place', 'signature.name']);
  });
});

describe('missing fields', () => {
  it.each(['issuer', 'issuer.name', 'number', 'number.issuerCode', 'place', 'date', 'signature', 'signature.name'])('%s missing → "is required" / "là bắt buộc" on it', async (field) => {
    const input = base();
    const path = field.split('.');
    const parent = path.slice(0, -1).reduce((o: Json, k) => o[k], input);
    delete parent[path[path.length - 1]!];
    const problem = await problemOn(input, field);
    expect(problem.message).toBe('is required');
    expect(problem.messageVi).toBe('là bắt buộc');
  });

  it('a point without text → error on its text', async () => {
    const input = base();
    delete input.sections[0].content[1].text;
    const problems = await problemsOf(input);
    expect(problems.map((p) => p.field)).toContain('sections[0].content[1].text');
  });

  it('neither sections nor monthly content → error on sections', async () => {
    const input = base();
    delete input.sections;
    expect((await problemOn(input, 'sections')).message).toBe('give either sections, or the monthly content (results, shortcomings, tasks)');
  });

  it('monthly content without meeting → error on meeting', async () => {
    const input = base();
    delete input.sections;
    input.tasks = ['Nhiệm vụ.'];
    expect((await problemOn(input, 'meeting')).message).toBe('is required with the monthly content, to name the months in the headings');
  });

  it('no summary and no meeting (so no template summary) → error on summary, at render time', async () => {
    const input = base();
    delete input.summary;
    expect((await problemOn(input, 'summary')).message).toMatch(/needs "meeting"/);
  });

  it('a committee name the unit cannot be read off, no issuer.unit, and no closing (closing.hbs needs the unit) → validation error on issuer.unit', async () => {
    const input = base();
    input.issuer = { name: 'CHI BỘ CƠ QUAN ỦY BAN NHÂN DÂN' };
    const problems = await problemsOf(input);
    expect(problems.map((p) => p.field)).toContain('issuer.unit');
  });

  it('the same committee with issuer.unit given renders, the unit in the closing', async () => {
    const input = base();
    input.issuer = { name: 'CHI BỘ CƠ QUAN ỦY BAN NHÂN DÂN', unit: 'cơ quan Ủy ban' };
    const paragraphs = await docxParagraphsOf(input);
    expect(paragraphs.some((p) => p.includes('Đảng bộ cơ quan Ủy ban nghiêm túc triển khai'))).toBe(true);
  });
});

describe('empty strings and empty lists', () => {
  it.each<[string, string, string, (x: Json) => void]>([
    ['place ""', 'place', 'must not be empty', (x) => (x.place = '')],
    ['place of spaces', 'place', 'must not be empty', (x) => (x.place = '   ')],
    ['issuer.name of a newline-free blank (tab)', 'issuer.name', 'must not be empty', (x) => (x.issuer.name = '\t')],
    ['a paragraph of newlines', 'sections[0].content[0]', 'must not be empty', (x) => (x.sections[0].content[0] = '\n\n')],
    ['a bullet ""', 'sections[0].content[1].bullets[0]', 'must not be empty', (x) => (x.sections[0].content[1].bullets[0] = '')],
    ['a recipient ""', 'recipients[0]', 'must not be empty', (x) => (x.recipients = [''])],
    ['signature.name ""', 'signature.name', 'must not be empty', (x) => (x.signature.name = '')],
    ['number.typeCode ""', 'number.typeCode', 'must be 1–6 capital letters, e.g. KL', (x) => (x.number.typeCode = '')],
    ['a section with no content', 'sections[0].content', 'must hold at least one item', (x) => (x.sections[0].content = [])],
    ['sections []', 'sections', 'Too small: expected array to have >=1 items', (x) => (x.sections = [])],
    ['summary []', 'summary', 'Too small: expected array to have >=1 items', (x) => (x.summary = [])],
  ])('%s → %s: %s', async (_, field, message, breakIt) => {
    const input = base();
    breakIt(input);
    const problem = await problemOn(input, field);
    expect(problem.message).toBe(message);
    if (message === 'must not be empty') expect(problem.messageVi).toBe('không được để trống');
  });

  it('recipients [] renders the filing line alone under "Nơi nhận:"', async () => {
    const input = base();
    input.recipients = [];
    const paragraphs = (await docxParagraphsOf(input)).map(comparable);
    const label = paragraphs.indexOf('Nơi nhận:');
    expect(label).toBeGreaterThan(-1);
    expect(paragraphs[label + 1]).toBe('- Lưu VPĐU.');
  });

  it('opening [] and closing [] render no opening or closing paragraph', async () => {
    const input = base();
    input.opening = [];
    input.closing = [];
    const paragraphs = (await docxParagraphsOf(input)).map(comparable).filter((p) => p !== '');
    expect(paragraphs.slice(paragraphs.indexOf('-----') + 1, paragraphs.indexOf('Nơi nhận:'))).toEqual([
      'I. Kết quả',
      'Một đoạn văn.',
      '1. Điểm một.',
      'a) Ý a.',
      '- Gạch đầu dòng.',
      '- Gạch khác.',
    ]);
  });
});

describe('control characters', () => {
  const C0 = Array.from({ length: 32 }, (_, i) => i).filter((c) => c !== 0x09 && c !== 0x0a && c !== 0x0d);

  it.each(C0.map((c) => [`U+${c.toString(16).toUpperCase().padStart(4, '0')}`, c]))('%s in a bullet → error naming the bullet, the code point and its position', async (name, c) => {
    const input = base();
    input.sections[0].content[1].subpoints[0].bullets[0] = `Gạch${String.fromCharCode(c as number)}đầu`;
    const problem = await problemOn(input, 'sections[0].content[1].subpoints[0].bullets[0]');
    expect(problem.message).toBe(`contains the character ${name} at position 4, which a document cannot hold`);
    expect(problem.messageVi).toBe(`chứa ký tự ${name} ở vị trí 4, không thể đưa vào văn bản`);
  });

  it.each([
    ['U+007F (DEL)', '\u007F'],
    ['U+0080', '\u0080'],
    ['U+0085 (NEL)', '\u0085'],
    ['U+009F', '\u009F'],
  ])('%s, a control character too, → error naming the field', async (name, ch) => {
    const input = base();
    input.place = `Phú${ch}Đình`;
    const problem = await problemOn(input, 'place');
    expect(problem.message).toContain(name.slice(0, 6));
  });

  it('U+FFFE and U+FFFF → error naming the field', async () => {
    for (const ch of ['\uFFFE', '\uFFFF']) {
      const input = base();
      input.signature.name = `An${ch}`;
      expect((await problemOn(input, 'signature.name')).message).toContain(`U+${ch.charCodeAt(0).toString(16).toUpperCase()}`);
    }
  });

  it('a newline in a one-line field → "must be a single line"', async () => {
    const input = base();
    input.place = 'Phú\nĐình';
    expect((await problemOn(input, 'place')).message).toBe('must be a single line');
    const cr = base();
    cr.issuer.name = 'ĐẢNG ỦY\rXÃ PHÚ ĐÌNH';
    expect((await problemOn(cr, 'issuer.name')).message).toBe('must be a single line');
  });

  it('CRLF and CR in a paragraph become line breaks, like LF', async () => {
    const input = base();
    input.sections[0].content[0] = 'Dòng một\r\nDòng hai\rDòng ba\nDòng bốn';
    const paragraphs = await docxParagraphsOf(input);
    expect(paragraphs).toContain('Dòng một\nDòng hai\nDòng ba\nDòng bốn');
  });

  it('a tab is accepted and kept in the DOCX text', async () => {
    const input = base();
    input.sections[0].content[0] = 'Cột một\tcột hai';
    expect(await docxParagraphsOf(input)).toContain('Cột một\tcột hai');
  });

  it('a tab, which validation accepts, renders in the PDF too (as white space)', async () => {
    const input = base();
    input.sections[0].content[0] = 'Cột một\tcột hai';
    expect(await pdfTextOf(await renderConclusion(input, { format: 'pdf' }))).toContain('Cột một cột hai');
  });
});

describe('lone surrogates, and characters the PDF font lacks', () => {
  it.each([
    ['a lone high surrogate', 'An\uD800h', 'U+D800', 2],
    ['a lone low surrogate', '\uDC00An', 'U+DC00', 0],
    ['a pair in the wrong order', 'An\uDE00\uD83D', 'U+DE00', 2],
    ['a high surrogate at the very end', 'An\uDBFF', 'U+DBFF', 2],
  ])('%s → error naming the field, code point and position', async (_, text, cp, position) => {
    const input = base();
    input.signature.name = text;
    expect((await problemOn(input, 'signature.name')).message).toBe(`contains the character ${cp} at position ${position}, which a document cannot hold`);
  });

  it('a proper pair (an emoji) is not a surrogate problem: the DOCX holds it', async () => {
    const input = base();
    input.sections[0].content[0] = 'Cờ 🇻🇳 và 😀.';
    expect(await docxParagraphsOf(input)).toContain('Cờ 🇻🇳 và 😀.');
  });

  it('… and the PDF, whose font has no emoji, rejects it with a FontError naming the character and the field', async () => {
    const input = base();
    input.sections[0].content[0] = 'Cờ và 😀.';
    const error = await renderError(input, 'pdf');
    expect(error).toBeInstanceOf(FontError);
    expect(error.message).toContain('U+1F600');
    expect(error.message).toContain('sections[0].content[0]');
  });

  it('a character the font lacks inside a line a template builds (place → "place, ngày …") → FontError naming the field "place"', async () => {
    const input = base();
    input.place = 'Phú Đình 😀';
    const error = await renderError(input, 'pdf');
    expect(error).toBeInstanceOf(FontError);
    expect(error.message).toContain('U+1F600');
    expect(error.message).toContain('"place"');
  });
});

describe('NFD (decomposed) text', () => {
  const nfd = (s: string) => s.normalize('NFD');
  const decomposed = (): Json => {
    const input = base();
    input.issuer.name = nfd('ĐẢNG ỦY XÃ PHÚ ĐÌNH');
    input.place = nfd('Phú Đình');
    input.summary = [nfd('về việc **chuẩn bị** đại hội')];
    input.sections[0].heading = nfd('Kết quả thực hiện nhiệm vụ');
    input.sections[0].content[0] = nfd('Tiếp tục chỉ đạo các chi bộ: ắ ằ ẳ ẵ ặ ấ ầ ẩ ẫ ậ ế ề ể ễ ệ ố ồ ổ ỗ ộ ớ ờ ở ỡ ợ ứ ừ ử ữ ự ỳ ỷ ỹ ỵ.');
    input.recipients = [nfd('Thường trực Đảng ủy')];
    input.signature.name = nfd('Nguyễn Thị Hường');
    return input;
  };
  const expected = [
    'ĐẢNG ỦY XÃ PHÚ ĐÌNH',
    'Phú Đình, ngày 29 tháng 10 năm 2024',
    'về việc chuẩn bị đại hội',
    'I. Kết quả thực hiện nhiệm vụ',
    'Tiếp tục chỉ đạo các chi bộ: ắ ằ ẳ ẵ ặ ấ ầ ẩ ẫ ậ ế ề ể ễ ệ ố ồ ổ ỗ ộ ớ ờ ở ỡ ợ ứ ừ ử ữ ự ỳ ỷ ỹ ỵ.',
    '- Thường trực Đảng ủy;',
    'Nguyễn Thị Hường',
  ];
  const COMBINING = /[\u0300-\u036F]/;

  it('renders to exactly the NFC text in the DOCX, no combining mark in any part', async () => {
    const docx = await renderConclusion(decomposed(), { format: 'docx' });
    for (const [name, xml] of await zipEntries(docx)) expect(COMBINING.test(xml), name).toBe(false);
    const paragraphs = (await docxBodyParagraphs(docx)).map((p) => p.replace(/\*/g, ''));
    for (const text of expected) expect(paragraphs).toContain(text.normalize('NFC'));
  });

  it('renders to exactly the NFC text in the PDF (pdftotext output, not normalised by the test)', async () => {
    const pdf = await renderConclusion(decomposed(), { format: 'pdf' });
    const text = await pdfTextOf(pdf, false);
    expect(COMBINING.test(text)).toBe(false);
    for (const e of expected) expect(text).toContain(e.normalize('NFC'));
  });

  it('gives byte-identical files for NFD and NFC input', async () => {
    const nfcInput = JSON.parse(JSON.stringify(decomposed()).normalize('NFC'));
    for (const format of ['docx', 'pdf'] as const) {
      const a = await renderConclusion(decomposed(), { format });
      const b = await renderConclusion(nfcInput, { format });
      expect(Buffer.from(a).equals(Buffer.from(b)), format).toBe(true);
    }
  });
});

describe('__proto__, constructor and prototype keys', () => {
  const probe = () => ({}) as Record<string, unknown>;
  const protoKeysBefore = Object.getOwnPropertyNames(Object.prototype).sort();
  const notPolluted = () => {
    expect(probe().polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoKeysBefore);
    expect(probe().constructor).toBe(Object);
    expect(typeof probe().toString).toBe('function');
    expect(Array.prototype).not.toHaveProperty('polluted');
  };

  // JSON.parse makes "__proto__" an own key, as input read from a file would have it.
  it.each<[string, string, (json: string) => string]>([
    ['top-level "__proto__"', '__proto__', (j) => j.replace('{', '{"__proto__":{"polluted":"yes"},')],
    ['top-level "constructor"', 'constructor', (j) => j.replace('{', '{"constructor":{"prototype":{"polluted":"yes"}},')],
    ['top-level "prototype"', 'prototype', (j) => j.replace('{', '{"prototype":{"polluted":"yes"},')],
    ['"__proto__" in issuer', 'issuer.__proto__', (j) => j.replace('"issuer":{', '"issuer":{"__proto__":{"polluted":"yes"},')],
    ['"constructor" in signature', 'signature.constructor', (j) => j.replace('"signature":{', '"signature":{"constructor":{"prototype":{"polluted":"yes"}},')],
    ['"__proto__" in a point', 'sections[0].content[1].__proto__', (j) => j.replace('{"text":"Điểm một."', '{"__proto__":{"polluted":"yes"},"text":"Điểm một."')],
    ['"__proto__" in a subpoint', 'sections[0].content[1].subpoints[0].__proto__', (j) => j.replace('{"text":"Ý a."', '{"__proto__":{"polluted":"yes"},"text":"Ý a."')],
  ])('%s → an unknown field %s; Object.prototype untouched', async (_, field, inject) => {
    const json = inject(JSON.stringify(BASE));
    const input = JSON.parse(json);
    const problem = await problemOn(input, field);
    expect(problem.message).toMatch(/^unknown field \(known fields here: /);
    notPolluted();
  });

  it('"__proto__" as a recipient string or in text is just text', async () => {
    const input = base();
    input.recipients = ['__proto__', 'constructor'];
    input.sections[0].content[0] = '__proto__.polluted = constructor.prototype';
    const paragraphs = await docxParagraphsOf(input);
    expect(paragraphs).toContain('- __proto__;');
    expect(paragraphs).toContain('__proto__.polluted = constructor.prototype');
    notPolluted();
  });

  it('an input object with a null prototype renders like a plain one', async () => {
    const input = Object.assign(Object.create(null), base());
    const a = await renderConclusion(input, { format: 'docx' });
    const b = await renderConclusion(base(), { format: 'docx' });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    notPolluted();
  });
});

describe('template syntax in text', () => {
  const SNIPPETS = ['{{issuer.name}}', '{{{place}}}', '{{#each sections}}x{{/each}}', '{{> partial}}', '{{constructor.constructor "return process"}}', '{{!-- c --}}', '\\{{escaped}}'];

  it('is printed literally in the DOCX, wherever it is', async () => {
    const input = base();
    input.place = '{{place}}';
    input.issuer.unit = '{{issuer.name}} {{date.inWords}}';
    input.summary = ['{{meeting.month}}'];
    input.sections[0].heading = SNIPPETS.join(' ');
    input.sections[0].content[0] = SNIPPETS.join('\n');
    input.recipients = ['{{signature.name}}'];
    input.signature.name = '{{lookup . "x"}}';
    const paragraphs = await docxParagraphsOf(input);
    expect(paragraphs).toContain('{{place}}, ngày 29 tháng 10 năm 2024');
    expect(paragraphs).toContain('{{meeting.month}}');
    expect(paragraphs).toContain(`I. ${SNIPPETS.join(' ')}`);
    expect(paragraphs).toContain(SNIPPETS.join('\n'));
    expect(paragraphs).toContain('- {{signature.name}};');
    expect(paragraphs).toContain('{{lookup . "x"}}');
    // The unit goes into closing.hbs as a value: printed as is, not compiled again.
    expect(paragraphs.some((p) => p.includes('Đảng bộ {{issuer.name}} {{date.inWords}} nghiêm túc'))).toBe(true);
  });

  it('is printed literally in the PDF', async () => {
    const input = base();
    input.sections[0].content[0] = SNIPPETS.join(' ');
    const text = (await pdfTextOf(await renderConclusion(input, { format: 'pdf' }))).replace(/\s+/g, '');
    expect(text).toContain(SNIPPETS.join('').replace(/\s+/g, ''));
  });
});

describe('unknown fields', () => {
  it.each<[string, string, string, (x: Json) => void]>([
    ['top level', 'sumary', 'summary', (x) => (x.sumary = ['typo'])],
    ['top level, letters swapped', 'palce', 'place', (x) => (x.palce = 'Chợ Chu')],
    ['in issuer', 'issuer.unitt', 'unit', (x) => (x.issuer.unitt = 'x')],
    ['in issuer, another case', 'issuer.Name', 'name', (x) => (x.issuer.Name = 'x')],
    ['in number, cut short', 'number.seq', 'sequence', (x) => (x.number.seq = 1)],
    ['in marks', 'marks.secret', 'secrecy', (x) => (x.marks = { secret: true })],
    ['in a point', 'sections[0].content[1].txet', 'text', (x) => (x.sections[0].content[1].txet = 'x')],
    ['in a subpoint', 'sections[0].content[1].subpoints[0].bulets', 'bullets', (x) => (x.sections[0].content[1].subpoints[0].bulets = ['x'])],
  ])('%s → %s: did you mean %s?', async (_, field, meant, breakIt) => {
    const input = base();
    breakIt(input);
    const problem = await problemOn(input, field);
    expect(problem.message).toBe(`unknown field; did you mean ${meant}?`);
    expect(problem.messageVi).toBe(`trường không xác định; có phải là ${meant}?`);
  });

  it.each<[string, string, string, (x: Json) => void]>([
    ['in signature', 'signature.title', 'authority, collective, position, name', (x) => (x.signature.title = 'Bí thư')],
    ['in a section', 'sections[0].title', 'heading, content', (x) => (x.sections[0].title = 'x')],
    ['in a point', 'sections[0].content[1].note', 'text, subpoints, bullets', (x) => (x.sections[0].content[1].note = 'x')],
    ['in meeting', 'meeting.day', 'month, year', (x) => (x.meeting = { month: 1, year: 2024, day: 3 })],
  ])('%s, nothing close → %s lists the known fields', async (_, field, known, breakIt) => {
    const input = base();
    breakIt(input);
    const problem = await problemOn(input, field);
    expect(problem.message).toBe(`unknown field (known fields here: ${known})`);
    expect(problem.messageVi).toBe(`trường không xác định (các trường hợp lệ ở đây: ${known})`);
  });

  it('two unknown keys in one object are two problems, each on its own field', async () => {
    const input = base();
    input.issuer.nmae = 'x';
    input.issuer.superiour = 'y';
    const fields = (await problemsOf(input)).map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['issuer.nmae', 'issuer.superiour']));
  });

  it('"$schema" is accepted, for editors, and changes nothing in the document', async () => {
    const input = { $schema: './node_modules/ket-luan/schema.json', ...base() };
    const withKey = await renderConclusion(input, { format: 'docx' });
    const without = await renderConclusion(base(), { format: 'docx' });
    expect(Buffer.from(withKey).equals(Buffer.from(without))).toBe(true);
  });

  it('a misspelt "text" in a point (so "text" is missing too) → error naming the point and the key', async () => {
    const input = base();
    input.sections[0].content[1] = { txt: 'Điểm một.' };
    const problems = await problemsOf(input);
    const named = problems.filter((p) => p.field.startsWith('sections[0].content[1]') && /"txt"|text/.test(`${p.field} ${p.message}`));
    expect(named, JSON.stringify(problems)).not.toHaveLength(0);
  });
});

describe('dates that do not exist', () => {
  it.each(['2024-02-31', '2023-02-29', '2100-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '2024-01-00', '1929-12-31', '2201-01-01'])('%s → error on date', async (date) => {
    const input = base();
    input.date = date;
    const problem = await problemOn(input, 'date');
    expect(problem.message).toBe('is not a date that exists (or is outside 1930–2200)');
    expect(problem.messageVi).toBe('không phải là ngày có thật (hoặc nằm ngoài 1930–2200)');
  });

  it.each(['2024-2-3', '29/10/2024', '2024-10-29T00:00:00Z', ' 2024-10-29', '２０２４-10-29', ''])('%j → error on date: wrong form', async (date) => {
    const input = base();
    input.date = date;
    expect((await problemOn(input, 'date')).message).toBe('must be a date written YYYY-MM-DD');
  });

  it.each([
    ['2024-02-29', 'ngày 29 tháng 02 năm 2024'],
    ['2000-02-29', 'ngày 29 tháng 02 năm 2000'],
    ['1930-01-01', 'ngày 01 tháng 01 năm 1930'],
    ['2200-12-31', 'ngày 31 tháng 12 năm 2200'],
  ])('%s exists → rendered as "%s"', async (date, words) => {
    const input = base();
    input.date = date;
    expect(await docxParagraphsOf(input)).toContain(`Phú Đình, ${words}`);
  });
});

/** The top margin's page-number band: 20 mm is 56.7 pt; the number sits within the first 45. */
const PAGE_NUMBER_BAND_PT = 45;

describe('1 MB strings', () => {
  /** About 1 MB of Vietnamese words. */
  const megabyte = (() => {
    const words = ['Tiếp', 'tục', 'chỉ', 'đạo', 'các', 'chi', 'bộ', 'tổ', 'chức', 'quán', 'triệt,', 'triển', 'khai', 'thực', 'hiện.'];
    const out: string[] = [];
    let length = 0;
    // Whole rounds of the sentence, so that the text ends "… thực hiện. CUỐI".
    for (let i = 0; length < 1_000_000 || i % words.length !== 0; i++) {
      const w = words[i % words.length]!;
      out.push(w);
      length += w.length + 1;
    }
    return `${out.join(' ')} CUỐI`;
  })();

  it('a 1 MB paragraph renders to DOCX, the whole text there', async () => {
    const input = base();
    input.sections[0].content[0] = megabyte;
    const paragraphs = await docxParagraphsOf(input);
    expect(paragraphs).toContain(megabyte);
  }, 300_000);

  /** The PDF holds the whole text, checked by its end (`tail`, white space removed). */
  async function expectPdfRenders(input: unknown, tail: string, pages: [number, number]): Promise<void> {
    const pdf = await renderConclusion(input, { format: 'pdf' });
    const count = await pdfPageCount(pdf);
    expect(count).toBeGreaterThanOrEqual(pages[0]);
    expect(count).toBeLessThanOrEqual(pages[1]);
    // The page-number band at the top of each page is cropped off, so text flowing on to the next
    // page reads on without the number between.
    const text = (await pdfPageTexts(pdf, { raw: true, cropTopPt: PAGE_NUMBER_BAND_PT })).join('\n').replace(/\s+/g, '');
    expect(text).toContain(tail.replace(/\s+/g, ''));
  }

  it('a 1 MB paragraph renders to PDF (some 300 pages, ending in its last word)', async () => {
    const input = base();
    input.sections[0].content[0] = megabyte;
    // 1 MB at about 80 characters a line and 40 lines a page: some 300 pages.
    await expectPdfRenders(input, 'triển khai thực hiện. CUỐI 1. Điểm một.', [200, 600]);
  }, 600_000);

  it('a 1 MB word with no space renders to PDF', async () => {
    const input = base();
    input.sections[0].content[0] = `${'x'.repeat(1_000_000)}CUỐI`;
    await expectPdfRenders(input, 'xxxxCUỐI 1. Điểm một.', [150, 1000]);
  }, 600_000);

  it('a 1 MB place (header column, which may not break across pages) renders to PDF', async () => {
    const input = base();
    input.place = megabyte;
    await expectPdfRenders(input, 'triển khai thực hiện. CUỐI, ngày 29 tháng 10 năm 2024', [1, 2000]);
  }, 600_000);

  it('a 10,000-character place, taller than a page, is not silently left out of the PDF', async () => {
    const input = base();
    input.place = megabyte.slice(-10_000);
    await expectPdfRenders(input, 'triển khai thực hiện. CUỐI, ngày 29 tháng 10 năm 2024', [1, 20]);
  }, 120_000);

  it('2,000,001 characters → error on the field: too long', async () => {
    const input = base();
    input.sections[0].content[0] = 'x '.repeat(1_000_000) + 'y';
    const problem = await problemOn(input, 'sections[0].content[0]');
    expect(problem.message).toBe('must be at most 2000000 characters');
  }, 300_000);
});

describe('options', () => {
  it('an unknown format → TypeError naming the value, before any input is read', async () => {
    await expect(renderConclusion(base(), { format: 'odt' as 'docx' })).rejects.toThrow(new TypeError('format must be "docx" or "pdf", not "odt"'));
  });
});

describe('API misuse, corrupt fonts and hostile templates (named errors)', () => {
  const example = () => JSON.parse(readFileSync(join(import.meta.dirname, '..', 'examples', 'cho-chu-2024-11.json'), 'utf8'));
  it.each([
    ['no options', undefined, /renderConclusion: options must be an object/],
    ['one font path instead of four', { format: 'pdf', fonts: '/x.ttf' }, /option "fonts" must be an object \{ normal, bold, italics, bolditalics \}/],
    ['pdfa: "yes"', { format: 'pdf', pdfa: 'yes' }, /option "pdfa" must be true or false/],
    ['templates: 42', { format: 'pdf', templates: 42 }, /option "templates" must be the path of a templates folder/],
    ["templates: ''", { format: 'pdf', templates: '' }, /option "templates" must be the path of a templates folder, not an empty string/],
    ['an unknown key', { format: 'pdf', fromat: 'pdf' }, /unknown option "fromat"/],
  ])('%s → TypeError naming the option', async (_, options, message) => {
    const attempt = renderConclusion(example(), options as never);
    await expect(attempt).rejects.toBeInstanceOf(TypeError);
    await expect(attempt).rejects.toThrow(message);
  });

  it.each([
    ['a truncated TTF', (b: Buffer) => b.subarray(0, 5000), /FontError|is truncated or damaged/],
    ['a WOFF2 file', (b: Buffer) => Buffer.concat([Buffer.from('wOF2'), b.subarray(4, 200)]), /is a WOFF2 web font/],
    ['unitsPerEm 0', (b: Buffer) => withUnitsPerEm(b, 0), /has unitsPerEm 0/],
  ])('%s → FontError naming the file and what is wrong', async (_, corrupt, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'ket-luan-bad-font-'));
    const good = join(import.meta.dirname, '..', 'fonts', 'liberation-serif', 'LiberationSerif-Regular.ttf');
    const bad = join(dir, 'broken.ttf');
    writeFileSync(bad, corrupt(readFileSync(good)));
    const fonts = { normal: bad, bold: good, italics: good, bolditalics: good };
    const error = await renderConclusion(example(), { format: 'pdf', fonts }).then(() => null, (e: Error) => e);
    expect(error).toBeInstanceOf(FontError);
    expect(error?.name).toBe('FontError');
    expect(error?.message).toContain('broken.ttf');
    expect(error?.message).toMatch(message);
  });
});

describe('templates that write to the console', () => {
  const example = () => JSON.parse(readFileSync(join(import.meta.dirname, '..', 'examples', 'cho-chu-2024-11.json'), 'utf8'));
  const folderWithTitle = (text: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'ket-luan-hostile-template-'));
    mkdirSync(join(dir, 'ket-luan-hd36'));
    writeFileSync(join(dir, 'ket-luan-hd36', 'title.hbs'), text);
    return dir;
  };
  it.each([['{{log "x"}}']])('%s → TemplateError naming title.hbs', async (text) => {
    const input = example();
    delete input.title;
    const error = await renderConclusion(input, { format: 'docx', templates: folderWithTitle(text) }).then(() => null, (e: Error) => e);
    expect(error?.name).toBe('TemplateError');
    expect(error?.message).toContain('title.hbs');
  });
});

/** The font with its head table's unitsPerEm set to `value`. */
function withUnitsPerEm(font: Buffer, value: number): Buffer {
  const copy = Buffer.from(font);
  for (let i = 0; i < copy.readUInt16BE(4); i++) {
    const record = 12 + 16 * i;
    if (copy.toString('latin1', record, record + 4) === 'head') copy.writeUInt16BE(value, copy.readUInt32BE(record + 8) + 18);
  }
  return copy;
}

/**
 * Bad input, class by class: each test states the precise outcome — a ConclusionValidationError
 * naming the field (in English and Vietnamese), or a document with exactly the right text.
 * Everything goes through the public `renderConclusion`.
 */
import { mkdirSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConclusionValidationError, FontError, loadTemplates, renderConclusion, TemplateError, type ValidationProblem } from '../src/index.js';
import { readFontFile } from '../src/node/font-files.js';
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

/** A templates folder whose ket-luan-hd36 holds the given files (text, or a size in bytes for a sparse file). */
function templatesWith(files: Record<string, string | number>): { dir: string; file: (name: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'ket-luan-bad-templates-'));
  mkdirSync(join(dir, 'ket-luan-hd36'));
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, 'ket-luan-hd36', name);
    if (typeof content === 'number') {
      writeFileSync(path, '');
      truncateSync(path, content);
    } else writeFileSync(path, content);
  }
  return { dir, file: (name) => join(dir, 'ket-luan-hd36', name) };
}

/** The TemplateError rendering with a templates folder gives, in both formats (fails if it renders). */
async function templateErrorOf(input: unknown, templates: string): Promise<TemplateError> {
  const errors: Error[] = [];
  for (const format of ['docx', 'pdf'] as const) {
    const error = await renderConclusion(input, { format, templates }).then(
      () => new Error(`expected a TemplateError (${format}), but it rendered`),
      (e: Error) => e,
    );
    if (!(error instanceof TemplateError)) throw new Error(`expected TemplateError (${format}), got ${error.name}: ${error.message}`);
    errors.push(error);
  }
  expect(errors[1]!.message).toBe(errors[0]!.message);
  return errors[0] as TemplateError;
}

/** A base letter followed by `count` combining marks (acute, dot below and grave in turn). */
const stacked = (base: string, count: number) => base + Array.from({ length: count }, (_, i) => ['\u0301', '\u0323', '\u0300'][i % 3]).join('');

describe('runs of combining marks (the Unicode stream-safe limit, UAX #15)', () => {
  it('31 combining marks after a letter → error naming the field and where the run starts, in English and Vietnamese', async () => {
    const input = base();
    input.signature.name = `Nguyễn ${stacked('A', 31)}n`;
    const problem = await problemOn(input, 'signature.name');
    expect(problem.message).toBe('has more than 30 combining marks in a row at position 8 (the Unicode stream-safe limit, UAX #15)');
    expect(problem.messageVi).toBe('có hơn 30 dấu kết hợp liền nhau ở vị trí 8 (giới hạn an toàn của Unicode, UAX #15)');
  });

  it('31 combining marks with no letter before them, in a paragraph → the same error on the paragraph', async () => {
    const input = base();
    input.sections[0].content[0] = stacked('', 31);
    expect((await problemOn(input, 'sections[0].content[0]')).message).toMatch(/^has more than 30 combining marks in a row at position 0/);
  });

  it('a 2 MB field of combining marks → the error, found before normalising (the test would time out otherwise)', async () => {
    const input = base();
    input.sections[0].content[1].text = stacked('a', 2_000_000);
    expect((await problemOn(input, 'sections[0].content[1].text')).message).toMatch(/^has more than 30 combining marks in a row at position 1 /);
  }, 60_000);

  it('30 combining marks on each of 300 letters renders: the DOCX holds the NFC text, the PDF draws every letter', async () => {
    const word = stacked('a', 30);
    const input = base();
    input.sections[0].content[0] = `Đầu ${Array.from({ length: 300 }, () => word).join(' ')} cuối`;
    expect(await docxParagraphsOf(input)).toContain(input.sections[0].content[0].normalize('NFC'));
    const pdf = await renderConclusion(input, { format: 'pdf' });
    const text = (await pdfTextOf(pdf)).normalize('NFD').replace(/\p{M}/gu, '');
    expect(text).toContain(`Đầu ${Array.from({ length: 300 }, () => 'a').join(' ')} cuối`.normalize('NFD').replace(/\p{M}/gu, ''));
  }, 120_000);
});

describe('bidirectional controls and right-to-left letters (DOCX and PDF would show them differently)', () => {
  const CONTROLS = ['\u061C', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];

  it.each(CONTROLS.map((c) => [`U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`, c]))('%s in a name → error naming the field, the code point and its position', async (cp, c) => {
    const input = base();
    input.signature.name = `Nguyễn ${c}Văn An`;
    const problem = await problemOn(input, 'signature.name');
    expect(problem.message).toBe(`contains the bidirectional control character ${cp} at position 7, which would make the DOCX and the PDF show the text in different orders`);
    expect(problem.messageVi).toBe(`chứa ký tự điều khiển hướng viết ${cp} ở vị trí 7, khiến bản DOCX và bản PDF hiển thị văn bản theo thứ tự khác nhau`);
  });

  it.each<[string, (x: Json) => void]>([
    ['issuer.name', (x) => (x.issuer.name = 'ĐẢNG ỦY \u202EXÃ')],
    ['place', (x) => (x.place = 'Phú\u2067 Đình')],
    ['sections[0].heading', (x) => (x.sections[0].heading = 'Kết\u200F quả')],
    ['sections[0].content[1].subpoints[0].bullets[0]', (x) => (x.sections[0].content[1].subpoints[0].bullets[0] = 'Gạch\u202D')],
    ['recipients[0]', (x) => (x.recipients[0] = '\u2066Như trên')],
    ['marks.circulation', (x) => (x.marks = { circulation: 'Lưu hành \u061Cnội bộ' })],
  ])('a bidi control in %s → error on it', async (field, breakIt) => {
    const input = base();
    breakIt(input);
    expect((await problemOn(input, field)).message).toMatch(/^contains the bidirectional control character U\+[0-9A-F]{4} at position \d+/);
  });

  it.each([
    ['Hebrew', 'שלום', 'U+05E9'],
    ['Arabic', 'مرحبا', 'U+0645'],
    ['Syriac', 'ܫܠܡܐ', 'U+072B'],
    ['Arabic presentation forms', 'ﻣﺮﺣﺒﺎ', 'U+FEE3'],
  ])('%s letters in a paragraph → error naming the field: right-to-left text is refused', async (_, word, cp) => {
    const input = base();
    input.sections[0].content[0] = `Đoàn khách ${word} đến thăm.`;
    const problem = await problemOn(input, 'sections[0].content[0]');
    expect(problem.message).toBe(`contains the right-to-left character ${cp} at position 11 (Hebrew, Arabic …): Party documents are written left to right, and such text is not laid out`);
    expect(problem.messageVi).toMatch(/^chứa ký tự viết từ phải sang trái/);
  });

  it('accepted text keeps its order in both files: left-to-right letters, digits, brackets and slashes', async () => {
    const input = base();
    input.sections[0].content[0] = 'Số 12/34 (năm 2024) – «trích» Đảng ủy [phụ lục 3.5]';
    expect(await docxParagraphsOf(input)).toContain(input.sections[0].content[0]);
    expect(await pdfTextOf(await renderConclusion(input, { format: 'pdf' }))).toContain(input.sections[0].content[0]);
  });
});

describe('text that shows nothing', () => {
  const INVISIBLE: [string, string][] = [
    ['a zero-width space', '\u200B'],
    ['a zero-width joiner', '\u200D'],
    ['U+034F (combining grapheme joiner)', '\u034F'],
    ['a soft hyphen', '\u00AD'],
    ['a lone combining mark', '\u0301'],
    ['a word joiner between spaces', ' \u2060 '],
    ['zero-width spaces and a no-break space', '\u200B\u00A0\u200B'],
  ];
  const FIELDS: [string, (x: Json, text: string) => void][] = [
    ['signature.name', (x, t) => (x.signature.name = t)],
    ['sections[0].heading', (x, t) => (x.sections[0].heading = t)],
    ['sections[0].content[0]', (x, t) => (x.sections[0].content[0] = t)],
    ['place', (x, t) => (x.place = t)],
    ['summary[0]', (x, t) => (x.summary[0] = t)],
  ];

  it.each(INVISIBLE.flatMap(([name, text]) => FIELDS.map(([field, put]) => [name, field, text, put] as const)))('%s as %s → error on it', async (_, field, text, put) => {
    const input = base();
    put(input, text);
    const problem = await problemOn(input, field);
    expect(problem.message).toBe('has no visible character (only invisible characters, combining marks or emphasis markers around nothing)');
    expect(problem.messageVi).toBe('không có ký tự nào hiển thị được (chỉ có ký tự ẩn, dấu kết hợp hoặc dấu nhấn mạnh bao quanh khoảng trống)');
  });

  it('a left-to-right mark alone as a name → the bidi error (one problem, not two)', async () => {
    const input = base();
    input.signature.name = '\u200E';
    expect((await problemOn(input, 'signature.name')).message).toMatch(/^contains the bidirectional control character U\+200E/);
  });

  it.each([
    ['****', 'sections[0].heading'],
    ['** **', 'sections[0].content[0]'],
    ['*\u200B*', 'sections[0].content[1].text'],
    ['****', 'summary[0]'],
  ])('emphasis around nothing (%j) in a paragraph field → error on %s', async (text, field) => {
    const input = base();
    const path = field.match(/[^.[\]]+/g)!.map((k) => (/^\d+$/.test(k) ? Number(k) : k));
    const parent = path.slice(0, -1).reduce((o: Json, k) => o[k], input);
    parent[path[path.length - 1]!] = text;
    expect((await problemOn(input, field)).message).toMatch(/^has no visible character/);
  });

  it('"****" as a name (a one-line field, not read for emphasis) is text, and both files show it', async () => {
    const input = base();
    input.signature.name = '****';
    expect(await docxParagraphsOf(input)).toContain('****');
    expect(await pdfTextOf(await renderConclusion(input, { format: 'pdf' }))).toContain('****');
  });

  it('a visible letter with invisible characters around it is accepted', async () => {
    const input = base();
    input.signature.name = '\u200BAn\u200D';
    expect((await docxParagraphsOf(input)).some((p) => p.includes('An'))).toBe(true);
  });
});

describe('template and profile files', () => {
  it('a 20 MB template → TemplateError naming the file and the limit, before reading it', async () => {
    const t = templatesWith({ 'title.hbs': 20 * 1024 * 1024 });
    const error = await templateErrorOf(base(), t.dir);
    expect(error.message).toBe(`${t.file('title.hbs')}: is 20.0 MiB; a template file may be at most 64 KiB`);
    expect(error.file).toBe(t.file('title.hbs'));
  });

  it('a template one byte over 64 KiB → TemplateError; one at 64 KiB renders', async () => {
    const over = templatesWith({ 'title.hbs': `KẾT LUẬN${' '.repeat(64 * 1024 - 'KẾT LUẬN'.length - 3)}` + 'xx' });
    expect((await templateErrorOf(base(), over.dir)).message).toBe(`${over.file('title.hbs')}: is 65 KiB; a template file may be at most 64 KiB`);
    const at = templatesWith({ 'title.hbs': `KẾT LUẬN${' '.repeat(64 * 1024 - Buffer.byteLength('KẾT LUẬN'))}` });
    expect(await docxParagraphsOf(base()).then(() => renderConclusion(base(), { format: 'docx', templates: at.dir }))).toBeInstanceOf(Uint8Array);
  });

  it('a profile.json over 64 KiB → TemplateError naming it', async () => {
    const t = templatesWith({ 'profile.json': JSON.stringify({ description: 'x'.repeat(70_000) }) });
    expect((await templateErrorOf(base(), t.dir)).message).toBe(`${t.file('profile.json')}: is 69 KiB; a profile file may be at most 64 KiB`);
  });

  it('a template that is not UTF-8 → TemplateError naming it', async () => {
    const t = templatesWith({ 'title.hbs': 'K\u00C9T' });
    writeFileSync(t.file('title.hbs'), Buffer.from([0x4b, 0xc9, 0x54]));
    expect((await templateErrorOf(base(), t.dir)).message).toBe(`${t.file('title.hbs')}: is not valid UTF-8 text`);
  });

  it.each([
    ['U+FFFF', 'defaults.signature.position', { defaults: { signature: { position: 'BÍ THƯ\uFFFF' } } }, 'contains the character U+FFFF at position 6, which a document cannot hold'],
    ['a control character', 'body.bullet.marker', { body: { bullet: { marker: '\u0007 ' } } }, 'contains the character U+0007 at position 0, which a document cannot hold'],
    ['a bidi control', 'title.dash.text', { title: { dash: { text: '\u202E-----' } } }, 'contains the bidirectional control character U+202E at position 0, which would make the DOCX and the PDF show the text in different orders'],
    ['nothing visible', 'defaults.signature.collective', { defaults: { signature: { collective: '\u200B' } } }, 'has no visible character (only invisible characters, combining marks or emphasis markers around nothing)'],
  ])('%s in a profile string → TemplateError naming the file and the key %s', async (_, key, profile, message) => {
    const t = templatesWith({ 'profile.json': JSON.stringify(profile) });
    expect((await templateErrorOf(base(), t.dir)).message).toBe(`${t.file('profile.json')}: ${key}: ${message}`);
  });

  it.each([
    ['a control character', 'KẾT\n LUẬN\u0007', 'line 2, column 6: contains the character U+0007, which a document cannot hold'],
    ['U+FFFF', 'KẾT LUẬN\uFFFF', 'line 1, column 9: contains the character U+FFFF, which a document cannot hold'],
    ['a bidi control', '\u202EKẾT LUẬN', 'line 1, column 1: contains the bidirectional control character U+202E, which would make the DOCX and the PDF show the text in different orders'],
    ['Hebrew', 'KẾT LUẬN שלום', 'line 1, column 10: contains the right-to-left character U+05E9 (Hebrew, Arabic …): Party documents are written left to right, and such text is not laid out'],
  ])('%s in a template\'s text → TemplateError naming the file, line and column, when it is loaded', async (_, text, detail) => {
    const t = templatesWith({ 'title.hbs': text });
    expect((await templateErrorOf(base(), t.dir)).message).toBe(`${t.file('title.hbs')}: ${detail}`);
  });

  it('a template whose output shows nothing (a zero-width space) → TemplateError naming it', async () => {
    const t = templatesWith({ 'title.hbs': '\u200B' });
    expect((await templateErrorOf(base(), t.dir)).message).toBe(`${t.file('title.hbs')}: line 1 of its output has no visible character (only invisible characters, combining marks or emphasis markers around nothing)`);
  });

  it('a template whose marks and a value together make a run of over 30 → TemplateError naming it', async () => {
    const t = templatesWith({ 'place-date.hbs': `{{place}}${stacked('', 20)}, {{date.inWords}}` });
    const input = base();
    input.place = stacked('Phú Đình', 20);
    expect((await templateErrorOf(input, t.dir)).message).toMatch(new RegExp(`^${t.file('place-date.hbs').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: its output has more than 30 combining marks in a row`));
  });

  it('a template saved with a byte-order mark renders without it', async () => {
    const t = templatesWith({ 'title.hbs': '\uFEFFKẾT LUẬN CHỈ ĐẠO' });
    const paragraphs = await docxBodyParagraphs(await renderConclusion(base(), { format: 'docx', templates: t.dir }));
    expect(paragraphs).toContain('KẾT LUẬN CHỈ ĐẠO');
  });
});

describe('profile values in range that ruin the page', () => {
  it.each<[string, string, object, string]>([
    [
      'a page number 500 mm down',
      'pageNumbers.fromTopMm',
      { pageNumbers: { fromTopMm: 500 } },
      'a 14 pt page number placed 500 mm from the top reaches 505.7 mm down, below the 20 mm top margin (page.margin.topMm) it must stand in',
    ],
    [
      'a 500 mm first-line indent',
      'body.paragraph.firstLineIndentMm',
      { body: { paragraph: { firstLineIndentMm: 500 } } },
      'the first-line indent of body.paragraph (500 mm) must be at most half the width of the text (165 mm), so that its first line keeps room for words',
    ],
    [
      'a base indent too wide for the header columns',
      'text.firstLineIndentMm',
      { text: { firstLineIndentMm: 60 } },
      "the first-line indent of header.superior (60 mm) must be at most half the width of the header's left column (80 mm), so that its first line keeps room for words",
    ],
    ['a 5 mm header column', 'header.leftColumnMm', { header: { leftColumnMm: 5 } }, 'the column is 5 mm wide on a 165 mm wide text; it must be at least 20 mm'],
    [
      'margins that squeeze the footer columns under 20 mm',
      'footer.recipientsColumnMm',
      { page: { margin: { leftMm: 85, rightMm: 85 } }, header: { leftColumnMm: 20, rightColumnMm: 20 }, text: { firstLineIndentMm: 0 }, body: { paragraph: { firstLineIndentMm: 0 }, sectionHeading: { firstLineIndentMm: 0 }, point: { firstLineIndentMm: 0 }, subpoint: { firstLineIndentMm: 0 }, bullet: { firstLineIndentMm: 0 }, closing: { firstLineIndentMm: 0 } } },
      'the column is 19.4 mm wide on a 40 mm wide text; it must be at least 20 mm',
    ],
    [
      'a signature block taller than half the page',
      'footer.signSpaceMm',
      { page: { heightMm: 200 }, footer: { signSpaceMm: 100 } },
      "the signature block (the space above it, one line each of authority, position and signer, and 100 mm to sign in) is 122.2 mm tall, more than half the page's text area (160 mm)",
    ],
    ['a line height below the size', 'text.lineHeightPt', { text: { lineHeightPt: 10 } }, 'the line height of text (10 pt) is less than its size (14 pt): its lines would overprint each other'],
    [
      'a line taller than the page',
      'header.party.lineHeightPt',
      { page: { heightMm: 100, margin: { topMm: 10, bottomMm: 10 } }, pageNumbers: { enabled: false }, footer: { signSpaceMm: 10 }, header: { party: { lineHeightPt: 200, spaceBeforePt: 100 } } },
      "a line of header.party with its space above and below (300 pt, 105.8 mm) is taller than the page's text area (80 mm)",
    ],
  ])('%s → TemplateError naming the file and %s', async (_, key, profile, message) => {
    const t = templatesWith({ 'profile.json': JSON.stringify(profile) });
    expect((await templateErrorOf(base(), t.dir)).message).toMatch(new RegExp(`^${(t.file('profile.json') + ': ' + key + ': ' + message).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });
});

describe('numbering past what Roman numerals can count', () => {
  it('4,000 sections with the default profile (Roman section numbers) → error on sections naming the count and the profile key', async () => {
    const input = base();
    input.sections = Array.from({ length: 4000 }, (_, i) => ({ heading: `Mục ${i}`, content: ['Nội dung.'] }));
    const problem = await problemOn(input, 'sections');
    expect(problem.message).toBe('has 4000 sections, but the profile "ket-luan-hd36" numbers sections in Roman numerals (body.sectionNumbering.style: "roman"), which stop at 3999');
    expect(problem.messageVi).toBe('có 4000 mục, nhưng mẫu trình bày "ket-luan-hd36" đánh số mục bằng chữ số La Mã (body.sectionNumbering.style: "roman"), chỉ đến 3999');
  });

  it('4,000 tasks under a profile that numbers points in Roman numerals → error on tasks; 3,999 render, the last "MMMCMXCIX."', async () => {
    const t = templatesWith({ 'profile.json': JSON.stringify({ body: { pointNumbering: { style: 'roman', suffix: '. ', boldNumber: true } } }) });
    const monthly = (count: number): Json => {
      const input = base();
      delete input.sections;
      input.meeting = { month: 10, year: 2024 };
      input.tasks = Array.from({ length: count }, (_, i) => `Nhiệm vụ ${i + 1}.`);
      return input;
    };
    const error = await renderConclusion(monthly(4000), { format: 'docx', templates: t.dir }).then(
      () => null,
      (e: Error) => e,
    );
    expect(error).toBeInstanceOf(ConclusionValidationError);
    expect((error as ConclusionValidationError).problems.map((p) => [p.field, p.message])).toEqual([
      ['tasks', 'has 4000 points, but the profile "ket-luan-hd36" numbers points in Roman numerals (body.pointNumbering.style: "roman"), which stop at 3999'],
    ]);
    const paragraphs = await docxBodyParagraphs(await renderConclusion(monthly(3999), { format: 'docx', templates: t.dir }));
    expect(paragraphs).toContain('MMMCMXCIX. Nhiệm vụ 3999.');
  }, 120_000);

  it('4,000 points in a section with the default (Arabic) point numbers render', async () => {
    const input = base();
    input.sections[0].content = Array.from({ length: 4000 }, (_, i) => ({ text: `Điểm ${i + 1}.` }));
    expect(await docxParagraphsOf(input)).toContain('4000. Điểm 4000.');
  }, 120_000);
});

describe('keys that do not read as a name', () => {
  it('an empty key at the top level → a problem on [""], not on a blank field name', async () => {
    const input = base();
    input[''] = 0;
    const problems = await problemsOf(input);
    expect(problems.map((p) => p.field)).toContain('[""]');
    expect(problems.every((p) => p.field.length > 0)).toBe(true);
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

describe('templates that reach for prototypes', () => {
  it.each([
    ['{{issuer.constructor.constructor}}', 'constructor'],
    ['{{issuer.__proto__}}', '__proto__'],
    ['{{constructor}}', 'constructor'],
    ['{{#with issuer}}{{toString}}{{/with}}', 'toString'],
  ])('%s → TemplateError naming title.hbs and %s, in both formats', async (text, name) => {
    const input = base();
    delete input.title;
    const { dir } = templatesWith({ 'title.hbs': text });
    const error = await templateErrorOf(input, dir);
    expect(error.message).toMatch(new RegExp(`title\\.hbs: line 1, column \\d+: "${name}" is not defined`));
    expect(Object.prototype).not.toHaveProperty('polluted');
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

describe('the font cache and the template set keep no stale or shared state', () => {
  const fontsDir = join(import.meta.dirname, '..', 'fonts', 'liberation-serif');
  const face = (file: string) => readFileSync(join(fontsDir, file));

  it('a relative font path read after process.chdir is the new folder\'s file, not the first one read', () => {
    const regular = mkdtempSync(join(tmpdir(), 'ket-luan-font-a-'));
    const bold = mkdtempSync(join(tmpdir(), 'ket-luan-font-b-'));
    writeFileSync(join(regular, 'face.ttf'), face('LiberationSerif-Regular.ttf'));
    writeFileSync(join(bold, 'face.ttf'), face('LiberationSerif-Bold.ttf'));
    const before = process.cwd();
    try {
      process.chdir(regular);
      expect(readFontFile('face.ttf').font.postscriptName).toBe('LiberationSerif');
      process.chdir(bold);
      expect(readFontFile('face.ttf').font.postscriptName).toBe('LiberationSerif-Bold');
    } finally {
      process.chdir(before);
    }
  });

  it('a font file replaced on disk is read again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ket-luan-font-replaced-'));
    const path = join(dir, 'face.ttf');
    writeFileSync(path, face('LiberationSerif-Regular.ttf'));
    expect(readFontFile(path).font.postscriptName).toBe('LiberationSerif');
    writeFileSync(path, face('LiberationSerif-Italic.ttf'));
    expect(readFontFile(path).font.postscriptName).toBe('LiberationSerif-Italic');
  });

  it('a caller cannot change the loaded template set, so later renders are untouched', async () => {
    const set = loadTemplates();
    expect(() => {
      (set.profile as { page: { widthMm: number } }).page.widthMm = 1;
    }).toThrow(TypeError);
    expect(() => {
      (set.templates as Record<string, unknown>).title = () => 'X';
    }).toThrow(TypeError);
    expect(loadTemplates().profile.page.widthMm).toBe(210);
  });
});

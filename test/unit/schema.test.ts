/**
 * Unit tests of src/schema/: parseConclusion and ConclusionValidationError.
 * Each case starts from a valid input (the shipped example when present) and breaks one thing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConclusionValidationError, nearestKey, type ValidationProblem } from '../../src/schema/errors.js';
import { parseConclusion } from '../../src/schema/parse.js';

const EXAMPLE_PATH = fileURLToPath(new URL('../../examples/cho-chu-2024-11.json', import.meta.url));

/** A small valid conclusion written by hand, used if the example is not there. */
const MINIMAL = {
  issuer: { superior: 'ĐẢNG BỘ HUYỆN ĐỊNH HÓA', name: 'ĐẢNG ỦY THỊ TRẤN CHỢ CHU', unit: 'thị trấn Chợ Chu' },
  number: { issuerCode: 'ĐU', typeCode: 'KL' },
  place: 'Chợ Chu',
  date: '2024-10-29',
  meeting: { month: 11, year: 2024 },
  sections: [
    { heading: 'Kết quả thực hiện nhiệm vụ tháng 10/2024', content: [{ text: 'Tiếp tục chỉ đạo các chi bộ.' }] },
    { heading: 'Nhiệm vụ lãnh đạo, chỉ đạo trọng tâm tháng 11/2024', content: [{ text: 'Giao Thường trực Đảng ủy.' }] },
  ],
  signature: { authority: 'T/M', collective: 'BAN THƯỜNG VỤ', position: 'BÍ THƯ', name: 'Ma Đình Dũng' },
};

const baseText = existsSync(EXAMPLE_PATH) ? readFileSync(EXAMPLE_PATH, 'utf8') : JSON.stringify(MINIMAL);

// Inputs are JSON as a user would write it, broken on purpose: typed loosely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const base = (): Json => JSON.parse(baseText);

/** The problems of an input that must be rejected. */
function problemsOf(input: unknown): ValidationProblem[] {
  try {
    parseConclusion(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ConclusionValidationError);
    return (error as ConclusionValidationError).problems;
  }
  throw new Error('expected the input to be rejected, but it was accepted');
}

function problemAt(input: unknown, field: string): ValidationProblem {
  const problems = problemsOf(input);
  const found = problems.find((p) => p.field === field);
  if (!found) throw new Error(`no problem on ${field}; got: ${problems.map((p) => `${p.field}: ${p.message}`).join(' | ')}`);
  return found;
}

const VIETNAMESE_LETTER = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;

describe('parseConclusion: valid input', () => {
  it('accepts the valid base input', () => {
    const c = parseConclusion(base());
    expect(c.signature.name).toBe(base().signature.name);
    expect(c.issuer.name).toBe(base().issuer.name);
  });

  it('accepts the hand-written minimal input too', () => {
    expect(parseConclusion(structuredClone(MINIMAL)).place).toBe('Chợ Chu');
  });

  it('accepts tab and newline in paragraphs, and keeps them', () => {
    const input = base();
    input.opening = ['Cột 1\tCột 2\nDòng hai'];
    input.sections[0].content[0] = { text: 'a\tb\nc', bullets: ['x\ny'] };
    const c = parseConclusion(input);
    expect(c.opening).toEqual(['Cột 1\tCột 2\nDòng hai']);
    expect(c.sections?.[0]?.content[0]).toEqual({ text: 'a\tb\nc', bullets: ['x\ny'] });
  });

  it('folds CRLF in paragraphs into newlines', () => {
    const input = base();
    input.opening = ['a\r\nb\rc'];
    expect(parseConclusion(input).opening).toEqual(['a\nb\nc']);
  });

  it('keeps {{x}} text literally', () => {
    const input = base();
    input.issuer.name = '{{x}}';
    input.opening = ['{{issuer.name}} và {{#each a}}{{/each}}'];
    const c = parseConclusion(input);
    expect(c.issuer.name).toBe('{{x}}');
    expect(c.opening).toEqual(['{{issuer.name}} và {{#each a}}{{/each}}']);
  });

  it('accepts a 1 MB string in a paragraph', () => {
    const input = base();
    const big = 'Nghị quyết '.repeat(100_000); // 1 100 000 characters
    expect(big.length).toBeGreaterThanOrEqual(1_000_000);
    input.opening = [big];
    expect(parseConclusion(input).opening?.[0]).toBe(big);
  });

  it('accepts the monthly content with a meeting', () => {
    const input = base();
    delete input.sections;
    input.meeting = { month: 1, year: 2025 };
    input.results = 'Kết quả.';
    input.shortcomings = { text: 'Hạn chế.', bullets: ['Chậm.'] };
    input.tasks = ['Việc một.', { text: 'Việc hai.' }];
    const c = parseConclusion(input);
    expect(c.tasks).toHaveLength(2);
    expect(c.sections).toBeUndefined();
  });
});

describe('parseConclusion: NFC', () => {
  it('normalises NFD text to NFC in every kind of field', () => {
    const input = base();
    const name = 'Đảng ủy thị trấn Chợ Chu';
    const para = 'Tiếp tục chỉ đạo các chi bộ tổ chức quán triệt';
    input.issuer.name = name.normalize('NFD');
    input.place = 'Chợ Chu'.normalize('NFD');
    input.opening = [para.normalize('NFD')];
    input.sections[0].heading = 'Kết quả thực hiện'.normalize('NFD');
    input.signature.name = 'Ma Đình Dũng'.normalize('NFD');
    expect(input.issuer.name).not.toBe(name.normalize('NFC'));

    const c = parseConclusion(input);
    expect(c.issuer.name).toBe(name.normalize('NFC'));
    expect(c.place).toBe('Chợ Chu'.normalize('NFC'));
    expect(c.opening?.[0]).toBe(para.normalize('NFC'));
    expect(c.sections?.[0]?.heading).toBe('Kết quả thực hiện'.normalize('NFC'));
    expect(c.signature.name).toBe('Ma Đình Dũng'.normalize('NFC'));
  });
});

describe('parseConclusion: problems', () => {
  it('a missing signature.name is a problem on "signature.name"', () => {
    const input = base();
    delete input.signature.name;
    const problems = problemsOf(input);
    expect(problems.map((p) => p.field)).toEqual(['signature.name']);
    expect(problems[0]?.path).toEqual(['signature', 'name']);
  });

  it('the error message names the field', () => {
    const input = base();
    delete input.signature.name;
    expect(() => parseConclusion(input)).toThrow(/signature\.name/);
  });

  it('lists several field problems at once, all of them', () => {
    const input = base();
    delete input.signature.name;
    input.issuer.name = '';
    input.place = 'a\u0001';
    input.date = '2024-02-31';
    input.number.issuerCode = 42;
    input.extra = true;
    const fields = problemsOf(input).map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['signature.name', 'issuer.name', 'place', 'date', 'number.issuerCode', 'extra']));
    expect(fields.length).toBeGreaterThanOrEqual(6);
  });

  it('has a Vietnamese message for every problem, different from the English one', () => {
    const input = base();
    delete input.signature.name; // a zod built-in issue
    input.issuer.name = '   '; // the library's own check
    input.date = '2024-02-31';
    input.foo = 1; // unknown key
    let error: ConclusionValidationError | undefined;
    try {
      parseConclusion(input);
    } catch (e) {
      error = e as ConclusionValidationError;
    }
    expect(error).toBeInstanceOf(ConclusionValidationError);
    expect(error!.problems.length).toBeGreaterThanOrEqual(4);
    for (const p of error!.problems) {
      expect(p.messageVi, p.field).not.toBe('');
      expect(p.messageVi, p.field).not.toBe(p.message);
      expect(p.messageVi, p.field).toMatch(VIETNAMESE_LETTER);
    }
    const lines = error!.messageVi.split('\n');
    expect(lines).toHaveLength(error!.problems.length);
    expect(error!.messageVi).toContain('signature.name: ');
  });

  it.each([
    ['\u0001', 'U+0001'],
    ['\u001F', 'U+001F'],
    ['\u000B', 'U+000B'],
    ['\uFFFE', 'U+FFFE'],
    ['\uFFFF', 'U+FFFF'],
    ['\uD800', 'U+D800'],
    ['\uDC00', 'U+DC00'],
  ])('rejects control/non-character %j, naming the field and %s', (ch, codePoint) => {
    const input = base();
    input.issuer.name = `ĐẢNG ỦY ${ch}X`;
    const p = problemAt(input, 'issuer.name');
    expect(p.message).toContain(codePoint);
    expect(p.messageVi).toContain(codePoint);
  });

  it('names the code point in fields deeper in the tree', () => {
    const input = base();
    input.sections[1].heading = 'Nhiệm vụ\u0001';
    input.recipients = ['TT Đảng ủy', 'Các chi bộ\uFFFF'];
    input.opening = ['ok', 'bad\u0008'];
    expect(problemAt(input, 'sections[1].heading').message).toContain('U+0001');
    expect(problemAt(input, 'recipients[1]').message).toContain('U+FFFF');
    expect(problemAt(input, 'opening[1]').message).toContain('U+0008');
  });

  it('accepts a valid surrogate pair (an emoji or a rare CJK letter)', () => {
    const input = base();
    input.opening = ['Cờ 🇻🇳 và 𠀀'];
    expect(parseConclusion(input).opening).toEqual(['Cờ 🇻🇳 và 𠀀']);
  });

  it('rejects a newline in a single-line field (issuer.name)', () => {
    const input = base();
    input.issuer.name = 'ĐẢNG ỦY\nTHỊ TRẤN';
    expect(problemAt(input, 'issuer.name').message).not.toBe('');
    const cr = base();
    cr.place = 'Chợ\rChu';
    problemAt(cr, 'place');
  });

  it('rejects an unknown field on the field itself, naming the one it most likely means', () => {
    const input = base();
    input.signatur = { name: 'x' };
    const p = problemAt(input, 'signatur');
    expect(p.message).toBe('unknown field; did you mean signature?');
    expect(p.messageVi).toBe('trường không xác định; có phải là signature?');

    const nested = base();
    nested.signature.title = 'Đồng chí';
    expect(problemAt(nested, 'signature.title').message).toBe('unknown field (known fields here: authority, collective, position, name)');
  });

  it.each<[string, string[], string | undefined]>([
    ['palce', ['place', 'date'], 'place'],
    ['sumary', ['summary', 'sections'], 'summary'],
    ['txet', ['text', 'bullets'], 'text'],
    ['PLACE', ['place'], 'place'],
    ['seq', ['sequence', 'typeCode'], 'sequence'],
    ['s', ['sections', 'summary'], undefined],
    ['note', ['text', 'subpoints', 'bullets'], undefined],
    ['day', ['month', 'year'], undefined],
    ['titel', ['title', 'tasks'], 'title'],
  ])('nearestKey(%j) → %j', (key, known, expected) => {
    expect(nearestKey(key, known)).toBe(expected);
  });

  it('rejects a __proto__ key from JSON.parse and does not pollute Object.prototype', () => {
    const text = baseText.replace(/^\s*\{/, '{"__proto__": {"polluted": "yes"}, ');
    const input = JSON.parse(text);
    expect(Object.prototype.hasOwnProperty.call(input, '__proto__')).toBe(true);
    const p = problemAt(input, '__proto__');
    expect(p.message).toMatch(/^unknown field/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);

    const nested = base();
    nested.signature = JSON.parse('{"__proto__": {"polluted": "yes"}, "name": "Ma Đình Dũng"}');
    expect(problemAt(nested, 'signature.__proto__').message).toMatch(/^unknown field/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(['2024-02-31', '2023-02-29', '2024-2-3', '29/10/2024', '2024-10-29T00:00:00Z', ''])('rejects the date %j', (date) => {
    const input = base();
    input.date = date;
    const p = problemAt(input, 'date');
    expect(p.messageVi).toMatch(VIETNAMESE_LETTER);
  });

  it('accepts 29 February of a leap year', () => {
    const input = base();
    input.date = '2024-02-29';
    expect(parseConclusion(input).date).toBe('2024-02-29');
  });

  it.each([
    ['empty', ''],
    ['spaces', '   '],
    ['tab', '\t'],
  ])('rejects an %s string in a single-line field', (_what, value) => {
    const input = base();
    input.issuer.name = value;
    problemAt(input, 'issuer.name');
  });

  it('rejects empty and whitespace-only strings in paragraphs and list items', () => {
    const input = base();
    input.opening = [' \n '];
    input.sections[0].heading = '';
    input.recipients = ['TT Đảng ủy', '  '];
    const fields = problemsOf(input).map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['opening[0]', 'sections[0].heading', 'recipients[1]']));
  });

  it('monthly content without a meeting is a problem on "meeting"', () => {
    const input = base();
    delete input.sections;
    delete input.meeting;
    input.results = 'Kết quả.';
    input.tasks = ['Việc.'];
    expect(problemsOf(input).map((p) => p.field)).toEqual(['meeting']);
  });

  it('neither sections nor monthly content is a problem on "sections"', () => {
    const input = base();
    delete input.sections;
    expect(problemsOf(input).map((p) => p.field)).toEqual(['sections']);
  });

  it('sections together with monthly content is a problem', () => {
    const input = base();
    input.meeting = { month: 11, year: 2024 };
    input.tasks = ['Việc.'];
    const problems = problemsOf(input);
    expect(problems.map((p) => p.field)).toEqual(['sections']);
    expect(problems[0]?.message).toMatch(/not both/);
  });

  it('rejects a section with no items and an empty sections list', () => {
    const input = base();
    input.sections[0].content = [];
    problemAt(input, 'sections[0].content');
    const none = base();
    none.sections = [];
    problemAt(none, 'sections');
  });

  it('rejects a bad type code and a bad meeting month', () => {
    const input = base();
    input.number.typeCode = 'kl';
    input.meeting = { month: 13, year: 2024 };
    const fields = problemsOf(input).map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['number.typeCode', 'meeting.month']));
  });
});

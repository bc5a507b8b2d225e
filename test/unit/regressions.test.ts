import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeDocument } from '../../src/compose/compose.js';
import { recipientLines } from '../../src/compose/footer.js';
import { ConclusionValidationError } from '../../src/schema/errors.js';
import { parseConclusion } from '../../src/schema/parse.js';
import { formatDateInWords } from '../../src/text/date-line.js';
import { parseInline, plainText } from '../../src/text/inline.js';
import { unitFromCommitteeName } from '../../src/text/unit-name.js';
import { TemplateError } from '../../src/templates/errors.js';
import { loadTemplates } from '../../src/node/template-folders.js';

const base = () => JSON.parse(readFileSync(new URL('../../examples/cho-chu-2024-11.json', import.meta.url), 'utf8'));

function problems(input: unknown) {
  try {
    parseConclusion(input);
  } catch (error) {
    if (error instanceof ConclusionValidationError) return error.problems;
    throw error;
  }
  throw new Error('expected a validation error');
}

describe('validation inside section items', () => {
  it('names the exact field and code point of a control character in a bullet', () => {
    const input = base();
    input.sections[1].content[0] = { text: 'ok', bullets: ['fine', 'bad\u0001'] };
    const problem = problems(input).find((p) => p.field === 'sections[1].content[0].bullets[1]');
    expect(problem?.message).toContain('U+0001');
  });

  it('names a plain-string item with a lone surrogate', () => {
    const input = base();
    input.sections[0].content[1] = 'x\uD800y';
    expect(problems(input).map((p) => p.field)).toContain('sections[0].content[1]');
  });

  it('lists field problems and problems between fields together', () => {
    const input = base();
    delete input.signature.name;
    delete input.sections;
    expect(problems(input).map((p) => p.field).sort()).toEqual(['sections', 'signature.name']);
  });

  it('says a missing field is required, in both languages', () => {
    const input = base();
    delete input.place;
    const problem = problems(input).find((p) => p.field === 'place');
    expect(problem?.message).toBe('is required');
    expect(problem?.messageVi).toBe('là bắt buộc');
  });

  it('rejects years before the Party existed, which Date would read as 19xx', () => {
    const input = base();
    input.date = '0099-02-05';
    expect(problems(input).map((p) => p.field)).toEqual(['date']);
  });
});

describe('inline emphasis', () => {
  it('keeps an unmatched ** literal when the only later ** is escaped', () => {
    const runs = parseInline('**a \\**');
    expect(plainText(runs)).toBe('**a **');
    expect(runs.every((r) => r.kind !== 'text' || !r.bold)).toBe(true);
  });
});

describe('dates', () => {
  it('writes the year as given whatever the time zone', () => {
    const saved = process.env.TZ;
    process.env.TZ = 'Pacific/Kiritimati';
    try {
      expect(formatDateInWords({ year: 2024, month: 12, day: 31 })).toBe('ngày 31 tháng 12 năm 2024');
    } finally {
      process.env.TZ = saved;
    }
  });
});

describe('recipients', () => {
  it('keeps punctuation the user already wrote instead of doubling it', () => {
    expect(recipientLines(['A,', 'B'], 'Lưu VPĐU.', '- ', ';', '.')).toEqual(['- A,', '- B;', '- Lưu VPĐU.']);
  });
});

describe('the unit named in running text', () => {
  it.each([
    ['ĐẢNG ỦY THỊ TRẤN CHỢ CHU', 'thị trấn Chợ Chu'],
    ['ĐẢNG UỶ XÃ ĐỊNH HÓA', 'xã Định Hóa'],
    ['ĐẢNG ỦY THỊ XÃ PHỔ YÊN', 'thị xã Phổ Yên'],
    ['ĐẢNG ỦY CƠ QUAN TỈNH', undefined],
  ])('%s → %s', (name, unit) => {
    expect(unitFromCommitteeName(name)).toBe(unit);
  });

  it('is read off the committee name when the input leaves it out', () => {
    const input = base();
    delete input.issuer.unit;
    delete input.closing;
    const model = composeDocument(parseConclusion(input), loadTemplates(), () => 70);
    const closing = model.blocks.find((b) => b.kind === 'paragraph' && b.role === 'closing');
    expect(closing?.kind === 'paragraph' && plainText(closing.runs)).toContain('Đảng bộ thị trấn Chợ Chu');
  });
});

describe('limits that would otherwise crash', () => {
  it('refuses more sections than Roman numerals can number, naming the field (when composing: the profile chooses the numerals)', () => {
    const input = base();
    input.sections = Array.from({ length: 4000 }, () => ({ heading: 'Mục', content: ['Nội dung.'] }));
    const conclusion = parseConclusion(input);
    let error: unknown;
    try {
      composeDocument(conclusion, loadTemplates(), () => 70);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConclusionValidationError);
    expect((error as ConclusionValidationError).problems.map((p) => p.field)).toEqual(['sections']);
  });
});

describe('template folders that cannot be used', () => {
  const override = (files: Record<string, string | null>) => {
    const dir = mkdtempSync(join(tmpdir(), 'ket-luan-bad-templates-'));
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(join(dir, 'ket-luan-hd36', name, '..'), { recursive: true });
      if (content === null) mkdirSync(join(dir, 'ket-luan-hd36', name));
      else writeFileSync(join(dir, 'ket-luan-hd36', name), content);
    }
    return dir;
  };

  it('names a template that is a folder, not a file', () => {
    const dir = override({ 'closing.hbs': null });
    expect(() => loadTemplates({ templates: dir })).toThrow(TemplateError);
    expect(() => loadTemplates({ templates: dir })).toThrow(/closing\.hbs: cannot be read/);
  });

  it('names margins that leave no room for text', () => {
    const dir = override({ 'profile.json': JSON.stringify({ page: { margin: { leftMm: 120, rightMm: 100 } } }) });
    expect(() => loadTemplates({ templates: dir })).toThrow(/profile\.json: page\.margin: left and right margins leave no room/);
  });

  it('narrows header columns wider than the text in proportion, so a margin can be widened alone', () => {
    const dir = override({ 'profile.json': JSON.stringify({ page: { margin: { leftMm: 45 } } }) });
    const model = composeDocument(parseConclusion(base()), loadTemplates({ templates: dir }), () => 70);
    const header = model.blocks[0];
    // The text is 210 − 45 − 15 = 150 mm wide; 80 + 85 = 165 mm of columns become 150 × 80/165 and 150 × 85/165.
    expect(header?.kind === 'columns' && header.columns.map((c) => c.widthMm)).toEqual([(150 * 80) / 165, (150 * 85) / 165]);
  });
});

describe('the document language', () => {
  it('comes from the profile, not from code', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ket-luan-language-'));
    mkdirSync(join(dir, 'ket-luan-hd36'));
    writeFileSync(join(dir, 'ket-luan-hd36', 'profile.json'), JSON.stringify({ language: 'vi' }));
    const model = composeDocument(parseConclusion(base()), loadTemplates({ templates: dir }), () => 70);
    expect(model.metadata.language).toBe('vi');
  });
});

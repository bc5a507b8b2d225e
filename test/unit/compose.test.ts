/**
 * Unit tests of src/compose/: from a validated conclusion and a template set to the document model.
 * A stub measures text, so the tests need no font files.
 */
import { ConclusionValidationError } from '../../src/schema/errors.js';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { composeDocument, type MeasureTextMm } from '../../src/compose/compose.js';
import type { Block, ColumnsBlock, DocumentModel, ParagraphBlock, TextRun } from '../../src/model/document.js';
import { stringFields } from '../../src/schema/fields.js';
import { parseConclusion } from '../../src/schema/parse.js';
import { toUpperVi } from '../../src/text/case.js';
import { parseInline, plainText } from '../../src/text/inline.js';
import { loadTemplates } from '../../src/node/template-folders.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** 1 mm per character at 14 pt: enough for the rule under the Party name. */
const measure: MeasureTextMm = (text, sizePt) => (text.length * sizePt) / 14;

const EXAMPLE_PATH = fileURLToPath(new URL('../../examples/cho-chu-2024-11.json', import.meta.url));

/** A conclusion with explicit sections, written by hand. */
const SECTIONS: Json = {
  issuer: { superior: 'Đảng bộ huyện Định Hóa', name: 'Đảng ủy thị trấn Chợ Chu', unit: 'thị trấn Chợ Chu' },
  number: { issuerCode: 'ĐU' },
  place: 'Chợ Chu',
  date: '2024-10-29',
  meeting: { month: 11, year: 2024 },
  sections: [
    {
      heading: 'Kết quả thực hiện nhiệm vụ tháng 10/2024',
      content: [
        { text: 'Điểm một của mục một.' },
        'Một đoạn không đánh số.',
        {
          text: 'Điểm hai của mục một.',
          subpoints: [{ text: 'Ý a.', bullets: ['Gạch dưới ý a.'] }, { text: 'Ý b.' }],
          bullets: ['Gạch của điểm hai.'],
        },
      ],
    },
    {
      heading: 'Nhiệm vụ lãnh đạo, chỉ đạo trọng tâm tháng 11/2024',
      content: [
        { text: 'Giao các chi bộ kiểm điểm (**xong trước ngày 15/11/2024**); tiếp tục thực hiện.' },
        { text: 'Điểm hai của mục hai.' },
      ],
    },
  ],
  closing: ['Đoạn kết thứ nhất.', 'Trên đây là Kết luận của Ban Thường vụ Đảng ủy./.'],
  recipients: ['TT Đảng ủy, HĐND, UBND', 'Các chi bộ trực thuộc;'],
  filing: 'Lưu VPĐU',
  signature: { name: 'Ma Đình Dũng' },
};

/** A conclusion with the monthly content, built into sections by the templates. */
const MONTHLY: Json = {
  issuer: { name: 'Đảng ủy thị trấn Chợ Chu', unit: 'thị trấn Chợ Chu' },
  number: { issuerCode: 'ĐU', sequence: 5 },
  place: 'Chợ Chu',
  date: '2025-01-03',
  meeting: { month: 1, year: 2025 },
  results: 'Kết quả **tốt** trong tháng.',
  shortcomings: 'Việc cải tạo mương còn chậm.',
  tasks: ['Việc thứ nhất.', { text: 'Việc thứ hai.', bullets: ['Chi tiết.'] }],
  signature: { name: 'Ma Đình Dũng' },
};

function compose(input: Json, profile?: string): DocumentModel {
  return composeDocument(parseConclusion(structuredClone(input)), loadTemplates(profile ? { profile } : {}), measure);
}

/** Every paragraph of the model in order, those inside columns included. */
function allParagraphs(blocks: readonly Block[]): ParagraphBlock[] {
  return blocks.flatMap((b): ParagraphBlock[] => {
    if (b.kind === 'paragraph') return [b];
    if (b.kind === 'columns') return b.columns.flatMap((c) => allParagraphs(c.blocks));
    return [];
  });
}

const textOf = (p: ParagraphBlock) => plainText(p.runs);
const byRole = (model: DocumentModel, role: string) => allParagraphs(model.blocks).filter((p) => p.role === role);
const textsOf = (model: DocumentModel, role: string) => byRole(model, role).map(textOf);
function oneOf(model: DocumentModel, role: string): ParagraphBlock {
  const found = byRole(model, role);
  expect(found, role).toHaveLength(1);
  return found[0]!;
}
const textRuns = (p: ParagraphBlock) => p.runs.filter((r): r is TextRun => r.kind === 'text');
function columns(model: DocumentModel, role: string): ColumnsBlock {
  const found = model.blocks.filter((b): b is ColumnsBlock => b.kind === 'columns' && b.role === role);
  expect(found, role).toHaveLength(1);
  return found[0]!;
}

describe('body numbering', () => {
  const model = compose(SECTIONS);

  it('numbers sections I., II. automatically, in bold', () => {
    const headings = byRole(model, 'section-heading');
    expect(headings.map(textOf)).toEqual([
      'I. Kết quả thực hiện nhiệm vụ tháng 10/2024',
      'II. Nhiệm vụ lãnh đạo, chỉ đạo trọng tâm tháng 11/2024',
    ]);
    for (const h of headings) expect(textRuns(h).every((r) => r.bold)).toBe(true);
  });

  it('numbers points 1., 2. and restarts in every section; plain strings are not numbered', () => {
    expect(textsOf(model, 'point')).toEqual([
      '1. Điểm một của mục một.',
      '2. Điểm hai của mục một.',
      '1. Giao các chi bộ kiểm điểm (xong trước ngày 15/11/2024); tiếp tục thực hiện.',
      '2. Điểm hai của mục hai.',
    ]);
    expect(textsOf(model, 'paragraph')).toEqual(['Một đoạn không đánh số.']);
  });

  it('writes the point number in bold, the point text not', () => {
    const first = byRole(model, 'point')[1]!;
    const [label, ...rest] = textRuns(first);
    expect(label).toMatchObject({ text: '2. ', bold: true });
    expect(rest.every((r) => !r.bold)).toBe(true);
  });

  it('letters subpoints a), b)', () => {
    expect(textsOf(model, 'subpoint')).toEqual(['a) Ý a.', 'b) Ý b.']);
  });

  it('starts bullets with "- ", after their subpoint or point', () => {
    expect(textsOf(model, 'bullet')).toEqual(['- Gạch dưới ý a.', '- Gạch của điểm hai.']);
    const order = allParagraphs(model.blocks)
      .filter((p) => ['point', 'subpoint', 'bullet'].includes(p.role))
      .slice(1, 6)
      .map(textOf);
    expect(order).toEqual(['2. Điểm hai của mục một.', 'a) Ý a.', '- Gạch dưới ý a.', 'b) Ý b.', '- Gạch của điểm hai.']);
  });

  it('keeps inline bold as a bold run', () => {
    const point = byRole(model, 'point')[2]!;
    const bold = textRuns(point).filter((r) => r.bold && r.text !== '1. ');
    expect(bold.map((r) => r.text)).toEqual(['xong trước ngày 15/11/2024']);
    expect(textRuns(point).find((r) => r.text.includes('tiếp tục'))?.bold).toBe(false);
  });

  it('keeps a section heading with the paragraph after it', () => {
    for (const h of byRole(model, 'section-heading')) expect(h.style.keepWithNext).toBe(true);
  });
});

describe('monthly content', () => {
  const model = compose(MONTHLY);

  it('builds the section headings from the meeting month, across the year end', () => {
    expect(textsOf(model, 'section-heading')).toEqual([
      'I. Kết quả thực hiện nhiệm vụ tháng 12/2024',
      'II. Nhiệm vụ lãnh đạo, chỉ đạo trọng tâm tháng 01/2025',
    ]);
  });

  it('writes the summary line of the meeting', () => {
    expect(textsOf(model, 'summary')).toContain('tại Hội nghị thường kỳ tháng 01/2025');
  });

  it('makes results point 1 and shortcomings point 2 with the lead phrase, tasks the points of section II', () => {
    expect(textsOf(model, 'point')).toEqual([
      '1. Kết quả tốt trong tháng.',
      '2. Tuy nhiên vẫn còn có những hạn chế đó là: Việc cải tạo mương còn chậm.',
      '1. Việc thứ nhất.',
      '2. Việc thứ hai.',
    ]);
    expect(textsOf(model, 'bullet')).toEqual(['- Chi tiết.']);
    const results = byRole(model, 'point')[0]!;
    expect(textRuns(results).find((r) => r.text === 'tốt')?.bold).toBe(true);
  });

  it('writes an opening paragraph naming the meeting and the unit', () => {
    const opening = textsOf(model, 'opening');
    expect(opening).toHaveLength(1);
    expect(opening[0]).toContain('tháng 01/2025');
    expect(opening[0]).toContain('tháng 12/2024');
    expect(opening[0]).toContain('thị trấn Chợ Chu');
    // Running text writes the date with the day padded, and months 1 and 2 padded as the date line writes them.
    expect(opening[0]).toMatch(/^Ngày 03\/01\/2025, /);
  });

  it('a phrase given in the input overrides its template', () => {
    const input = structuredClone(MONTHLY);
    input.title = 'THÔNG BÁO KẾT LUẬN';
    input.summary = ['của Ban Thường vụ Đảng ủy', 'tại Hội nghị mở rộng tháng 1/2025'];
    input.opening = ['Mở đầu riêng.'];
    input.closing = ['Kết thúc riêng./.'];
    input.filing = 'Lưu Văn phòng Đảng ủy';
    const own = compose(input);
    expect(textsOf(own, 'title')).toEqual(['THÔNG BÁO KẾT LUẬN']);
    expect(textsOf(own, 'summary')).toEqual(['của Ban Thường vụ Đảng ủy', 'tại Hội nghị mở rộng tháng 1/2025']);
    expect(textsOf(own, 'opening')).toEqual(['Mở đầu riêng.']);
    expect(textsOf(own, 'closing')).toEqual(['Kết thúc riêng./.']);
    expect(textsOf(own, 'recipient').at(-1)).toBe('- Lưu Văn phòng Đảng ủy.');
  });

  it('without issuer.unit, and a committee name it cannot be read from, is an input error on issuer.unit naming the template', () => {
    const input = structuredClone(MONTHLY);
    delete input.issuer.unit;
    input.issuer.name = 'ĐẢNG ỦY CƠ QUAN TỈNH';
    let error: unknown;
    try {
      compose(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConclusionValidationError);
    const problem = (error as ConclusionValidationError).problems[0];
    expect(problem?.field).toBe('issuer.unit');
    expect(problem?.message).toContain('opening.hbs');
  });

  it('without issuer.unit but with its own opening and closing, composes', () => {
    const input = structuredClone(MONTHLY);
    delete input.issuer.unit;
    input.opening = ['Mở đầu.'];
    input.closing = ['Kết thúc./.'];
    expect(textsOf(compose(input), 'closing')).toEqual(['Kết thúc./.']);
  });

  it('sections without a meeting and without a summary fail naming "summary"', () => {
    const input = structuredClone(SECTIONS);
    delete input.meeting;
    expect(() => compose(input)).toThrow(/summary/);
  });
});

describe('header', () => {
  it('writes the number line with blank room when the sequence is absent', () => {
    const line = textOf(oneOf(compose(SECTIONS), 'number'));
    expect(line).toMatch(/^Số {4,}-KL\/ĐU$/);
    // As the reference README writes a number not yet assigned: "Số", six spaces, "-KL/ĐU".
    expect(line).toBe('Số      -KL/ĐU');
    const nulled = structuredClone(SECTIONS);
    nulled.number.sequence = null;
    expect(textOf(oneOf(compose(nulled), 'number'))).toBe(line);
  });

  it('writes the number with a leading zero below 10: "Số 05-KL/ĐU"', () => {
    expect(textOf(oneOf(compose(MONTHLY), 'number'))).toBe('Số 05-KL/ĐU');
    const input = structuredClone(MONTHLY);
    input.number.sequence = 45;
    expect(textOf(oneOf(compose(input), 'number'))).toBe('Số 45-KL/ĐU');
  });

  it('takes the type code from the input, else from the profile', () => {
    const input = structuredClone(MONTHLY);
    input.number.typeCode = 'TB';
    expect(textOf(oneOf(compose(input), 'number'))).toBe('Số 05-TB/ĐU');
    const tb = compose(MONTHLY, 'thong-bao-hd36');
    expect(textOf(oneOf(tb, 'number'))).toBe('Số 05-TB/ĐU');
    expect(textsOf(tb, 'title')).toEqual(['THÔNG BÁO']);
  });

  it('upper-cases the issuer and the superior; the issuer is bold, the superior not', () => {
    const model = compose(SECTIONS);
    const issuer = oneOf(model, 'issuer');
    expect(textOf(issuer)).toBe('ĐẢNG ỦY THỊ TRẤN CHỢ CHU');
    expect(textRuns(issuer).every((r) => r.bold)).toBe(true);
    const superior = oneOf(model, 'superior');
    expect(textOf(superior)).toBe('ĐẢNG BỘ HUYỆN ĐỊNH HÓA');
    expect(textRuns(superior).every((r) => !r.bold)).toBe(true);
  });

  it('keeps the tone-mark placement when upper-casing ("Uỷ" → "UỶ")', () => {
    const input = structuredClone(SECTIONS);
    input.issuer.name = 'Đảng uỷ xã Định Hoá';
    expect(textOf(oneOf(compose(input), 'issuer'))).toBe('ĐẢNG U\u1EF6 XÃ ĐỊNH HO\u00C1');
  });

  it('has no superior line when there is none', () => {
    expect(byRole(compose(MONTHLY), 'superior')).toHaveLength(0);
  });

  it('writes the star, the Party name with its rule, and the italic place and date', () => {
    const model = compose(SECTIONS);
    const header = columns(model, 'header');
    expect(model.blocks[0]).toBe(header);
    const [left, right] = header.columns;
    expect(left!.blocks.map((b) => b.role)).toEqual(['superior', 'issuer', 'star', 'number']);
    expect(right!.blocks.map((b) => b.role).slice(0, 3)).toEqual(['party', 'party-rule', 'place-date']);
    expect(textOf(oneOf(model, 'star'))).toBe('*');
    const party = oneOf(model, 'party');
    expect(textOf(party)).toBe('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(party.style.sizePt).toBe(15);
    expect(textRuns(party).every((r) => r.bold)).toBe(true);
    const rule = right!.blocks[1]!;
    // 22 characters at 15 pt with the stub measure: 22 × 15 / 14 mm.
    expect(rule).toMatchObject({ kind: 'rule', lengthMm: (22 * 15) / 14 });
    const placeDate = oneOf(model, 'place-date');
    expect(textOf(placeDate)).toBe('Chợ Chu, ngày 29 tháng 10 năm 2024');
    expect(textRuns(placeDate).every((r) => r.italic && !r.bold)).toBe(true);
  });

  it('writes months 1 and 2 of the date with a leading zero', () => {
    expect(textOf(oneOf(compose(MONTHLY), 'place-date'))).toBe('Chợ Chu, ngày 03 tháng 01 năm 2025');
  });

  it('writes marks: secrecy and urgency on the left, circulation and draft on the right', () => {
    const input = structuredClone(SECTIONS);
    input.marks = { secrecy: 'MẬT', urgency: 'HỎA TỐC', circulation: 'Lưu hành nội bộ', draft: true };
    const model = compose(input);
    expect(textsOf(model, 'mark')).toEqual(['MẬT', 'HỎA TỐC']);
    expect(textsOf(model, 'circulation')).toEqual(['LƯU HÀNH NỘI BỘ']);
    expect(textsOf(model, 'draft')).toEqual(['DỰ THẢO']);
  });
});

describe('title', () => {
  it('writes the type name, the summary lines and the dash', () => {
    const model = compose(MONTHLY);
    expect(textsOf(model, 'title')).toEqual(['KẾT LUẬN']);
    expect(textsOf(model, 'summary')).toEqual(['của Ban Thường vụ Đảng ủy', 'tại Hội nghị thường kỳ tháng 01/2025']);
    expect(textsOf(model, 'title-dash')).toEqual(['-----']);
    const title = oneOf(model, 'title');
    expect(textRuns(title).every((r) => r.bold)).toBe(true);
    expect(title.style.align).toBe('center');
    expect(title.style.keepWithNext).toBe(true);
  });
});

describe('footer', () => {
  const model = compose(SECTIONS);

  it('ends recipients with ";" (not doubled) and the filing line with "."', () => {
    expect(textsOf(model, 'recipient')).toEqual(['- TT Đảng ủy, HĐND, UBND;', '- Các chi bộ trực thuộc;', '- Lưu VPĐU.']);
    for (const r of byRole(model, 'recipient')) expect(r.style.sizePt).toBe(12);
  });

  it('uses the template recipients and filing when the input has none', () => {
    const lines = textsOf(compose(MONTHLY), 'recipient');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(0, -1).every((l) => l.startsWith('- ') && l.endsWith(';'))).toBe(true);
    expect(lines.at(-1)).toBe('- Lưu VPĐU.');
  });

  it('underlines "Nơi nhận:", not bold, not italic', () => {
    const label = oneOf(model, 'recipients-label');
    expect(textOf(label)).toBe('Nơi nhận:');
    expect(textRuns(label).every((r) => r.underline && !r.bold && !r.italic)).toBe(true);
  });

  it('signs "T/M BAN THƯỜNG VỤ", "BÍ THƯ", room for the signature, then the bold name', () => {
    const footer = columns(model, 'footer');
    const right = footer.columns[1]!;
    expect(right.blocks.map((b) => b.role)).toEqual(['signature-authority', 'signature-position', 'signature-space', 'signer']);
    expect(textOf(oneOf(model, 'signature-authority'))).toBe('T/M BAN THƯỜNG VỤ');
    expect(textRuns(oneOf(model, 'signature-authority')).every((r) => r.bold)).toBe(true);
    expect(textOf(oneOf(model, 'signature-position'))).toBe('BÍ THƯ');
    const space = right.blocks[2]!;
    expect(space.kind).toBe('spacer');
    if (space.kind === 'spacer') {
      expect(space.heightMm).toBeGreaterThanOrEqual(25);
      expect(space.heightMm).toBeLessThanOrEqual(30);
    }
    const signer = oneOf(model, 'signer');
    expect(textOf(signer)).toBe('Ma Đình Dũng');
    expect(textRuns(signer).every((r) => r.bold)).toBe(true);
  });

  it('uses the signature given in the input', () => {
    const input = structuredClone(SECTIONS);
    input.signature = { authority: 'K/T', collective: 'Bí thư', position: 'Phó Bí thư', name: 'Nguyễn Văn A' };
    const own = compose(input);
    expect(textOf(oneOf(own, 'signature-authority'))).toBe('K/T BÍ THƯ');
    expect(textOf(oneOf(own, 'signature-position'))).toBe('PHÓ BÍ THƯ');
  });

  it('keeps the footer together, as the last block', () => {
    const footer = columns(model, 'footer');
    expect(footer.keepTogether).toBe(true);
    expect(model.blocks.at(-1)).toBe(footer);
  });

  it('keeps the last closing paragraph with the footer and unsplit', () => {
    const closing = byRole(model, 'closing');
    expect(closing.map(textOf)).toEqual(['Đoạn kết thứ nhất.', 'Trên đây là Kết luận của Ban Thường vụ Đảng ủy./.']);
    const last = closing.at(-1)!;
    expect(last.style.keepWithNext).toBe(true);
    expect(last.style.keepLines).toBe(true);
    expect(model.blocks.at(-2)).toBe(last);
  });
});

describe('the model holds the whole input', () => {
  function missingStrings(input: Json, model: DocumentModel): string[] {
    const modelText = allParagraphs(model.blocks).map(textOf).join('\n');
    return stringFields(input)
      .filter((f) => f.field !== 'date') // written in words in the date line, tested above
      .filter((f) => {
        const expected = plainText(parseInline(f.text.normalize('NFC')));
        return !modelText.includes(expected) && !modelText.includes(toUpperVi(expected));
      })
      .map((f) => `${f.field}: ${f.text.slice(0, 60)}`);
  }

  it('every string of a hand-written input appears in the text of the model', () => {
    const input = structuredClone(SECTIONS);
    input.marks = { secrecy: 'TỐI MẬT', urgency: 'KHẨN', circulation: 'Lưu hành nội bộ' };
    input.number.typeCode = 'TB';
    input.signature = { authority: 'T/L', collective: 'Ban Thường vụ', position: 'Chánh Văn phòng', name: 'Ma Đình Dũng' };
    input.opening = ['Mở đầu có *nghiêng* và\ndòng mới.'];
    expect(missingStrings(input, compose(input))).toEqual([]);
  });

  it('every string of the monthly input appears in the text of the model', () => {
    expect(missingStrings(MONTHLY, compose(MONTHLY))).toEqual([]);
  });

  it.runIf(existsSync(EXAMPLE_PATH))('every string of the example appears in the text of the model', () => {
    const input = JSON.parse(readFileSync(EXAMPLE_PATH, 'utf8'));
    expect(missingStrings(input, compose(input))).toEqual([]);
  });

  it('user text containing {{ is printed, never compiled', () => {
    const input = structuredClone(MONTHLY);
    input.issuer.unit = 'xã {{issuer.name}}';
    input.tasks = ['Việc {{meeting.month}} và {{#each x}}.'];
    const model = compose(input);
    expect(textsOf(model, 'opening')[0]).toContain('xã {{issuer.name}}');
    expect(textsOf(model, 'point')).toContain('1. Việc {{meeting.month}} và {{#each x}}.');
  });

  it('the metadata names the document and its date', () => {
    const model = compose(MONTHLY);
    expect(model.metadata.date.toISOString()).toBe('2025-01-03T12:00:00.000Z');
    expect(model.metadata.language).toBe('vi-VN');
    expect(model.metadata.title).toContain('KẾT LUẬN');
    expect(model.page.margin).toEqual({ topMm: 20, bottomMm: 20, leftMm: 30, rightMm: 15 });
    expect(model.pageNumbers).toMatchObject({ onFirstPage: false });
  });
});

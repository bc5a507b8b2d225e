/**
 * What real conclusions need beyond the reference document, checked on real output: the DOCX's
 * XML and the PDF's words and their positions (pdftotext -bbox). LibreOffice's rendering of these
 * fixtures is compared with the PDF line by line in agreement.test.ts.
 *
 * Positions are worked out here from the default profile's millimetres (left margin 30 mm,
 * first-line indent 12.7 mm, text width 165 mm; 1 in = 25.4 mm = 72 pt = 1440 twips).
 */
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { composeConclusion, parseConclusion, renderConclusion, type ConclusionWarning } from '../src/index.js';
import { ROOT } from './helpers/cli.js';
import { docxBodyParagraphDetails, twipsToPt, type DocxParagraph } from './helpers/docx-paragraphs.js';
import { lineWith, pdfLines, type PdfLine } from './helpers/pdf-lines.js';
import { pdfPages } from './helpers/pdf-text.js';

const mmToPt = (mm: number) => (mm / 25.4) * 72;
const mmToTwips = (mm: number) => Math.round((mm / 25.4) * 1440);
const MARGIN_PT = mmToPt(30);
const INDENT_PT = mmToPt(12.7);
/** pdftotext puts a word's left edge within a few hundredths of a point of where it is drawn. */
const CLOSE_PT = 0.3;

const fixture = (name: string) => JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'inputs', `${name}.json`), 'utf8'));

interface Rendered {
  docx: DocxParagraph[];
  docxBytes: Uint8Array;
  pdf: PdfLine[][];
  pdfBytes: Uint8Array;
  warnings: ConclusionWarning[];
}

async function render(input: unknown, options: { templates?: string } = {}): Promise<Rendered> {
  const warnings: ConclusionWarning[] = [];
  const onWarning = (warning: ConclusionWarning) => warnings.push(warning);
  const [docxBytes, pdfBytes] = await Promise.all([
    renderConclusion(input, { format: 'docx', onWarning, ...options }),
    renderConclusion(input, { format: 'pdf', ...options }),
  ]);
  return {
    docx: await docxBodyParagraphDetails(docxBytes),
    docxBytes,
    pdf: (await pdfPages(pdfBytes)).map(pdfLines),
    pdfBytes,
    warnings,
  };
}

/** An override folder for the default profile holding only `profile`. */
function overrideFolder(profile: object): string {
  const dir = mkdtempSync(join(tmpdir(), 'ket-luan-forms-'));
  mkdirSync(join(dir, 'ket-luan-hd36'));
  writeFileSync(join(dir, 'ket-luan-hd36', 'profile.json'), JSON.stringify(profile));
  return dir;
}

const paragraph = (paragraphs: DocxParagraph[], start: string) => {
  const found = paragraphs.find((p) => p.text.startsWith(start));
  if (!found) throw new Error(`no paragraph starting "${start}"`);
  return found;
};
const allLines = (r: Rendered) => r.pdf.flat();

const fixtures: Record<string, Rendered> = {};
beforeAll(async () => {
  for (const name of ['unheaded-notice', 'four-levels', 'header-too-wide']) fixtures[name] = await render(fixture(name));
}, 120_000);

describe('content without Roman sections', () => {
  it('prints nothing where a section has no heading: the content follows the opening directly', () => {
    const { docx, pdf } = fixtures['unheaded-notice']!;
    const texts = docx.map((p) => p.text);
    expect(texts.filter((t) => /^[IVXLC]+[.-] /.test(t))).toEqual([]);
    const opening = texts.findIndex((t) => t.startsWith('Ngày 05/02/2026'));
    expect(texts[opening + 1]).toMatch(/^Ban Thường vụ Đảng ủy đánh giá cao/);
    expect(texts[opening + 2]).toMatch(/^1\. Giao Ủy ban nhân dân xã/);
    expect(texts).toContain('2. Giao Văn phòng Đảng ủy theo dõi, đôn đốc và tổng hợp kết quả thực hiện, báo cáo Ban Thường vụ Đảng ủy trước ngày 25/02/2026.');
    // In the PDF the content starts one paragraph pitch (17 pt line + 6 pt after) below the opening's last line.
    const lines = pdf[0]!;
    const first = lines.findIndex((l) => l.text.startsWith('Ban Thường vụ Đảng ủy đánh giá cao'));
    expect(lines[first]!.yMax - lines[first - 1]!.yMax).toBeCloseTo(17 + 6, 0);
    expect(lines[first]!.xMin).toBeCloseTo(MARGIN_PT + INDENT_PT, 0);
  });

  it('numbers only the headed sections: an unheaded first section leaves I and II to the headings', () => {
    const { docx, pdf } = fixtures['four-levels']!;
    const headings = docx.map((p) => p.text).filter((t) => /^[IVX]+\. /.test(t));
    expect(headings).toEqual(['I. Đánh giá kết quả năm 2024', 'II. Nhiệm vụ trọng tâm năm 2025']);
    expect(paragraph(docx, 'I. Đánh giá').runs[0]).toMatchObject({ text: expect.stringMatching(/^I\. /), bold: true });
    for (const heading of headings) expect(lineWith(pdf.flat(), heading).text).toBe(heading);
  });

  it('accepts a document that is one section without a heading', () => {
    const input = fixture('unheaded-notice');
    expect(parseConclusion(input).sections).toHaveLength(1);
    expect(parseConclusion(input).sections![0]!.heading).toBeUndefined();
  });
});

describe('four list levels: 1. → a) → - → +', () => {
  it('writes every level in order with its marker, + items under their - item, - items directly under a point', () => {
    const texts = fixtures['four-levels']!.docx.map((p) => p.text);
    const at = (start: string) => texts.findIndex((t) => t.startsWith(start));
    const order = [
      '1. Tăng trưởng kinh tế',
      'a) Về nông nghiệp:',
      '- Trồng trọt chuyển dịch',
      '+ Diện tích nho, táo',
      '+ Hình thành thêm 04',
      '- Chăn nuôi dê, cừu',
      'b) Về công nghiệp',
      '2. Văn hóa - xã hội',
      '- Giáo dục và đào tạo:',
      '+ Tỷ lệ trường đạt chuẩn',
      '+ Tỷ lệ học sinh tốt nghiệp',
      '- Y tế:',
      '3. Hạn chế:',
    ].map(at);
    expect(order.every((index) => index >= 0)).toBe(true);
    expect(order).toEqual(order.map((_, i) => order[0]! + i));
  });

  it('keeps emphasis inside the items at every level', () => {
    const { docx } = fixtures['four-levels']!;
    const run = (start: string, text: string) => paragraph(docx, start).runs.find((r) => r.text === text);
    expect(run('1. Tăng trưởng', 'tổng sản phẩm trên địa bàn tăng 9,5%')).toMatchObject({ bold: true });
    expect(run('+ Diện tích nho', '1.250 ha')).toMatchObject({ italic: true, bold: false });
    expect(run('+ Hình thành thêm', '04 vùng sản xuất')).toMatchObject({ bold: true });
    expect(run('- Hướng dẫn công tác', 'hoàn thành trước ngày 31/3/2025')).toMatchObject({ bold: true });
    expect(paragraph(docx, '+ Diện tích nho').runs[0]).toMatchObject({ text: expect.stringMatching(/^\+ Diện/), bold: false, italic: false });
  });

  it('indents every level as the default profile says: first line 12.7 mm, wrapped lines at the margin', () => {
    const { docx, pdf } = fixtures['four-levels']!;
    for (const start of ['+ Diện tích nho', '- Trồng trọt', 'a) Về nông nghiệp', '1. Tăng trưởng']) {
      expect(paragraph(docx, start).indent).toMatchObject({ left: 0, firstLine: mmToTwips(12.7), hanging: 0 });
    }
    const lines = pdf[0]!;
    const plus = lines.findIndex((l) => l.text.startsWith('+ Diện tích nho'));
    expect(lines[plus]!.xMin).toBeCloseTo(MARGIN_PT + INDENT_PT, 0);
    expect(lines[plus + 1]!.text).toBe('năm 2023.');
    expect(lines[plus + 1]!.xMin).toBeCloseTo(MARGIN_PT, 0);
  });

  it('indents deeper levels when the profile gives each level a left indent, in both writers', async () => {
    const templates = overrideFolder({ body: { subpoint: { leftIndentMm: 5 }, bullet: { leftIndentMm: 10 }, subbullet: { leftIndentMm: 15, marker: '+ ' } } });
    const { docx, pdf } = await render(fixture('four-levels'), { templates });
    expect(paragraph(docx, 'a) Về nông nghiệp').indent.left).toBe(mmToTwips(5));
    expect(paragraph(docx, '- Trồng trọt').indent.left).toBe(mmToTwips(10));
    expect(paragraph(docx, '+ Diện tích nho').indent).toMatchObject({ left: mmToTwips(15), firstLine: mmToTwips(12.7) });
    const lines = pdf.flat();
    const plus = lines.findIndex((l) => l.text.startsWith('+ Diện tích nho'));
    expect(lines[plus]!.xMin).toBeCloseTo(MARGIN_PT + mmToPt(15 + 12.7), 0);
    expect(lines[plus + 1]!.xMin).toBeCloseTo(MARGIN_PT + mmToPt(15), 0);
    expect(lineWith(lines, '1. Tăng trưởng').xMin).toBeCloseTo(MARGIN_PT + INDENT_PT, 0);
  });

  it('keeps the three-level form of earlier versions: { text, subpoints: [{ text, bullets }], bullets } with string bullets', () => {
    const point = { text: 'Điểm', subpoints: [{ text: 'Ý a', bullets: ['gạch 1'] }], bullets: ['gạch 2'] };
    const input = { ...fixture('unheaded-notice'), sections: [{ heading: 'Nhiệm vụ', content: [point] }] };
    expect(parseConclusion(input).sections![0]!.content[0]).toEqual(point);
  });

  it('names the field when a + item is given children (there is no fifth level)', () => {
    const input = fixture('four-levels');
    input.sections[1].content[0].subpoints[0].bullets[0].bullets[0] = { text: 'Cộng', bullets: ['quá sâu'] };
    expect(() => parseConclusion(input)).toThrow(/sections\[1\]\.content\[0\]\.subpoints\[0\]\.bullets\[0\]\.bullets\[0\]/);
  });
});

describe('a header that fits its text', () => {
  const DATE_LINE = 'Phan Rang - Tháp Chàm, ngày 28 tháng 11 năm 2024';

  it('keeps a long place and date on one line when the left column needs less, and says nothing', () => {
    const { pdf, warnings } = fixtures['four-levels']!;
    expect(lineWith(pdf[0]!, 'Phan Rang').text).toBe(DATE_LINE);
    expect(lineWith(pdf[0]!, 'ĐẢNG CỘNG SẢN').text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(warnings).toEqual([]);
  });

  it('sizes the two columns within the text width, the right one wider than its longest line', async () => {
    const { docxBytes, pdf } = fixtures['four-levels']!;
    const grid = await gridColumns(docxBytes);
    expect(grid).toHaveLength(2);
    expect(Math.abs(grid[0]! + grid[1]! - mmToTwips(165))).toBeLessThanOrEqual(1);
    const date = lineWith(pdf[0]!, 'Phan Rang');
    expect(twipsToPt(grid[1]!)).toBeGreaterThan(date.xMax - date.xMin);
    // The date line is centred in the right column, which starts where the left one ends.
    const columnStart = MARGIN_PT + twipsToPt(grid[0]!);
    expect((date.xMin + date.xMax) / 2).toBeCloseTo(columnStart + twipsToPt(grid[1]!) / 2, 0);
  });

  it('keeps the preferred widths (80 and 85 mm) when every line fits them', async () => {
    const docx = await renderConclusion(JSON.parse(readFileSync(join(ROOT, 'examples', 'cho-chu-2024-11.json'), 'utf8')), { format: 'docx' });
    expect((await gridColumns(docx)).slice(0, 2)).toEqual([mmToTwips(80), mmToTwips(85)]);
  });

  it('wraps only when both longest lines cannot share the text width, and warns naming the fields', () => {
    const { pdf, warnings } = fixtures['header-too-wide']!;
    expect(warnings.map((w) => [w.code, w.field])).toEqual([
      ['header-line-wraps', 'issuer.name'],
      ['header-line-wraps', 'place'],
    ]);
    for (const warning of warnings) {
      expect(warning.message).toContain('wraps');
      expect(warning.messageVi).toContain('xuống dòng');
    }
    expect(pdf[0]!.some((l) => l.text === DATE_LINE)).toBe(false);
    expect(composeConclusion(fixture('header-too-wide')).warnings).toHaveLength(2);
  });
});

describe('months in running phrases follow the date rule', () => {
  it('writes January and February with a leading zero in the summary (tháng 02/2026)', () => {
    const { docx, pdf } = fixtures['unheaded-notice']!;
    expect(docx.map((p) => p.text)).toContain('tại Hội nghị thường kỳ tháng 02/2026');
    expect(lineWith(pdf[0]!, 'tại Hội nghị').text).toBe('tại Hội nghị thường kỳ tháng 02/2026');
  });

  it('is a profile choice: "plain" writes tháng 2/2026, "two-digit" tháng 03/2026', async () => {
    const plain = await render(fixture('unheaded-notice'), { templates: overrideFolder({ dates: { monthInText: 'plain' } }) });
    expect(plain.docx.map((p) => p.text)).toContain('tại Hội nghị thường kỳ tháng 2/2026');
    const march = { ...fixture('unheaded-notice'), meeting: { month: 3, year: 2026 }, date: '2026-02-27' };
    const summaryOf = (templates?: string) =>
      composeConclusion(march, templates === undefined ? {} : { templates }).model.blocks.flatMap((b) =>
        b.kind === 'paragraph' && b.role === 'summary' ? [b.runs.map((r) => (r.kind === 'text' ? r.text : '\n')).join('')] : [],
      );
    expect(summaryOf(overrideFolder({ dates: { monthInText: 'two-digit' } }))).toContain('tại Hội nghị thường kỳ tháng 03/2026');
    expect(summaryOf()).toContain('tại Hội nghị thường kỳ tháng 3/2026');
  });
});

describe('recipients that wrap continue under their text', () => {
  it('writes a hanging indent as wide as the dash in the DOCX', () => {
    const recipients = fixtures['four-levels']!.docx.filter((p) => p.inTable && p.text.startsWith('- '));
    expect(recipients.length).toBe(4);
    for (const r of recipients) {
      expect(r.indent.hanging).toBeGreaterThan(0);
      expect(r.indent.left).toBe(r.indent.hanging);
      expect(r.indent.firstLine).toBe(0);
    }
  });

  it('starts the wrapped lines of the PDF under the first word after the dash, the dash at the margin', () => {
    const lines = fixtures['four-levels']!.pdf.flat();
    const first = lines.findIndex((l) => l.text.startsWith('- Các ban cán sự đảng'));
    const textStart = lines[first]!.words[1]!.xMin;
    expect(lines[first]!.xMin).toBeCloseTo(MARGIN_PT, 0);
    expect(lines[first + 1]!.text).toMatch(/^các huyện ủy/);
    expect(Math.abs(lines[first + 1]!.xMin - textStart)).toBeLessThan(CLOSE_PT);
    expect(Math.abs(lines[first + 2]!.xMin - textStart)).toBeLessThan(CLOSE_PT);
  });
});

async function gridColumns(docx: Uint8Array): Promise<number[]> {
  const JSZip = (await import('jszip')).default;
  const xml = (await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string')) ?? '';
  const grid = /<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/.exec(xml)?.[1] ?? '';
  return [...grid.matchAll(/<w:gridCol w:w="(\d+)"/g)].map((m) => Number(m[1]));
}

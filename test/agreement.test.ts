/**
 * The PDF agrees with the DOCX page by page: for the example and the layout fixtures, the PDF we
 * write and LibreOffice's rendering of the DOCX we write (LibreOffice draws Times New Roman with
 * Liberation Serif 2, the PDF's font) have the same pages, and every page starts with the same words.
 * The LibreOffice version it ran against is printed first.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderConclusion } from '../src/index.js';
import { ROOT } from './helpers/cli.js';
import { convertWithLibreOffice, libreOfficeVersion } from './helpers/libreoffice.js';
import { pdfLines } from './helpers/pdf-lines.js';
import { pdfPages, pdfPageTexts } from './helpers/pdf-text.js';

const INPUTS = [
  join(ROOT, 'examples', 'cho-chu-2024-11.json'),
  ...['one-page', 'six-pages-nested', 'signature-at-page-end', 'signature-pushed-to-next-page'].map((name) => join(ROOT, 'test', 'fixtures', 'inputs', `${name}.json`)),
];

/** The top margin holds only the page number: leave it out so pages are compared by their text. */
const PAGE_NUMBER_BAND_PT = 45;
const FIRST_WORDS = 6;

async function pageStarts(pdf: Uint8Array): Promise<string[]> {
  const pages = await pdfPageTexts(pdf, { cropTopPt: PAGE_NUMBER_BAND_PT, raw: true });
  return pages.map((page) => page.split(/\s+/).filter(Boolean).slice(0, FIRST_WORDS).join(' '));
}

// The rules the PDF writer follows were read off this LibreOffice; the README names the version.
beforeAll(async () => {
  console.log(`agreement checked against ${await libreOfficeVersion()}`);
});

// Concurrent, so their conversions go to LibreOffice together (helpers/libreoffice.ts).
describe.concurrent('our PDF and LibreOffice’s rendering of our DOCX', () => {
  it.each(INPUTS)('%s: has the same pages, each starting with the same words', async (path) => {
    const input = JSON.parse(readFileSync(path, 'utf8'));
    const [pdf, docx] = await Promise.all([renderConclusion(input, { format: 'pdf' }), renderConclusion(input, { format: 'docx' })]);
    const viaLibreOffice = await convertWithLibreOffice(docx);
    const ours = await pageStarts(pdf);
    const theirs = await pageStarts(viaLibreOffice);
    expect(ours.length).toBeGreaterThan(0);
    expect(ours).toEqual(theirs);
  });

  /**
   * Fixtures whose content moves lines (content without headings, four list levels, a header sized
   * to its lines or wrapping, recipients with a hanging indent): every line of every page is the same
   * in both, starting at the same place within a point.
   */
  it.each(['four-levels', 'header-too-wide', 'unheaded-notice'])('%s, line for line: has the same lines, each starting where LibreOffice starts it', async (name) => {
    const input = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'inputs', `${name}.json`), 'utf8'));
    const [pdf, docx] = await Promise.all([renderConclusion(input, { format: 'pdf' }), renderConclusion(input, { format: 'docx' })]);
    const ours = (await pdfPages(pdf)).map(pdfLines);
    const theirs = (await pdfPages(await convertWithLibreOffice(docx))).map(pdfLines);
    expect(theirs.map((page) => page.map((l) => l.text))).toEqual(ours.map((page) => page.map((l) => l.text)));
    ours.forEach((page, p) => {
      // LibreOffice's word boxes sit a constant distance lower: lines are compared from the page's first.
      const shift = theirs[p]![0]!.yMax - page[0]!.yMax;
      page.forEach((line, i) => {
        const their = theirs[p]![i]!;
        expect(Math.abs(their.xMin - line.xMin), `page ${p + 1} "${line.text}"`).toBeLessThan(1);
        expect(Math.abs(their.yMax - shift - line.yMax), `page ${p + 1} "${line.text}"`).toBeLessThan(1);
      });
    });
  });
});

describe('the fixtures cover what they are named for', () => {
  const pagesOf = async (name: string) => pdfPageTexts(await renderConclusion(JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'inputs', `${name}.json`), 'utf8')), { format: 'pdf' }));

  it('one-page fits one page', async () => {
    expect(await pagesOf('one-page')).toHaveLength(1);
  });

  it('six-pages-nested is about six pages', async () => {
    expect((await pagesOf('six-pages-nested')).length).toBeGreaterThanOrEqual(5);
  });

  it('signature-at-page-end keeps the signature as the last thing on page 1', async () => {
    const pages = await pagesOf('signature-at-page-end');
    expect(pages).toHaveLength(1);
    expect(pages[0]!.trim().endsWith('Hoàng Văn Đức')).toBe(true);
  });

  it('signature-pushed-to-next-page moves the closing sentence with the signature to page 2', async () => {
    const pages = await pagesOf('signature-pushed-to-next-page');
    expect(pages).toHaveLength(2);
    expect(pages[1]).toContain('Đề nghị các chi bộ');
    expect(pages[1]).toContain('Hoàng Văn Đức');
    expect(pages[0]).not.toContain('Đề nghị các chi bộ');
  });
});

describe('a keep-with-next chain that began on an earlier page', () => {
  it('stays where it is, as in LibreOffice: the signature block, moving on, does not take the space above it along', async () => {
    // A closing paragraph longer than a page (kept with the next block, so it starts a page and is
    // split) keeps the space above the signature block on its last page; the block, too tall for
    // what is left, starts the next page at its top.
    const sentence = 'Tiếp tục chỉ đạo các chi bộ tổ chức quán triệt, triển khai thực hiện nghiêm túc các nghị quyết của cấp trên.';
    const input = {
      issuer: { superior: 'ĐẢNG BỘ TỈNH THÁI NGUYÊN', name: 'ĐẢNG ỦY XÃ PHÚ ĐÌNH' },
      number: { sequence: 7, issuerCode: 'ĐU' },
      place: 'Phú Đình',
      date: '2024-10-29',
      summary: ['về công tác chuẩn bị đại hội'],
      sections: [{ heading: 'Kết quả', content: ['Một đoạn.'] }],
      closing: [sentence.repeat(40)],
      recipients: Array.from({ length: 36 }, (_, i) => `Chi bộ số ${i + 1}`),
      signature: { name: 'Nguyễn Văn An' },
    };
    const [pdf, docx] = await Promise.all([renderConclusion(input, { format: 'pdf' }), renderConclusion(input, { format: 'docx' })]);
    const viaLibreOffice = await convertWithLibreOffice(docx);
    expect(await pageStarts(pdf)).toEqual(await pageStarts(viaLibreOffice));
    const labelTop = async (file: Uint8Array) => {
      const pages = await pdfPages(file);
      const word = pages[pages.length - 1]!.words.find((w) => w.text === 'Nơi');
      if (!word) throw new Error('no "Nơi nhận:" on the last page');
      return word.yMin;
    };
    // The two files' fonts declare different ascents: a point apart at most.
    expect(Math.abs((await labelTop(pdf)) - (await labelTop(viaLibreOffice)))).toBeLessThan(1.5);
  });
});

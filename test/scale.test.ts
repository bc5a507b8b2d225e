/**
 * Scale: a conclusion with 2,000 points (4 sections × 500, every tenth point with two subpoints
 * and a bullet) renders to DOCX and PDF. The page count must be plausible for the amount of text
 * and the last point's text must be in both files. No timing is asserted; the timeouts only keep
 * a hang from blocking the suite.
 */
import { describe, expect, it } from 'vitest';
import { renderConclusion } from '../src/index.js';
import { comparable } from './helpers/arbitraries.js';
import { docxBodyParagraphs } from './helpers/docx-text.js';
import { pdfPageCount, pdfPageTexts } from './helpers/pdf-text.js';
import { convertWithLibreOffice } from './helpers/libreoffice.js';

const SECTIONS = 4;
const POINTS_PER_SECTION = 500;
const POINTS = SECTIONS * POINTS_PER_SECTION;

/** About 175 characters with its number: three lines of the 165 mm text width at 14 pt. */
const pointText = (n: number) =>
  `Điểm số ${n}: tiếp tục chỉ đạo các chi bộ tổ chức quán triệt, triển khai thực hiện nghị quyết, ` +
  `duy trì sinh hoạt chi bộ đảng và thực hiện tốt công tác quản lý đảng viên (mục ${n}).`;
const LAST = pointText(POINTS);
/** The band at the top of each page that holds the page number (7 mm down; text starts at 20 mm). */
const PAGE_NUMBER_BAND_PT = (15 / 25.4) * 72;

const INPUT = {
  issuer: { superior: 'ĐẢNG BỘ HUYỆN ĐỊNH HÓA', name: 'ĐẢNG ỦY XÃ PHÚ ĐÌNH' },
  number: { sequence: 99, issuerCode: 'ĐU' },
  place: 'Phú Đình',
  date: '2024-10-29',
  meeting: { month: 11, year: 2024 },
  sections: Array.from({ length: SECTIONS }, (_, s) => ({
    heading: `Nhóm nhiệm vụ thứ ${s + 1}`,
    content: Array.from({ length: POINTS_PER_SECTION }, (_, p) => {
      const n = s * POINTS_PER_SECTION + p + 1;
      return n % 10 === 0
        ? { text: pointText(n), subpoints: [{ text: `Ý thứ nhất của điểm ${n}.` }, { text: `Ý thứ hai của điểm ${n}.` }], bullets: [`Gạch đầu dòng của điểm ${n}.`] }
        : { text: pointText(n) };
    }),
  })),
  recipients: ['Như trên'],
  signature: { name: 'Nguyễn Văn An' },
};

/**
 * Pages the body needs, roughly: 2,000 points of three 17 pt lines and 6 pt after, 200 × 3 short
 * one-line paragraphs, on a 297 − 40 mm text height (≈ 175 pages; both writers give 180 today).
 * The bounds leave room for line breaks falling otherwise and for the header and footer, not for
 * a writer that loses or doubles text.
 */
const TEXT_HEIGHT_PT = ((297 - 40) / 25.4) * 72;
const ESTIMATED_PAGES = Math.ceil((POINTS * (3 * 17 + 6) + (POINTS / 10) * 3 * (17 + 6)) / TEXT_HEIGHT_PT);

function expectPlausiblePages(pages: number): void {
  expect(pages).toBeGreaterThanOrEqual(Math.floor(ESTIMATED_PAGES * 0.8));
  expect(pages).toBeLessThanOrEqual(Math.ceil(ESTIMATED_PAGES * 1.25));
}

describe(`a conclusion with ${POINTS} points`, () => {
  it('renders to DOCX: every point numbered in its section, the last one there, and LibreOffice lays it out on a plausible number of pages', async () => {
    const docx = await renderConclusion(INPUT, { format: 'docx' });
    const paragraphs = (await docxBodyParagraphs(docx)).map(comparable);
    const points = paragraphs.filter((p) => /^\d+\. Điểm số \d+:/.test(p));
    expect(points).toHaveLength(POINTS);
    expect(points[POINTS - 1]).toBe(`${POINTS_PER_SECTION}. ${LAST}`);
    expect(paragraphs).toContain(`IV. Nhóm nhiệm vụ thứ 4`);
    expect(paragraphs).toContain(`b) Ý thứ hai của điểm ${POINTS}.`);
    expect(paragraphs).toContain(`- Gạch đầu dòng của điểm ${POINTS}.`);

    const pdf = await convertWithLibreOffice(docx, { timeoutMs: 280_000 });
    const pages = await pdfPageCount(pdf);
    expectPlausiblePages(pages);
    const text = (await pdfPageTexts(pdf, { raw: true, cropTopPt: PAGE_NUMBER_BAND_PT })).join('\n').replace(/\s+/g, '');
    expect(text).toContain(`${POINTS_PER_SECTION}.${LAST}`.replace(/\s+/g, ''));
  }, 300_000);

  it('renders to PDF: a plausible number of pages, the last point and the signature there', async () => {
    const pdf = await renderConclusion(INPUT, { format: 'pdf' });
    const pages = await pdfPageCount(pdf);
    expectPlausiblePages(pages);
    const pageTexts = await pdfPageTexts(pdf, { raw: true, cropTopPt: PAGE_NUMBER_BAND_PT });
    expect(pageTexts).toHaveLength(pages);
    const all = pageTexts.join('\n').replace(/\s+/g, '');
    expect(all).toContain(`${POINTS_PER_SECTION}.${LAST}`.replace(/\s+/g, ''));
    expect(all).toContain(`b)Ýthứhaicủađiểm${POINTS}.`);
    // Every point's number is there once per section, in order: nothing lost or doubled across page breaks.
    const numbers = [...pageTexts.join('\n').matchAll(/Điểm\s+số\s+(\d+):/g)].map((m) => Number(m[1]));
    expect(numbers).toEqual(Array.from({ length: POINTS }, (_, i) => i + 1));
    // The signature is on the last page.
    expect(pageTexts[pages - 1]!.replace(/\s+/g, ' ')).toContain('Nguyễn Văn An');
  }, 300_000);
});

describe('a footer taller than a page: 200 recipients', () => {
  const input = {
    ...INPUT,
    sections: [{ heading: 'Kết quả', content: [{ text: pointText(1) }] }],
    recipients: Array.from({ length: 200 }, (_, i) => `Nơi nhận số ${i + 1}`),
  };

  it('renders to PDF with every recipient, the filing line and the signature', async () => {
    const pdf = await renderConclusion(input, { format: 'pdf' });
    const text = (await pdfPageTexts(pdf, { raw: true, cropTopPt: PAGE_NUMBER_BAND_PT })).join('\n');
    const recipients = [...text.matchAll(/- Nơi nhận số (\d+);/g)].map((m) => Number(m[1]));
    expect(recipients).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(text).toContain('- Lưu VPĐU.');
    expect(text).toContain('T/M BAN THƯỜNG VỤ');
    expect(text).toContain('Nguyễn Văn An');
    // 200 lines of 14 pt on 728 pt pages: at least 4 pages.
    expect(await pdfPageCount(pdf)).toBeGreaterThanOrEqual(4);
  }, 120_000);

  it('renders to DOCX with every recipient, and LibreOffice lays all of them out', async () => {
    const docx = await renderConclusion(input, { format: 'docx' });
    const paragraphs = (await docxBodyParagraphs(docx)).map(comparable);
    expect(paragraphs.filter((p) => /^- Nơi nhận số \d+;$/.test(p))).toHaveLength(200);
    const pdf = await convertWithLibreOffice(docx, { timeoutMs: 110_000 });
    const text = (await pdfPageTexts(pdf, { raw: true, cropTopPt: PAGE_NUMBER_BAND_PT })).join('\n');
    expect([...text.matchAll(/- Nơi nhận số (\d+);/g)]).toHaveLength(200);
    expect(text).toContain('Nguyễn Văn An');
  }, 120_000);
});

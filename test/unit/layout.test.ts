/**
 * The layout stage both writers share: every number worked out here from millimetres and points
 * (1 in = 25.4 mm = 1,440 twips; 1 pt = 20 twips = 2 half-points = 8 eighths).
 */
import { describe, expect, it } from 'vitest';
import { layoutDocument, type ParagraphSpec, type TableSpec } from '../../src/layout/index.js';
import type { Block, DocumentModel } from '../../src/model/document.js';
import { paragraph, sampleModel, twoColumns } from '../fixtures/sample-model.js';

const twips = (mm: number) => Math.round((mm / 25.4) * 1440);

function laidOut(blocks: Block[], change: Partial<DocumentModel> = {}) {
  return layoutDocument({ ...sampleModel(), ...change, blocks });
}

describe('layoutDocument', () => {
  it('rounds the page and each margin to whole twips, and takes the text width from the rounded margins', () => {
    const { page } = laidOut([]);
    // A4, margins 20/20/30/15 mm
    expect(page.widthTwips).toBe(11906);
    expect(page.heightTwips).toBe(16838);
    expect(page.margin).toEqual({ topTwips: 1134, bottomTwips: 1134, leftTwips: 1701, rightTwips: 850 });
    expect(page.textWidthTwips).toBe(11906 - 1701 - 850);
    expect(page.widthPt).toBeCloseTo(595.276, 3);
  });

  it('maps a paragraph: spacing and line height in twips, indents from millimetres, size in half-points', () => {
    const [spec] = laidOut([paragraph('body', 'Văn bản', { sizePt: 13.5, spaceBeforePt: 6, spaceAfterPt: 3.5, lineHeightPt: 17, firstLineIndentMm: 12.7, leftIndentMm: 5, keepLines: true })]).body as ParagraphSpec[];
    expect(spec).toMatchObject({
      content: 'text',
      role: 'body',
      spacing: { beforeTwips: 120, afterTwips: 70, lineTwips: 340 },
      indent: { leftTwips: 283, rightTwips: 0, firstLineTwips: 720 },
      sizeHalfPoints: 27,
      keepLines: true,
      runs: [{ bold: false, italic: false, underline: false, breaks: 0, text: 'Văn bản' }],
    });
  });

  it('centres a rule by equal indents (the odd twip to the right), clamps one longer than its box, and its border to 2..96 eighths', () => {
    const rule = (lengthMm: number, thicknessPt: number): Block => ({ kind: 'rule', role: 'rule', lengthMm, thicknessPt, spaceBeforePt: 1, spaceAfterPt: 4 });
    const [short, long, thin] = laidOut([rule(50, 0.75), rule(500, 20), rule(50, 0.1)]).body as ParagraphSpec[];
    const box = 11906 - 1701 - 850;
    const slack = box - twips(50);
    expect(short?.indent).toEqual({ leftTwips: Math.floor(slack / 2), rightTwips: slack - Math.floor(slack / 2), firstLineTwips: 0 });
    expect(short?.topBorder).toEqual({ eighths: 6, color: '000000' });
    expect(short?.spacing).toEqual({ beforeTwips: 20, afterTwips: 80, lineTwips: 1 });
    expect(long?.indent).toEqual({ leftTwips: 0, rightTwips: 0, firstLineTwips: 0 });
    expect(long?.topBorder?.eighths).toBe(96);
    expect(thin?.topBorder?.eighths).toBe(2);
  });

  it('puts a table between a gap before that keeps with it (only when there is space before) and a gap after, a hairline at least', () => {
    const columns = (spaceBeforePt: number, spaceAfterPt: number) => twoColumns('footer', [75, [paragraph('l', 'Trái')]], [90, [paragraph('r', 'Phải')]], { spaceBeforePt, spaceAfterPt });
    const withSpace = laidOut([columns(12, 6)]).body;
    expect(withSpace.map((spec) => [spec.kind, spec.role])).toEqual([
      ['paragraph', 'footer:before'],
      ['table', 'footer'],
      ['paragraph', 'footer:after'],
    ]);
    expect(withSpace[0]).toMatchObject({ content: 'space', keepWithNext: true, spacing: { beforeTwips: 0, afterTwips: 0, lineTwips: 240 } });
    expect(withSpace[2]).toMatchObject({ content: 'space', keepWithNext: false, spacing: { lineTwips: 120 } });
    const tight = laidOut([columns(0, 0)]).body;
    expect(tight.map((spec) => spec.role)).toEqual(['footer', 'footer:after']);
    expect((tight[1] as ParagraphSpec).spacing.lineTwips).toBe(1);
  });

  it('gives columns their widths in twips, an empty column a hairline paragraph, and each paragraph its column as its box', () => {
    const [table] = laidOut([twoColumns('header', [80, []], [85, [paragraph('r', 'Phải')]], {})]).body as [TableSpec];
    expect(table.widthsTwips).toEqual([twips(80), twips(85)]);
    expect(table.cells[0]).toEqual([expect.objectContaining({ content: 'space', spacing: { beforeTwips: 0, afterTwips: 0, lineTwips: 1 }, boxTwips: twips(80) })]);
    expect(table.cells[1]?.[0]?.boxTwips).toBe(twips(85));
  });

  it('keeps a row together by cantSplit and keep-with-next on every paragraph of a cell but its last', () => {
    const block = twoColumns('footer', [75, [paragraph('a', 'A'), paragraph('b', 'B'), { kind: 'spacer', role: 'sign-space', heightMm: 25 }]], [90, [paragraph('c', 'C')]], { keepTogether: true });
    const [table] = laidOut([block]).body as [TableSpec];
    expect(table.cantSplit).toBe(true);
    expect(table.cells.map((cell) => cell.map((p) => p.keepWithNext))).toEqual([[true, true, false], [false]]);
    expect(table.cells[0]?.[2]).toMatchObject({ role: 'sign-space', content: 'space', spacing: { lineTwips: twips(25) } });
  });

  it('joins runs formatted alike, and line breaks open the run after them', () => {
    const text = (value: string, bold = false) => ({ kind: 'text' as const, text: value, bold, italic: false, underline: false });
    const [spec] = laidOut([{ ...paragraph('body', ''), runs: [text('a'), text('b'), { kind: 'break' }, text('c'), text('d', true), { kind: 'break' }] }]).body as ParagraphSpec[];
    expect(spec?.runs).toEqual([
      { bold: false, italic: false, underline: false, breaks: 0, text: 'ab' },
      { bold: false, italic: false, underline: false, breaks: 1, text: 'c' },
      { bold: true, italic: false, underline: false, breaks: 0, text: 'd' },
      { bold: false, italic: false, underline: false, breaks: 1 },
    ]);
  });

  it('states the page numbers in the DOCX units and the default tab stop', () => {
    const layout = laidOut([], { pageNumbers: { sizePt: 13, onFirstPage: false, fromTopMm: 10, align: 'center' } });
    expect(layout.pageNumbers).toEqual({ sizeHalfPoints: 26, onFirstPage: false, fromTopTwips: 567, align: 'center' });
    expect(layout.defaultTabStopTwips).toBe(720);
  });
});

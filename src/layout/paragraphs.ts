import type { ColumnContent, FontSetup, ParagraphBlock, PlacedImage, RuleBlock } from '../model/document.js';
import { toRunSpecs } from './runs.js';
import type { ImageSpec, ParagraphSpec } from './spec.js';
import { mmToTwips, ptToBorderEighths, ptToHalfPoints, ptToTwips } from './units.js';

/**
 * The thinnest line an exact line height can describe (1 twip = 0.05 pt). Used instead of zero,
 * which is not reliably "nothing": w:line="0" is outside what consumers are tested with, and one
 * that falls back to single spacing would add a full line of the default font.
 */
const HAIRLINE_TWIPS = 1;

/** The smallest font size a paragraph mark can have (1 pt): the mark of an empty paragraph. */
const SMALLEST_HALF_POINTS = 2;

/** Where a block is laid out: the width of its box (text area or table column) and the font. */
interface FlowContext {
  font: FontSetup;
  boxTwips: number;
}

/**
 * A block that can stand both in the page flow and inside a column, as exactly one paragraph, so
 * that a column's keep-together logic can reason about "the last paragraph of a cell".
 */
export function contentSpec(block: ColumnContent, ctx: FlowContext, extra: { keepWithNext?: boolean } = {}): ParagraphSpec {
  const keepWithNext = extra.keepWithNext === true;
  switch (block.kind) {
    case 'paragraph':
      return textSpec(block, ctx.boxTwips, keepWithNext);
    case 'rule':
      return ruleSpec(block, ctx, keepWithNext);
    case 'spacer': {
      const space = spaceSpec(block.role, mmToTwips(block.heightMm), ctx.boxTwips, keepWithNext);
      return block.images === undefined || block.images.length === 0 ? space : { ...space, images: block.images.map(imageSpec) };
    }
  }
}

/**
 * A paragraph of text, mapped one to one from the model. The line height is exact, never "at
 * least" or a multiple: the line pitch must not depend on the font's own metrics, which differ
 * between Times New Roman, its metric clones and the PDF's font.
 */
function textSpec(block: ParagraphBlock, boxTwips: number, keepWithNext: boolean): ParagraphSpec {
  const { style } = block;
  return {
    kind: 'paragraph',
    content: 'text',
    role: block.role,
    spacing: { beforeTwips: ptToTwips(style.spaceBeforePt), afterTwips: ptToTwips(style.spaceAfterPt), lineTwips: ptToTwips(style.lineHeightPt) },
    indent: { leftTwips: mmToTwips(style.leftIndentMm), rightTwips: 0, firstLineTwips: mmToTwips(style.firstLineIndentMm) },
    align: style.align,
    keepWithNext: style.keepWithNext || keepWithNext,
    keepLines: style.keepLines,
    sizeHalfPoints: ptToHalfPoints(style.sizePt),
    runs: toRunSpecs(block.runs),
    boxTwips,
  };
}

/**
 * An empty paragraph exactly `heightTwips` tall (a hairline at least): spacers, the gaps around
 * tables, an empty column. Its mark is as small as a size can be, so that no consumer grows the
 * line to fit the default font.
 */
export function spaceSpec(role: string, heightTwips: number, boxTwips: number, keepWithNext: boolean): ParagraphSpec {
  return {
    kind: 'paragraph',
    content: 'space',
    role,
    spacing: { beforeTwips: 0, afterTwips: 0, lineTwips: Math.max(HAIRLINE_TWIPS, heightTwips) },
    indent: undefined,
    align: undefined,
    keepWithNext,
    keepLines: false,
    sizeHalfPoints: SMALLEST_HALF_POINTS,
    runs: [],
    boxTwips,
  };
}

/**
 * A rule as an empty paragraph with a top border.
 *
 * A paragraph border runs from the left indent to the right indent, so equal indents of
 * (box − length) / 2 centre a line exactly lengthMm long (centredIndents). A drawn shape would be
 * exact too but floats: LibreOffice and Google Docs anchor it differently and it does not take
 * part in the text flow. The paragraph's own line is a hairline, so the block is spaceBefore +
 * border + spaceAfter tall (+ 1 twip), as LibreOffice lays it out.
 */
function ruleSpec(block: RuleBlock, ctx: FlowContext, keepWithNext: boolean): ParagraphSpec {
  const indents = centredIndents(ctx.boxTwips, mmToTwips(block.lengthMm));
  return {
    kind: 'paragraph',
    content: 'rule',
    role: block.role,
    spacing: { beforeTwips: ptToTwips(block.spaceBeforePt), afterTwips: ptToTwips(block.spaceAfterPt), lineTwips: HAIRLINE_TWIPS },
    indent: { leftTwips: indents.left, rightTwips: indents.right, firstLineTwips: 0 },
    align: undefined,
    topBorder: { eighths: ptToBorderEighths(block.thicknessPt), color: ctx.font.color },
    keepWithNext,
    keepLines: false,
    sizeHalfPoints: SMALLEST_HALF_POINTS,
    runs: [],
    boxTwips: ctx.boxTwips,
  };
}

/**
 * Left and right indents that leave exactly `lengthTwips` between them. Odd remainders go to the
 * right so the sum is exact. A rule longer than its box is clamped to the box: negative indents
 * would draw into the neighbouring table cell or the page margin.
 */
function centredIndents(boxTwips: number, lengthTwips: number): { left: number; right: number } {
  const slack = Math.max(0, boxTwips - lengthTwips);
  const left = Math.floor(slack / 2);
  return { left, right: slack - left };
}

/** A spacer's picture in whole twips, rounded as every other length of the layout. */
function imageSpec(image: PlacedImage): ImageSpec {
  return {
    role: image.role,
    png: image.png,
    widthTwips: mmToTwips(image.widthMm),
    heightTwips: mmToTwips(image.heightMm),
    leftTwips: mmToTwips(image.leftMm),
    topTwips: mmToTwips(image.topMm),
  };
}

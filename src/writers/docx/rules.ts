import { BorderStyle } from 'docx';
import type { FontSetup, RuleBlock } from '../../model/document.js';
import { HAIRLINE_TWIPS, SMALLEST_HALF_POINTS } from './paragraphs.js';
import type { ParagraphSpec } from './spec.js';
import { mmToTwips, ptToBorderEighths, ptToTwips } from './units.js';

/**
 * A rule as an empty paragraph with a top border.
 *
 * A paragraph border runs from the left indent to the right indent (there are no side borders to
 * widen it), so equal indents of (column − length) / 2 centre a line exactly lengthMm long. A
 * drawn shape would be exact too but floats: LibreOffice and Google Docs anchor it differently and
 * it does not take part in the text flow the PDF writer reproduces. The paragraph's own line is a
 * hairline, so the block is spaceBefore + thickness + spaceAfter tall (+ 0.05 pt), as a line drawn
 * in a PDF is; LibreOffice lays it out to exactly that height. It has no text, so its alignment
 * does not show.
 */
export function ruleSpec(
  block: RuleBlock,
  columnWidthTwips: number,
  font: FontSetup,
  extra: { keepNext?: boolean } = {},
): ParagraphSpec {
  const indents = centredIndents(columnWidthTwips, mmToTwips(block.lengthMm));
  return {
    border: {
      top: { style: BorderStyle.SINGLE, size: ptToBorderEighths(block.thicknessPt), color: font.color, space: 0 },
    },
    indent: { left: indents.left, right: indents.right, firstLine: 0 },
    spacing: {
      before: ptToTwips(block.spaceBeforePt),
      after: ptToTwips(block.spaceAfterPt),
      line: HAIRLINE_TWIPS,
      lineRule: 'exact',
    },
    alignment: undefined,
    keepNext: extra.keepNext === true,
    keepLines: false,
    halfPoints: SMALLEST_HALF_POINTS,
    runs: [],
  };
}

/**
 * Left and right indents that leave exactly `lengthTwips` between them. Odd remainders go to the
 * right so the sum is exact. A rule longer than its column is clamped to the column: negative
 * indents would draw into the neighbouring table cell or the page margin.
 */
export function centredIndents(columnWidthTwips: number, lengthTwips: number): { left: number; right: number } {
  const slack = Math.max(0, columnWidthTwips - lengthTwips);
  const left = Math.floor(slack / 2);
  return { left, right: slack - left };
}

import { LineRuleType, Paragraph, type IParagraphOptions } from 'docx';
import type { FontSetup, ParagraphBlock } from '../../model/document.js';
import { toDocxAlignment } from './alignment.js';
import { runFonts } from './fonts.js';
import { toDocxRun } from './runs.js';
import { mmToTwips, ptToHalfPoints, ptToTwips } from './units.js';

/**
 * The thinnest line an exact line height can describe (1 twip = 0.05 pt). Used instead of zero,
 * which is not reliably "nothing": w:line="0" is outside what consumers are tested with, and one
 * that falls back to single spacing would add a full line of the default font.
 */
export const HAIRLINE_TWIPS = 1;

/** w:sz's smallest legal value (1 pt): the mark of an empty paragraph, never visible text. */
export const SMALLEST_HALF_POINTS = 2;

/**
 * Properties every paragraph the writer emits carries.
 *
 * Widow/orphan control is switched off explicitly on each paragraph: the PDF writer cannot do it,
 * and both outputs must break pages at the same lines. Explicit per paragraph (docx cannot put it
 * in the document defaults) so the result never depends on a consumer's or template's defaults;
 * Word's own Normal template switches it on.
 */
export const PARAGRAPH_BASE: Pick<IParagraphOptions, 'widowControl'> = { widowControl: false };

/** A paragraph of text, mapped one to one from the model. */
export function toDocxParagraph(
  block: ParagraphBlock,
  font: FontSetup,
  extra: { keepNext?: boolean } = {},
): Paragraph {
  const { style } = block;
  return new Paragraph({
    ...PARAGRAPH_BASE,
    alignment: toDocxAlignment(style.align),
    indent: { left: mmToTwips(style.leftIndentMm), firstLine: mmToTwips(style.firstLineIndentMm) },
    spacing: {
      before: ptToTwips(style.spaceBeforePt),
      after: ptToTwips(style.spaceAfterPt),
      // Exact, never "auto"/"atLeast": the line pitch must not depend on the font's own metrics,
      // which differ between Times New Roman, its metric clones and the PDF writer's font.
      line: ptToTwips(style.lineHeightPt),
      lineRule: LineRuleType.EXACT,
    },
    ...(style.keepWithNext || extra.keepNext ? { keepNext: true } : {}),
    ...(style.keepLines ? { keepLines: true } : {}),
    // The paragraph mark gets the paragraph's size too, so an empty paragraph or the last line
    // is not measured at the default size by consumers that look at the mark.
    run: { font: runFonts(font), size: ptToHalfPoints(style.sizePt), color: font.color },
    children: block.runs.map((run) => toDocxRun(run, { font, sizePt: style.sizePt })),
  });
}

/**
 * An empty paragraph exactly `heightTwips` tall: spacers, the gaps around tables, and the
 * paragraph Word insists on after a table. Its mark is as small as the format allows so that no
 * consumer grows the line to fit the default font.
 */
export function exactHeightParagraph(heightTwips: number, font: FontSetup, extra: { keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    ...PARAGRAPH_BASE,
    spacing: { before: 0, after: 0, line: Math.max(HAIRLINE_TWIPS, heightTwips), lineRule: LineRuleType.EXACT },
    indent: { left: 0, firstLine: 0 },
    ...(extra.keepNext ? { keepNext: true } : {}),
    run: { font: runFonts(font), size: SMALLEST_HALF_POINTS, color: font.color },
    children: [],
  });
}

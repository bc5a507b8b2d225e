import { Paragraph, type IParagraphOptions } from 'docx';
import type { ParagraphBlock } from '../../model/document.js';
import { toDocxAlignment } from './alignment.js';
import { sameIndent, sameSpacing, toDocxSpacing, type DocxDefaults } from './defaults.js';
import { toRunSpecs, toDocxRun } from './runs.js';
import { indentAttributes, type ParagraphSpec } from './spec.js';
import { mmToTwips, ptToHalfPoints, ptToTwips } from './units.js';

/**
 * The thinnest line an exact line height can describe (1 twip = 0.05 pt). Used instead of zero,
 * which is not reliably "nothing": w:line="0" is outside what consumers are tested with, and one
 * that falls back to single spacing would add a full line of the default font.
 */
export const HAIRLINE_TWIPS = 1;

/** w:sz's smallest legal value (1 pt): the mark of an empty paragraph, never visible text. */
export const SMALLEST_HALF_POINTS = 2;

/** A paragraph of text, mapped one to one from the model. */
export function textParagraphSpec(block: ParagraphBlock, extra: { keepNext?: boolean } = {}): ParagraphSpec {
  const { style } = block;
  return {
    // Exact, never "auto"/"atLeast": the line pitch must not depend on the font's own metrics,
    // which differ between Times New Roman, its metric clones and the PDF writer's font.
    spacing: {
      before: ptToTwips(style.spaceBeforePt),
      after: ptToTwips(style.spaceAfterPt),
      line: ptToTwips(style.lineHeightPt),
      lineRule: 'exact',
    },
    indent: { left: mmToTwips(style.leftIndentMm), right: 0, firstLine: mmToTwips(style.firstLineIndentMm) },
    alignment: toDocxAlignment(style.align),
    keepNext: style.keepWithNext || extra.keepNext === true,
    keepLines: style.keepLines,
    // The paragraph mark gets the paragraph's size too, so an empty paragraph or the last line
    // is not measured at the default size by consumers that look at the mark.
    halfPoints: ptToHalfPoints(style.sizePt),
    runs: toRunSpecs(block.runs),
  };
}

/**
 * An empty paragraph exactly `heightTwips` tall: spacers, the gaps around tables, and the
 * paragraph Word insists on after a table. Its mark is as small as the format allows so that no
 * consumer grows the line to fit the default font. With no text, its indents and alignment do
 * not show, so it takes whatever the defaults say.
 */
export function exactHeightSpec(heightTwips: number, extra: { keepNext?: boolean } = {}): ParagraphSpec {
  return {
    spacing: { before: 0, after: 0, line: Math.max(HAIRLINE_TWIPS, heightTwips), lineRule: 'exact' },
    indent: undefined,
    alignment: undefined,
    keepNext: extra.keepNext === true,
    keepLines: false,
    halfPoints: SMALLEST_HALF_POINTS,
    runs: [],
  };
}

/**
 * The docx paragraph for a spec: only the property groups that differ from the defaults are
 * written, each group (spacing, indents) whole, so no consumer has to merge half a w:spacing with
 * the style's other half. Font and colour come from the document defaults alone.
 *
 * Used for the headers, whose PAGE field docx builds; the body's paragraphs are written as the
 * same XML by prepared.ts, which the tests check against this.
 */
export function toDocxParagraph(spec: ParagraphSpec, defaults: DocxDefaults): Paragraph {
  const size = spec.halfPoints === defaults.halfPoints ? undefined : spec.halfPoints;
  const options: IParagraphOptions = {
    ...(spec.keepNext ? { keepNext: true } : {}),
    ...(spec.keepLines ? { keepLines: true } : {}),
    ...(spec.border ? { border: spec.border } : {}),
    ...(sameSpacing(spec.spacing, defaults.spacing) ? {} : { spacing: toDocxSpacing(spec.spacing) }),
    ...(spec.indent === undefined || sameIndent(spec.indent, defaults.indent) ? {} : { indent: indentAttributes(spec.indent) }),
    ...(spec.alignment === undefined || spec.alignment === defaults.alignment ? {} : { alignment: spec.alignment }),
    ...(size === undefined ? {} : { run: { size } }),
    children: spec.runs.map((run) => toDocxRun(run, size)),
  };
  return new Paragraph(options);
}

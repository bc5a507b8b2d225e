import type { ColumnContent, TextRun } from '../model/document.js';
import type { MeasureTextMm } from './header.js';

/**
 * The widths of the header's two columns, from what they hold.
 *
 * The profile gives preferred widths (header.leftColumnMm, header.rightColumnMm, narrowed in
 * proportion when together wider than the text) and the least gap between the columns
 * (header.minGapMm). The preferred widths are kept whenever each column's longest line fits in
 * its own column. Otherwise the columns are re-divided within the text width so that both
 * longest lines fit, the widened column keeping half the gap to spare and the other staying as
 * close to its preferred width as it can. Only when the two longest lines and the gap are wider
 * than the text together does a line have to wrap: the text width is then shared in proportion
 * to the longest lines, and the caller says so in a warning.
 */

/**
 * Room kept beyond a line's measured width before it counts as fitting. The writers break lines
 * on LibreOffice's rounded glyph advances (a few hundredths of a millimetre off over a line), and
 * keep a twelfth of the font's height (ascent + descent + gap, about 1.15 em in Times New Roman
 * and its clones) free at the end of an italic line for the slant: 0.5 mm at 14 pt.
 */
const ROUNDING_MM = 0.2;
const ITALIC_RESERVE_EM = 1.2 / 12;
const MM_PER_PT = 25.4 / 72;

/** The width a line needs to stay on one line: its measured width and the room kept after it. */
function neededWidthMm(measuredMm: number, sizePt: number, italic: boolean): number {
  return measuredMm + ROUNDING_MM + (italic ? sizePt * ITALIC_RESERVE_EM * MM_PER_PT : 0);
}

interface HeaderColumns {
  widthsMm: [number, number];
  /** Whether every line fits its column on one line. */
  fits: boolean;
}

/** `longestMm`: the width each column's longest line needs (neededWidthMm). */
export function headerColumns(preferredMm: [number, number], longestMm: [number, number], textWidthMm: number, minGapMm: number): HeaderColumns {
  const [preferredLeft, preferredRight] = preferredMm;
  const [needLeft, needRight] = longestMm;
  if (preferredLeft >= needLeft && preferredRight >= needRight) return { widthsMm: preferredMm, fits: true };
  const total = Math.max(preferredLeft + preferredRight, Math.min(textWidthMm, needLeft + needRight + minGapMm));
  if (needLeft + needRight + minGapMm <= textWidthMm) {
    const left = Math.min(Math.max(preferredLeft, needLeft + minGapMm / 2), total - needRight - minGapMm / 2);
    return { widthsMm: [left, total - left], fits: true };
  }
  const left = (textWidthMm * needLeft) / (needLeft + needRight);
  return { widthsMm: [left, textWidthMm - left], fits: false };
}

/** A line of a column and the width it needs to stay on one line (neededWidthMm). */
export interface MeasuredLine {
  role: string;
  text: string;
  /** The line's first run, whose source a warning names. */
  firstRun: TextRun;
  widthMm: number;
}

/** Every line of literal paragraphs (a template's second line is a line of its own), measured. */
export function measureLines(blocks: readonly ColumnContent[], measure: MeasureTextMm): MeasuredLine[] {
  return blocks.flatMap((block) => {
    if (block.kind !== 'paragraph') return [];
    const indentMm = block.style.leftIndentMm + Math.max(0, block.style.firstLineIndentMm);
    const lines: { text: string; runs: TextRun[] }[] = [{ text: '', runs: [] }];
    for (const run of block.runs) {
      if (run.kind === 'break') lines.push({ text: '', runs: [] });
      else lines[lines.length - 1]!.runs.push(run);
    }
    return lines
      .filter((line) => line.runs.length > 0)
      .map((line) => ({
        role: block.role,
        text: line.runs.map((run) => run.text).join(''),
        firstRun: line.runs[0]!,
        widthMm: neededWidthMm(
          indentMm + line.runs.reduce((sum, run) => sum + measure(run.text, block.style.sizePt, run.bold, run.italic), 0),
          block.style.sizePt,
          line.runs.some((run) => run.italic),
        ),
      }));
  });
}

export function longest(lines: readonly MeasuredLine[]): MeasuredLine | undefined {
  return lines.reduce<MeasuredLine | undefined>((best, line) => (best === undefined || line.widthMm > best.widthMm ? line : best), undefined);
}

import type { FontStyleName } from '../../fonts/font-files.js';
import type { TextContent } from './flow-items.js';
import { PortionWidth, type BrokenLine } from './line-breaking.js';
import { shapedWord, type ShapedWord } from './font-shaping.js';
import { sameStyle, type RunStyle, type ShapedParagraph, type TextUnit } from './paragraph-shaping.js';
import type { PdfFace, PdfFontFamily } from './pdf-fonts.js';
import { pxToPt } from './units.js';

/**
 * Where the text of one broken line is drawn, horizontally: every word where LibreOffice draws
 * it, with LibreOffice's advances (pixels of its reference device, portions on whole twips),
 * justification and alignment.
 *
 * The line is drawn in segments, each one pdfkit text call: words of one style separated by
 * single spaces of that style. pdfkit draws a segment with `wordSpacing` as its words without
 * their spaces, each gap its own space width plus wordSpacing; wordSpacing is chosen so that the
 * segment's last word starts exactly where LibreOffice starts it (the first one is placed there),
 * which keeps every word in between within a few hundredths of a point. Anything else (a tab,
 * several spaces, a change of style, an unusual blank such as U+00A0, which pdfkit would take for
 * a gap) ends a segment, and the next one is placed on its own.
 */

interface LineSegment {
  /** The words drawn, as shaped, a single space of the segment's style between each two. */
  words: ShapedWord[];
  face: FontStyleName;
  /** From the left edge of the paragraph's box, in points. */
  x: number;
  /** For pdfkit: added to each gap; 0 when the segment is a single word. */
  wordSpacing: number;
}

/** A stretch of underlined text, from the left edge of the paragraph's box, in points. */
interface UnderlineSpan {
  face: FontStyleName;
  x1: number;
  x2: number;
}

interface PlacedLine {
  segments: LineSegment[];
  underlines: UnderlineSpan[];
}

export function placeLine(content: TextContent, line: BrokenLine, family: PdfFontFamily): PlacedLine {
  const { shaped } = content;
  const { units, sizePt } = shaped;
  // x of unit i is offsets[i - line.start]
  const offsets = unitPositions(content, line);
  const segments: LineSegment[] = [];
  let index = line.start;
  while (index < line.end) {
    const unit = units[index] as TextUnit;
    if (unit.kind !== 'char') {
      index++;
      continue;
    }
    const face = family.faces[unit.style.face];
    const x = offsets[index - line.start] as number;
    if (unit.blank) {
      segments.push({ words: [shapedWord(face, unit.text)], face: unit.style.face, x, wordSpacing: 0 });
      index++;
      continue;
    }
    const words: ShapedWord[] = [];
    let stop = index;
    let lastWord = index;
    for (;;) {
      const wordStart = stop;
      while (drawable(units, stop, line.end, unit.style)) stop++;
      words.push(wordOf(shaped, wordStart, stop, face));
      const gap = units[stop];
      if (gap?.kind === 'space' && sameStyle(gap.style, unit.style) && drawable(units, stop + 1, line.end, unit.style)) {
        stop++;
        lastWord = stop;
        continue;
      }
      break;
    }
    let wordSpacing = 0;
    if (words.length > 1) {
      // pdfkit advances over each word before the last and the space after it, unrounded
      let drawnUnits = 0;
      for (let at = index; at < lastWord; at++) drawnUnits += (units[at] as TextUnit).advanceUnits;
      const drawnBefore = (drawnUnits / face.unitsPerEm) * sizePt;
      wordSpacing = ((offsets[lastWord - line.start] as number) - x - drawnBefore) / (words.length - 1);
    }
    segments.push({ words, face: unit.style.face, x, wordSpacing });
    index = stop;
  }
  return { segments, underlines: underlineSpans(units, line, offsets) };
}

/** Whether the unit at `at` continues a word of `style` drawn on the line (which ends at `end`). */
function drawable(units: readonly TextUnit[], at: number, end: number, style: RunStyle): boolean {
  const next = units[at];
  return at < end && next !== undefined && next.kind === 'char' && !next.blank && sameStyle(next.style, style);
}

/**
 * The word of units [start, end) as shaped: the piece the paragraph was shaped in when the word
 * is that whole piece (almost always), else (a word broken across lines, or cut short by a blank
 * such as U+00A0) its text shaped alone, as pdfkit would.
 */
function wordOf(shaped: ShapedParagraph, start: number, end: number, face: PdfFace): ShapedWord {
  const { pieces, pieceStarts, units } = shaped;
  // the last piece starting at or before `start`
  let low = 0;
  let high = pieceStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((pieceStarts[middle] as number) <= start) low = middle;
    else high = middle - 1;
  }
  const piece = pieces[low];
  if (piece !== undefined && pieceStarts[low] === start && start + piece.advances.length === end) return piece;
  let text = '';
  for (let at = start; at < end; at++) text += (units[at] as TextUnit).text;
  return shapedWord(face, text);
}

/**
 * LibreOffice's x of each unit of the line and of its end (index - line.start), from the left
 * edge of the box, in points. A justified line spreads its slack evenly over the spaces after its last tab (text
 * before a tab stays where the tab stop puts it); a paragraph's last line and lines ending in a
 * manual break are not justified (the DOCX sets doNotExpandShiftReturn). Centred and
 * right-aligned lines are moved by the room they leave; lines with a tab are drawn from the left,
 * as the writer has always drawn them.
 */
function unitPositions(content: TextContent, line: BrokenLine): Float64Array {
  const units = content.shaped.units;
  const align = content.shaped.spec.align ?? 'left';
  let lastTab = line.start - 1;
  for (let index = line.start; index < line.end; index++) if ((units[index] as TextUnit).kind === 'tab') lastTab = index;
  const justify = align === 'justify' && line.ending !== 'break' && line.ending !== 'last';
  let spaces = 0;
  if (justify) for (let index = lastTab + 1; index < line.end; index++) if ((units[index] as TextUnit).kind === 'space') spaces++;
  const slackPx = line.availablePx - line.widthPx;
  const extraPx = spaces > 0 ? slackPx / spaces : 0;
  const tabbed = lastTab >= line.start;
  const shiftPx = line.offsetPx + (tabbed ? 0 : align === 'center' ? slackPx / 2 : align === 'right' ? slackPx : 0);

  const x = positionsFor(line.end - line.start + 1);
  const width = new PortionWidth(line.offsetPx, line.tabStopPx);
  let stretched = 0;
  for (let index = line.start; index <= line.end; index++) {
    const unit = index < line.end ? (units[index] as TextUnit) : undefined;
    if (unit) width.enter(unit);
    x[index - line.start] = pxToPt(shiftPx + width.px + extraPx * stretched);
    if (unit) {
      width.add(unit);
      if (unit.kind === 'space' && index > lastTab) stretched++;
    }
  }
  return x;
}

/**
 * Underlined stretches of the line: each run of one underlined style, spaces inside it included
 * (the spaces that end a line are not part of it, see BrokenLine.end).
 */
function underlineSpans(units: TextUnit[], line: BrokenLine, offsets: Float64Array): UnderlineSpan[] {
  const spans: UnderlineSpan[] = [];
  let index = line.start;
  while (index < line.end) {
    const unit = units[index] as TextUnit;
    let stop = index + 1;
    while (stop < line.end && sameStyle((units[stop] as TextUnit).style, unit.style)) stop++;
    if (unit.style.underline) spans.push({ face: unit.style.face, x1: offsets[index - line.start] as number, x2: offsets[stop - line.start] as number });
    index = stop;
  }
  return spans;
}

/**
 * unitPositions' array, used again for every line: placeLine has read it before it places the
 * next line. A new array per line was a tenth of what drawing a document allocated.
 */
let positions = new Float64Array(512);

function positionsFor(count: number): Float64Array {
  if (positions.length < count) positions = new Float64Array(Math.max(count, 2 * positions.length));
  return positions;
}

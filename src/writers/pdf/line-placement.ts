import type { FontStyleName } from '../../fonts/font-files.js';
import type { TextContent } from './flow-items.js';
import { PortionWidth, type BrokenLine } from './line-breaking.js';
import { sameStyle, type TextUnit } from './paragraph-shaping.js';
import type { PdfFontFamily } from './pdf-fonts.js';
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
  /** The words drawn, a single space of the segment's style between each two. */
  words: string[];
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
  const units = content.shaped.units;
  const offsets = unitPositions(content, line);
  const x = (index: number) => offsets[index - line.start] as number;
  const { sizePt } = content.shaped;
  const segments: LineSegment[] = [];
  let index = line.start;
  while (index < line.end) {
    const unit = units[index] as TextUnit;
    if (unit.kind !== 'char') {
      index++;
      continue;
    }
    const drawable = (at: number) => {
      const next = units[at];
      return at < line.end && next !== undefined && next.kind === 'char' && !next.blank && sameStyle(next.style, unit.style);
    };
    if (unit.blank) {
      segments.push({ words: [unit.text], face: unit.style.face, x: x(index), wordSpacing: 0 });
      index++;
      continue;
    }
    const face = family.faces[unit.style.face];
    const words: string[] = [];
    let word = '';
    let stop = index;
    let lastWord = index;
    for (;;) {
      while (drawable(stop)) word += (units[stop++] as TextUnit).text;
      const gap = units[stop];
      if (gap?.kind === 'space' && sameStyle(gap.style, unit.style) && drawable(stop + 1)) {
        words.push(word);
        word = '';
        stop++;
        lastWord = stop;
        continue;
      }
      break;
    }
    let wordSpacing = 0;
    if (words.length > 0) {
      // pdfkit advances over each word before the last and the space after it, unrounded
      let drawnUnits = 0;
      for (let at = index; at < lastWord; at++) drawnUnits += (units[at] as TextUnit).advanceUnits;
      const drawnBefore = (drawnUnits / face.unitsPerEm) * sizePt;
      wordSpacing = (x(lastWord) - x(index) - drawnBefore) / words.length;
    }
    words.push(word);
    segments.push({ words, face: unit.style.face, x: x(index), wordSpacing });
    index = stop;
  }
  return { segments, underlines: underlineSpans(units, line, x) };
}

/**
 * LibreOffice's x of each unit of the line and of its end (index - line.start), from the left
 * edge of the box, in points. A justified line spreads its slack evenly over the spaces after its last tab (text
 * before a tab stays where the tab stop puts it); a paragraph's last line and lines ending in a
 * manual break are not justified (the DOCX sets doNotExpandShiftReturn). Centred and
 * right-aligned lines are moved by the room they leave; lines with a tab are drawn from the left,
 * as the writer has always drawn them.
 */
function unitPositions(content: TextContent, line: BrokenLine): number[] {
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

  const x: number[] = [];
  const width = new PortionWidth(line.offsetPx, line.tabStopPx);
  let stretched = 0;
  for (let index = line.start; index <= line.end; index++) {
    const unit = index < line.end ? (units[index] as TextUnit) : undefined;
    if (unit) width.enter(unit);
    x.push(pxToPt(shiftPx + width.px + extraPx * stretched));
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
function underlineSpans(units: TextUnit[], line: BrokenLine, x: (index: number) => number): UnderlineSpan[] {
  const spans: UnderlineSpan[] = [];
  let index = line.start;
  while (index < line.end) {
    const unit = units[index] as TextUnit;
    let stop = index + 1;
    while (stop < line.end && sameStyle((units[stop] as TextUnit).style, unit.style)) stop++;
    if (unit.style.underline) spans.push({ face: unit.style.face, x1: x(index), x2: x(stop) });
    index = stop;
  }
  return spans;
}

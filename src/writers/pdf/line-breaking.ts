import { sameStyle, type TextUnit } from './paragraph-shaping.js';
import { PX_PER_TWIP } from './units.js';

/**
 * Greedy line breaking as LibreOffice does it for the DOCX: a line takes every word whose right
 * edge, in LibreOffice's own rounded glyph advances, does not pass the available width (less an
 * allowance for the overhang of italic text); spaces at the end of a line hang in the margin; a
 * word longer than the line is cut where it overflows; a tab moves on to the next default tab
 * stop, counted from the left edge of the paragraph's box whatever its indents (Word's rule,
 * which LibreOffice follows for a DOCX).
 */

export interface BrokenLine {
  /** First unit of the line. */
  start: number;
  /**
   * End of the line's text (exclusive), without its manual break and without trailing spaces,
   * except before a manual break: LibreOffice counts those when it centres or right-aligns a line.
   */
  end: number;
  /** Where the next line starts. */
  next: number;
  /** Width of units[start, end) in reference-device pixels. */
  widthPx: number;
  /** Width the line may use, in the same pixels. */
  availablePx: number;
  /** Where the line starts, from the left edge of the paragraph's box (the indents), in pixels. */
  offsetPx: number;
  /** The distance between tab stops, in pixels. */
  tabStopPx: number;
  /**
   * Why it ends: at a space, at a manual break, at another break opportunity (after a hyphen or
   * dash), cut inside a word, or at the paragraph's end.
   */
  ending: 'space' | 'break' | 'hyphen' | 'cut' | 'last';
}

interface LineWidths {
  /** Width of the paragraph's box (text area or table column) in twips. */
  boxTwips: number;
  leftIndentTwips: number;
  firstLineIndentTwips: number;
  /** The distance between default tab stops (the layout's). */
  tabStopTwips: number;
}

export function breakLines(units: TextUnit[], widths: LineWidths): BrokenLine[] {
  const lines: BrokenLine[] = [];
  let start = 0;
  do {
    const firstLine = lines.length === 0;
    const offsetTwips = widths.leftIndentTwips + (firstLine ? widths.firstLineIndentTwips : 0);
    const line = nextLine(units, start, (widths.boxTwips - offsetTwips) * PX_PER_TWIP, offsetTwips * PX_PER_TWIP, widths.tabStopTwips * PX_PER_TWIP);
    lines.push(line);
    start = line.next;
  } while (start < units.length || lines[lines.length - 1]?.ending === 'break');
  return lines;
}

function nextLine(units: TextUnit[], start: number, availablePx: number, offsetPx: number, tabStopPx: number): BrokenLine {
  const width = new PortionWidth(offsetPx, tabStopPx);
  for (let index = start; index < units.length; index++) {
    const unit = units[index] as TextUnit;
    if (unit.kind === 'break') {
      // Spaces before a manual break that run past the margin end the line themselves: the
      // break then starts a line of its own, which LibreOffice shows as an empty line.
      if (width.px > availablePx && index > start) return finish(units, start, index, index, 'space', availablePx, offsetPx, tabStopPx);
      return finish(units, start, index, index + 1, 'break', availablePx, offsetPx, tabStopPx);
    }
    width.enter(unit);
    if (unit.kind === 'char' && width.px + unit.advancePx > availablePx - unit.italicReservePx) {
      const at = breakBefore(units, start, index);
      if (at !== undefined) return finish(units, start, at, at, (units[at - 1] as TextUnit).kind === 'char' ? 'hyphen' : 'space', availablePx, offsetPx, tabStopPx);
      // No opportunity on the line: cut the word where it overflows, keeping at least one character.
      const cut = index > start ? index : index + 1;
      return finish(units, start, cut, cut, 'cut', availablePx, offsetPx, tabStopPx);
    }
    width.add(unit);
  }
  return finish(units, start, units.length, units.length, 'last', availablePx, offsetPx, tabStopPx);
}

/**
 * A line's width as LibreOffice adds it up: a portion (a stretch of one style) is measured in
 * reference-device pixels, and once the next portion starts its width is kept in whole twips,
 * rounded to the nearest.
 */
export class PortionWidth {
  private done = 0;
  private current = 0;
  private style: TextUnit['style'] | undefined;

  /**
   * `offsetPx`: where the line starts from the left edge of the box, which tab stops count from;
   * `tabStopPx`: the distance between tab stops.
   */
  constructor(
    private readonly offsetPx: number,
    private readonly tabStopPx: number,
  ) {}

  /** Starts a new portion when the unit's style differs from the current one. */
  enter(unit: TextUnit): void {
    if (this.style && !sameStyle(this.style, unit.style)) this.close();
    this.style = unit.style;
  }

  add(unit: TextUnit): void {
    if (unit.kind !== 'tab') {
      this.current += unit.advancePx;
      return;
    }
    // A tab is a portion of its own that ends on the next stop after the text before it.
    this.close();
    const stop = this.tabStopPx;
    this.done = (Math.floor((this.offsetPx + this.done) / stop) + 1) * stop - this.offsetPx;
    this.style = undefined;
  }

  get px(): number {
    return this.done + this.current;
  }

  /** The width with the last portion rounded too, as LibreOffice justifies a finished line. */
  get finishedPx(): number {
    return this.done + Math.round(this.current / PX_PER_TWIP) * PX_PER_TWIP;
  }

  private close(): void {
    this.done += Math.round(this.current / PX_PER_TWIP) * PX_PER_TWIP;
    this.current = 0;
  }
}

function finish(
  units: TextUnit[],
  start: number,
  stop: number,
  next: number,
  ending: BrokenLine['ending'],
  availablePx: number,
  offsetPx: number,
  tabStopPx: number,
): BrokenLine {
  let end = stop;
  if (ending !== 'break') while (end > start && (units[end - 1] as TextUnit).kind === 'space') end--;
  const width = new PortionWidth(offsetPx, tabStopPx);
  for (let index = start; index < end; index++) {
    const unit = units[index] as TextUnit;
    width.enter(unit);
    width.add(unit);
  }
  return { start, end, next, widthPx: width.finishedPx, availablePx, offsetPx, tabStopPx, ending };
}

/** Characters after which LibreOffice breaks inside a word: hyphen, hyphen-like dashes, ellipsis, ? and !. */
const BREAK_AFTER = new Set(['-', '\u2010', '\u2013', '\u2014', '\u2026', '?', '!']);
/** Characters before which it breaks too: the em dash (UAX #14 class B2). */
const BREAK_BEFORE = new Set(['\u2014']);
/** LB14: never break after an opening bracket, even when spaces follow it. */
const OPENING = new Set(['(', '[', '{']);

/**
 * The last position p in (start, overflow] where a line may end before units[p]. Mirrors what
 * LibreOffice 7 (ICU rules) was observed to do with the characters of Vietnamese official text.
 */
function breakBefore(units: TextUnit[], start: number, overflow: number): number | undefined {
  for (let at = overflow; at > start; at--) {
    const before = units[at - 1] as TextUnit;
    const after = units[at] as TextUnit;
    if (after.kind === 'space') continue;
    if (before.kind === 'tab') return at;
    if (before.kind === 'space') {
      let wordEnd = at - 1;
      while (wordEnd > start && (units[wordEnd - 1] as TextUnit).kind === 'space') wordEnd--;
      if (wordEnd === start) continue; // only spaces before: the line would be empty
      if (OPENING.has((units[wordEnd - 1] as TextUnit).text)) continue;
      return at;
    }
    if (BREAK_AFTER.has(before.text) && at - 2 >= start && (units[at - 2] as TextUnit).kind === 'char' && !slashAhead(units, at, overflow)) {
      return at;
    }
    if (BREAK_BEFORE.has(after.text) && before.kind === 'char') return at;
  }
  return undefined;
}

/**
 * LibreOffice does not break after a hyphen when the word continues with a slash that lies two or
 * more characters before the overflow ("127-KH/ĐU," overflowing at "U" moves as a whole).
 */
function slashAhead(units: TextUnit[], at: number, overflow: number): boolean {
  for (let index = at; index <= overflow - 2; index++) if ((units[index] as TextUnit).text === '/') return true;
  return false;
}

import type { HorizontalAlign } from '../../model/document.js';
import type { TextContent } from './flow-items.js';
import { PortionWidth, type BrokenLine } from './line-breaking.js';
import { sameStyle, type RunStyle, type TextUnit } from './paragraph-shaping.js';
import { lineHeightFactor, type PdfFontFamily } from './pdf-fonts.js';
import { pdfkitWidth, trailingSpacesWidth } from './pdfkit-measure.js';
import { ptToTwips, pxToPt, twipsToPt } from './units.js';

/**
 * The pdfmake inlines of one line, in one of four forms (text-nodes.ts decides which):
 * - "flow": one inline per word with its trailing spaces; pdfmake, aligning the line "justify",
 *   widens every gap between inlines by the same amount, as LibreOffice widens every space;
 * - "spaced": the words at LibreOffice's own positions, justification included, each gap an
 *   inline of spaces whose font size gives it the gap's exact width (never larger than the text's
 *   size, which would lower the baseline: a wide gap gets more spaces instead);
 * - "tabbed": the same without justification, for unjustified lines holding a tab (a tab is drawn
 *   as such a gap, reaching its tab stop);
 * - "plain": one inline per word or style change, aligned left, centre or right by pdfmake.
 */

export type LineForm = 'flow' | 'spaced' | 'tabbed' | 'plain';

/**
 * What all inlines of a paragraph share. pdfmake looks each property up on the inline first, then
 * on the node: leaving them on the node keeps the thousands of inlines of a document small.
 */
export interface NodeStyle {
  font: string;
  fontSize: number;
  lineHeight: number;
  color: string;
  /** Inlines are never split or wrapped by pdfmake: the line breaks are decided here. */
  noWrap: true;
  /** A paragraph that starts with spaces keeps them, as LibreOffice does. */
  preserveLeadingSpaces: true;
}

/** A pdfmake inline: its text and only what differs from the node. */
export interface Inline {
  text: string;
  bold?: true;
  italics?: true;
  decoration?: 'underline';
  /** Set on a line's first inline: pdfmake aligns each line by its first inline's alignment. */
  alignment?: 'left' | 'center' | 'right' | 'justify';
  fontSize?: number;
  lineHeight?: number;
  noNewLine?: true;
  leadingIndent?: number;
  /** Spaces before a manual break count in the line's width, as in LibreOffice. */
  preserveTrailingSpaces?: true;
}

/** An inline with the width pdfmake will measure for it and the spaces it cuts at a line end. */
export interface MeasuredInline {
  inline: Inline;
  width: number;
  trailingCut: number;
}

/** One paragraph's drawing context: its content, the family and the style its inlines share. */
export class ParagraphInlines {
  readonly style: NodeStyle;
  private readonly lineHeightPt: number;

  constructor(
    readonly content: TextContent,
    private readonly family: PdfFontFamily,
    color: string,
  ) {
    const { sizePt } = content.shaped.block.style;
    this.lineHeightPt = exactLineHeightPt(content);
    this.style = {
      font: family.key,
      fontSize: sizePt,
      lineHeight: lineHeightFactor(family.faces.normal, sizePt, this.lineHeightPt),
      color,
      noWrap: true,
      preserveLeadingSpaces: true,
    };
  }

  line(line: BrokenLine, form: LineForm): MeasuredInline[] {
    if (form === 'spaced' || form === 'tabbed') return this.spacedLine(line, form === 'spaced');
    return this.wordsLine(line, form);
  }

  alignment(form: LineForm): NonNullable<Inline['alignment']> {
    const { align } = this.content.shaped.block.style;
    if (form === 'flow') return 'justify';
    if (form !== 'plain' || align === 'justify') return 'left';
    return align as Exclude<HorizontalAlign, 'justify'>;
  }

  /**
   * A flow line keeps its trailing spaces: pdfmake cuts them when measuring, and its own line
   * breaker must see "word next" rather than "wordnext" across the line end.
   */
  private wordsLine(line: BrokenLine, form: LineForm): MeasuredInline[] {
    const units = this.content.shaped.units;
    const stop = form === 'flow' ? line.next : line.end;
    const tokens: { start: number; end: number }[] = [];
    for (let index = line.start; index < stop; index++) {
      const unit = units[index] as TextUnit;
      if (unit.kind === 'break') break;
      const previous = units[index - 1];
      const startsToken = index === line.start || !previous || (previous.kind === 'space' && unit.kind !== 'space') || !sameStyle(previous.style, unit.style);
      if (startsToken) tokens.push({ start: index, end: index + 1 });
      else (tokens[tokens.length - 1] as { end: number }).end = index + 1;
    }
    if (tokens.length === 0) return [this.measure('', units[line.start]?.style ?? units[0]?.style)];
    const measured = tokens.map((token) => this.measure(text(units, token.start, token.end), (units[token.start] as TextUnit).style));
    const last = measured[measured.length - 1] as MeasuredInline;
    if (line.ending === 'break' && last.trailingCut > 0) {
      last.inline.preserveTrailingSpaces = true;
      last.trailingCut = 0;
    }
    return measured;
  }

  /**
   * Words at LibreOffice's positions. A justified line spreads its slack over the spaces after
   * its last tab, as LibreOffice does (text before a tab stays where the tab stop puts it).
   */
  private spacedLine(line: BrokenLine, justify: boolean): MeasuredInline[] {
    const units = this.content.shaped.units;
    let lastTab = line.start - 1;
    for (let index = line.start; index < line.end; index++) if ((units[index] as TextUnit).kind === 'tab') lastTab = index;
    let spaces = 0;
    for (let index = lastTab + 1; index < line.end; index++) if ((units[index] as TextUnit).kind === 'space') spaces++;
    const extraPx = justify && spaces > 0 ? (line.availablePx - line.widthPx) / spaces : 0;

    // LibreOffice's x of each unit of the line, in points: portions start on whole twips.
    const x: number[] = [];
    const width = new PortionWidth(line.offsetPx);
    let stretched = 0;
    for (let index = line.start; index <= line.end; index++) {
      const unit = index < line.end ? (units[index] as TextUnit) : undefined;
      if (unit) width.enter(unit);
      x[index] = pxToPt(width.px + extraPx * stretched);
      if (unit) {
        width.add(unit);
        if (unit.kind === 'space' && index > lastTab) stretched++;
      }
    }

    const result: MeasuredInline[] = [];
    let drawnTo = 0;
    let index = line.start;
    while (index < line.end) {
      const unit = units[index] as TextUnit;
      let stop = index + 1;
      if (unit.kind === 'char') {
        while (stop < line.end && (units[stop] as TextUnit).kind === 'char' && sameStyle((units[stop] as TextUnit).style, unit.style)) stop++;
        result.push(this.measure(text(units, index, stop), unit.style));
      } else {
        // Spaces and tabs: one gap reaching where the next word starts.
        while (stop < line.end && (units[stop] as TextUnit).kind !== 'char') stop++;
        result.push(this.gap(unit.style, stop - index, (x[stop] as number) - drawnTo));
      }
      drawnTo += (result[result.length - 1] as MeasuredInline).width;
      index = stop;
    }
    if (result.length === 0) return [this.measure('', units[line.start]?.style)];
    return result;
  }

  /** At least `count` spaces that together are `width` wide. */
  private gap(style: RunStyle, count: number, width: number): MeasuredInline {
    const face = this.family.faces[style.face];
    const spaceEm = face.spaceAdvance / face.unitsPerEm;
    const target = Math.max(width, 0.01);
    const spaces = Math.max(count, Math.ceil(target / (spaceEm * this.style.fontSize) - 1e-9));
    return this.measure(' '.repeat(spaces), style, target / (spaces * spaceEm));
  }

  private measure(value: string, style: RunStyle | undefined, fontSize = this.style.fontSize): MeasuredInline {
    const runStyle = style ?? { face: 'normal', underline: false };
    const face = this.family.faces[runStyle.face];
    const inline: Inline = { text: value };
    if (runStyle.face === 'bold' || runStyle.face === 'bolditalics') inline.bold = true;
    if (runStyle.face === 'italics' || runStyle.face === 'bolditalics') inline.italics = true;
    if (runStyle.underline) inline.decoration = 'underline';
    if (fontSize !== this.style.fontSize) inline.fontSize = fontSize;
    // Every inline is exactly one line tall, whatever its face's metrics or (for gaps) its size.
    const lineHeight = lineHeightFactor(face, fontSize, this.lineHeightPt);
    if (lineHeight !== this.style.lineHeight) inline.lineHeight = lineHeight;
    return { inline, width: pdfkitWidth(value, face, fontSize), trailingCut: trailingSpacesWidth(value, face, fontSize) };
  }
}

/** The exact line height LibreOffice uses: the DOCX's twips, back in points. */
export function exactLineHeightPt(content: TextContent): number {
  return twipsToPt(ptToTwips(content.shaped.block.style.lineHeightPt));
}

function text(units: TextUnit[], start: number, end: number): string {
  let value = '';
  for (let index = start; index < end; index++) value += (units[index] as TextUnit).text;
  return value;
}

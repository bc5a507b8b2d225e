import type { HorizontalAlign } from '../../model/document.js';
import type { TextContent } from './flow-items.js';
import { PortionWidth, type BrokenLine } from './line-breaking.js';
import { FONT_FEATURES, sameStyle, type RunStyle, type TextUnit } from './paragraph-shaping.js';
import { lineHeightFactor, type PdfFontFamily } from './pdf-fonts.js';
import { edgeSpacesWidth, pdfkitWidth } from './pdfkit-measure.js';
import { mmToTwips, pxToPt, twipsToPt } from './units.js';

/**
 * pdfmake text nodes for some lines of a paragraph, with every line break decided beforehand
 * (line-breaking.ts) and enforced: the inlines of a line are chained with noNewLine, so pdfmake
 * cannot wrap inside a line, and a line ends either its node or the chain pdfmake cannot fit after it.
 *
 * Three ways to write a line:
 * - "flow": one inline per word with its trailing spaces, alignment justify; pdfmake stretches the
 *   gaps between inlines evenly, as LibreOffice stretches spaces. Used for justified lines that end
 *   at a space and are followed by another line of the same node.
 * - "spaced": justified by the writer: words at LibreOffice's positions, each gap an inline of
 *   spaces whose font size gives it the gap's exact width. Used where pdfmake cannot justify: the
 *   last line of a node (page break), lines broken after a hyphen or inside a word, and lines where
 *   a style changes inside a word (pdfmake would widen that seam too).
 * - "plain": not justified (left, centre, right, a paragraph's last line, a line ending in a
 *   manual break — the DOCX sets doNotExpandShiftReturn). Always the last line of its node.
 */

export interface TextNode {
  lineCount: number;
  /** Properties every inline of the node shares, set once on the pdfmake text node. */
  style: NodeStyle;
  inlines: Inline[];
}

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
  fontFeatures: Record<string, boolean>;
}

/** A pdfmake inline: its text and only what differs from the node. */
export interface Inline {
  text: string;
  bold?: true;
  italics?: true;
  decoration?: 'underline';
  /** On a line's first inline: pdfmake aligns each line by its first inline's alignment. */
  alignment?: 'left' | 'center' | 'right' | 'justify';
  fontSize?: number;
  lineHeight?: number;
  noNewLine?: true;
  leadingIndent?: number;
}

/** An inline with the measures pdfmake will compute for it (see pdfkit-measure.ts). */
interface MeasuredInline {
  inline: Inline;
  width: number;
  trailingCut: number;
}

type Mode = 'flow' | 'spaced' | 'plain';

export interface TextNodeContext {
  family: PdfFontFamily;
  color: string;
}

export function textNodes(content: TextContent, from: number, to: number, ctx: TextNodeContext): TextNode[] {
  const { style } = content.shaped.block;
  const lines = content.lines.slice(from, to);
  const maxWidth = twipsToPt(content.boxTwips - mmToTwips(style.leftIndentMm));
  const firstLineIndent = from === 0 ? twipsToPt(mmToTwips(style.firstLineIndentMm)) : 0;

  const modes: Mode[] = lines.map((line, index) => initialMode(content, line, index === lines.length - 1, lines[index + 1]));
  const built: MeasuredInline[][] = lines.map((line, index) => buildLine(content, line, modes[index] as Mode, ctx));

  // From the last line up, so each check sees the final form of the line after it.
  for (let index = lines.length - 2; index >= 0; index--) {
    if (modes[index] !== 'flow') continue;
    const indent = index === 0 ? firstLineIndent : 0;
    if (pdfmakeWouldJoin(built[index] as MeasuredInline[], built[index + 1] as MeasuredInline[], indent, maxWidth)) {
      modes[index] = 'spaced';
      built[index] = buildLine(content, lines[index] as BrokenLine, 'spaced', ctx);
    }
  }

  const nodes: TextNode[] = [];
  let current: MeasuredInline[] = [];
  let count = 0;
  const nodeStyle = paragraphStyle(content, ctx);
  lines.forEach((_line, index) => {
    const inlines = built[index] as MeasuredInline[];
    inlines.forEach((measured, position) => {
      if (position < inlines.length - 1) measured.inline.noNewLine = true;
    });
    (inlines[0] as MeasuredInline).inline.alignment = lineAlignment(style.align, modes[index] as Mode);
    current.push(...inlines);
    count++;
    if (modes[index] !== 'flow') {
      nodes.push({ lineCount: count, style: nodeStyle, inlines: current.map((measured) => measured.inline) });
      current = [];
      count = 0;
    }
  });
  const first = nodes[0]?.inlines[0];
  if (first && firstLineIndent !== 0) first.leadingIndent = firstLineIndent;
  return nodes;
}

function initialMode(content: TextContent, line: BrokenLine, lastOfNode: boolean, nextLine: BrokenLine | undefined): Mode {
  const { align } = content.shaped.block.style;
  const justified = align === 'justify' && line.ending !== 'break' && line.ending !== 'last';
  if (!justified) return 'plain';
  const units = content.shaped.units;
  if (lastOfNode || line.ending !== 'space' || !wordsHaveOneStyle(units, line.start, line.next)) return 'spaced';
  // pdfmake's own line breaker must see a break between this line and the next, or it chains them
  // into one line: not so before an empty line (a manual break right after), nor between a
  // quotation mark and an opening bracket (UAX #14 LB15).
  const lastChar = units[line.end - 1]?.text ?? '';
  const nextEmpty = nextLine !== undefined && nextLine.end === nextLine.start;
  const nextChar = nextLine ? (units[nextLine.start]?.text ?? '') : '';
  if (nextEmpty || (QUOTES.has(lastChar) && OPENING.has(nextChar))) return 'spaced';
  return 'flow';
}

const QUOTES = new Set(['"', "'", '\u201C', '\u201D', '\u2018', '\u2019', '\u00AB', '\u00BB']);
const OPENING = new Set(['(', '[', '{']);

/** True when every word, with the spaces after it, is in one style: pdfmake can then justify it. */
function wordsHaveOneStyle(units: TextUnit[], start: number, stop: number): boolean {
  for (let index = start + 1; index < stop; index++) {
    const previous = units[index - 1] as TextUnit;
    const unit = units[index] as TextUnit;
    if (sameStyle(previous.style, unit.style)) continue;
    if (!(previous.kind === 'space' && unit.kind !== 'space')) return false;
  }
  return true;
}

function buildLine(content: TextContent, line: BrokenLine, mode: Mode, ctx: TextNodeContext): MeasuredInline[] {
  const units = content.shaped.units;
  if (mode === 'spaced') return spacedLine(content, line, ctx);
  // A flow line keeps its trailing spaces: pdfmake cuts them when measuring, and its breaker must
  // see "word next" rather than "wordnext" across the line end.
  const stop = mode === 'flow' ? line.next : line.end;
  const tokens: { start: number; end: number }[] = [];
  for (let index = line.start; index < stop; index++) {
    const unit = units[index] as TextUnit;
    if (unit.kind === 'break') break;
    const previous = units[index - 1];
    const startsToken =
      index === line.start || !previous || (previous.kind === 'space' && unit.kind !== 'space') || !sameStyle(previous.style, unit.style);
    if (startsToken) tokens.push({ start: index, end: index + 1 });
    else (tokens[tokens.length - 1] as { end: number }).end = index + 1;
  }
  if (tokens.length === 0) return [measure(content, '', units[line.start]?.style ?? content.shaped.units[0]?.style, content.shaped.block.style.sizePt, ctx)];
  return tokens.map((token) => {
    const text = units.slice(token.start, token.end).map((unit) => unit.text).join('');
    return measure(content, text, (units[token.start] as TextUnit).style, content.shaped.block.style.sizePt, ctx);
  });
}

/** Words at LibreOffice's positions, LibreOffice's justification spread over the spaces. */
function spacedLine(content: TextContent, line: BrokenLine, ctx: TextNodeContext): MeasuredInline[] {
  const units = content.shaped.units;
  const { sizePt } = content.shaped.block.style;
  let spaces = 0;
  for (let index = line.start; index < line.end; index++) if ((units[index] as TextUnit).kind === 'space') spaces++;
  const extraPx = spaces > 0 ? (line.availablePx - line.widthPx) / spaces : 0;

  // LibreOffice's x of each unit of the line, in points: portions start on whole twips.
  const x: number[] = [];
  const width = new PortionWidth();
  let spacesBefore = 0;
  for (let index = line.start; index <= line.end; index++) {
    const unit = units[index];
    if (index < line.end && unit) width.enter(unit);
    x[index] = pxToPt(width.px + extraPx * spacesBefore);
    if (index < line.end && unit) {
      width.add(unit);
      if (unit.kind === 'space') spacesBefore++;
    }
  }

  const result: MeasuredInline[] = [];
  let index = line.start;
  let drawnTo = 0;
  while (index < line.end) {
    const unit = units[index] as TextUnit;
    if (unit.kind === 'space') {
      let stop = index;
      while (stop < line.end && (units[stop] as TextUnit).kind === 'space') stop++;
      const gap = (x[stop] as number) - drawnTo;
      result.push(gapInline(content, unit.style, stop - index, gap, sizePt, ctx));
      drawnTo += (result[result.length - 1] as MeasuredInline).width;
      index = stop;
      continue;
    }
    let stop = index + 1;
    while (stop < line.end && (units[stop] as TextUnit).kind === 'char' && sameStyle((units[stop] as TextUnit).style, unit.style)) stop++;
    const text = units.slice(index, stop).map((item) => item.text).join('');
    const measured = measure(content, text, unit.style, sizePt, ctx);
    result.push(measured);
    drawnTo += measured.width;
    index = stop;
  }
  if (result.length === 0) return [measure(content, '', units[line.start]?.style, sizePt, ctx)];
  return result;
}

/**
 * `count` spaces that together are `width` wide: the font size is scaled down (never up, which
 * would lower the line's baseline) and, for a gap wider than that many spaces at full size, more
 * spaces are used.
 */
function gapInline(
  content: TextContent,
  style: RunStyle,
  count: number,
  width: number,
  sizePt: number,
  ctx: TextNodeContext,
): MeasuredInline {
  const face = ctx.family.faces[style.face];
  const spaceEm = face.spaceAdvance / face.unitsPerEm;
  const target = Math.max(width, 0.01);
  const spacesNeeded = Math.max(count, Math.ceil(target / (spaceEm * sizePt) - 1e-9));
  const fontSize = target / (spacesNeeded * spaceEm);
  const text = ' '.repeat(spacesNeeded);
  return measure(content, text, style, fontSize, ctx);
}

function measure(content: TextContent, text: string, style: RunStyle | undefined, fontSize: number, ctx: TextNodeContext): MeasuredInline {
  const runStyle = style ?? { face: 'normal', underline: false };
  const face = ctx.family.faces[runStyle.face];
  const inline: Inline = { text };
  if (runStyle.face === 'bold' || runStyle.face === 'bolditalics') inline.bold = true;
  if (runStyle.face === 'italics' || runStyle.face === 'bolditalics') inline.italics = true;
  if (runStyle.underline) inline.decoration = 'underline';
  const nodeStyle = paragraphStyle(content, ctx);
  if (fontSize !== nodeStyle.fontSize) inline.fontSize = fontSize;
  // Every inline is exactly one line tall, whatever its face's metrics or (for gaps) its size.
  const lineHeight = lineHeightFactor(face, fontSize, lineHeightPt(content));
  if (lineHeight !== nodeStyle.lineHeight) inline.lineHeight = lineHeight;
  return { inline, width: pdfkitWidth(text, face, fontSize), trailingCut: edgeSpacesWidth(text, 'trailing', face, fontSize) };
}

function paragraphStyle(content: TextContent, ctx: TextNodeContext): NodeStyle {
  const { sizePt } = content.shaped.block.style;
  return {
    font: ctx.family.key,
    fontSize: sizePt,
    lineHeight: lineHeightFactor(ctx.family.faces.normal, sizePt, lineHeightPt(content)),
    color: ctx.color,
    noWrap: true,
    preserveLeadingSpaces: true,
    fontFeatures: { ...FONT_FEATURES },
  };
}

/** The exact line height LibreOffice uses: the DOCX's twips, back in points. */
export function lineHeightPt(content: TextContent): number {
  return twipsToPt(Math.round(content.shaped.block.style.lineHeightPt * 20));
}

function lineAlignment(align: HorizontalAlign, mode: Mode): Inline['alignment'] {
  if (mode === 'flow') return 'justify';
  if (mode === 'spaced' || align === 'justify') return 'left';
  return align;
}

/**
 * Would pdfmake pull the first inline of `next` (with everything chained to it) onto the line
 * holding `line`? Mirrors pdfmake 0.3's Line.hasEnoughSpaceForInline, with half a point to spare.
 */
function pdfmakeWouldJoin(line: MeasuredInline[], next: MeasuredInline[], leadingIndent: number, maxWidth: number): boolean {
  const lineWidths = line.reduce((total, measured) => total + measured.width, 0);
  const leadingCut = -leadingIndent;
  const chainWidth = next.reduce((total, measured) => total + measured.width, 0);
  const chainTrailingCut = next.reduce((total, measured) => total + measured.trailingCut, 0);
  return lineWidths + chainWidth - leadingCut - chainTrailingCut <= maxWidth + 0.5;
}

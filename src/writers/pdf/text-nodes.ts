import type { TextContent } from './flow-items.js';
import type { BrokenLine } from './line-breaking.js';
import { ParagraphInlines, type Inline, type LineForm, type MeasuredInline, type NodeStyle } from './line-inlines.js';
import { sameStyle, type TextUnit } from './paragraph-shaping.js';
import type { PdfFontFamily } from './pdf-fonts.js';
import { mmToTwips, twipsToPt } from './units.js';

/**
 * pdfmake text nodes for some lines of a paragraph. Every line break is decided beforehand
 * (line-breaking.ts) and enforced: the inlines of a line are chained with noNewLine, so pdfmake
 * cannot wrap inside a line, and a line ends either its node or a chain pdfmake cannot fit after
 * it. pdfmake justifies every line of a node but the last, so a node runs over justified "flow"
 * lines and ends with a line that needs no pdfmake justification: a "plain" one, or a "spaced"
 * one that carries its own (see line-inlines.ts).
 */

export interface TextNode {
  lineCount: number;
  style: NodeStyle;
  inlines: Inline[];
}

export interface TextNodeContext {
  family: PdfFontFamily;
  color: string;
}

export function textNodes(content: TextContent, from: number, to: number, ctx: TextNodeContext): TextNode[] {
  const { style } = content.shaped.block;
  const paragraph = new ParagraphInlines(content, ctx.family, ctx.color);
  const lines = content.lines.slice(from, to);
  const maxWidth = twipsToPt(content.boxTwips - mmToTwips(style.leftIndentMm));
  const firstLineIndent = from === 0 ? twipsToPt(mmToTwips(style.firstLineIndentMm)) : 0;

  const forms = lines.map((line, index) => lineForm(content, line, lines[index + 1], index === lines.length - 1));
  const built = lines.map((line, index) => paragraph.line(line, forms[index] as LineForm));
  // From the last line up, so each check sees the final form of the line after it.
  for (let index = lines.length - 2; index >= 0; index--) {
    if (forms[index] !== 'flow') continue;
    const indent = index === 0 ? firstLineIndent : 0;
    if (pdfmakeWouldJoin(built[index] as MeasuredInline[], built[index + 1] as MeasuredInline[], indent, maxWidth)) {
      forms[index] = 'spaced';
      built[index] = paragraph.line(lines[index] as BrokenLine, 'spaced');
    }
  }

  const nodes: TextNode[] = [];
  let inlines: Inline[] = [];
  let lineCount = 0;
  built.forEach((measured, index) => {
    const form = forms[index] as LineForm;
    measured.forEach((item, position) => {
      if (position < measured.length - 1) item.inline.noNewLine = true;
    });
    (measured[0] as MeasuredInline).inline.alignment = paragraph.alignment(form);
    inlines.push(...measured.map((item) => item.inline));
    lineCount++;
    if (form !== 'flow') {
      // Every other form is the last line of its node.
      nodes.push({ lineCount, style: paragraph.style, inlines });
      inlines = [];
      lineCount = 0;
    }
  });
  const first = nodes[0]?.inlines[0];
  if (first && firstLineIndent !== 0) first.leadingIndent = firstLineIndent;
  return nodes;
}

/**
 * Justified lines are "flow" where pdfmake can justify them as LibreOffice does, "spaced"
 * otherwise: as a node's last line, after a hyphen or a cut inside a word, where a style changes
 * inside a word (pdfmake would widen that seam too), and where pdfmake's own line breaker would
 * see no break before the next line: an empty line (a manual break right after) or a quotation
 * mark, spaces and an opening bracket (UAX #14 LB15); and lines with a tab, which LibreOffice
 * justifies only after the tab. A paragraph's last line and lines ending in a manual break are
 * not justified (the DOCX sets doNotExpandShiftReturn): "plain", or "tabbed" if they hold a tab.
 */
function lineForm(content: TextContent, line: BrokenLine, next: BrokenLine | undefined, lastOfNode: boolean): LineForm {
  const justified = content.shaped.block.style.align === 'justify' && line.ending !== 'break' && line.ending !== 'last';
  const units = content.shaped.units;
  const tabbed = units.slice(line.start, line.next).some((unit) => unit.kind === 'tab');
  if (!justified) return tabbed ? 'tabbed' : 'plain';
  if (tabbed || lastOfNode || !next || line.ending !== 'space' || !wordsHaveOneStyle(units, line.start, line.next)) return 'spaced';
  const nextEmpty = units.slice(next.start, next.end).every((unit) => unit.kind !== 'char');
  const quoteThenBracket = QUOTES.has(units[line.end - 1]?.text ?? '') && OPENING.has(units[next.start]?.text ?? '');
  return nextEmpty || quoteThenBracket ? 'spaced' : 'flow';
}

const QUOTES = new Set(['"', "'", '\u201C', '\u201D', '\u2018', '\u2019', '\u00AB', '\u00BB']);
const OPENING = new Set(['(', '[', '{']);

/** True when every word, with the spaces after it, is in one style. */
function wordsHaveOneStyle(units: TextUnit[], start: number, stop: number): boolean {
  for (let index = start + 1; index < stop; index++) {
    const previous = units[index - 1] as TextUnit;
    const unit = units[index] as TextUnit;
    if (!sameStyle(previous.style, unit.style) && !(previous.kind === 'space' && unit.kind !== 'space')) return false;
  }
  return true;
}

/**
 * Would pdfmake pull the next line's inlines (chained to its first) onto the line holding `line`?
 * Mirrors pdfmake 0.3's Line.hasEnoughSpaceForInline, with half a point to spare.
 */
function pdfmakeWouldJoin(line: MeasuredInline[], next: MeasuredInline[], leadingIndent: number, maxWidth: number): boolean {
  const lineWidths = line.reduce((total, item) => total + item.width, 0);
  const chainWidth = next.reduce((total, item) => total + item.width, 0);
  const chainTrailingCut = next.reduce((total, item) => total + item.trailingCut, 0);
  return lineWidths + chainWidth + leadingIndent - chainTrailingCut <= maxWidth + 0.5;
}

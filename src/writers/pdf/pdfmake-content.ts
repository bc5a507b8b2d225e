import type { PageNumbering } from '../../model/document.js';
import type { CellItem, FlowItem, LinesItem, RuleContent, TableItem, TextContent } from './flow-items.js';
import type { PagePlan, Placement } from './pagination.js';
import type { CellSlice, RowPart } from './table-rows.js';
import { ascenderPt, type PdfFontFamily } from './pdf-fonts.js';
import { exactLineHeightPt } from './line-inlines.js';
import { textNodes, type TextNodeContext } from './text-nodes.js';
import { mmToTwips, ptToTwips, twipsToPt } from './units.js';
import type { PageGeometry } from './page-geometry.js';

/**
 * The pdfmake content for a page plan. Every vertical position comes from the plan: each node's
 * top margin is the distance from where pdfmake's cursor stands to where the plan puts the node,
 * and the first node of every page after the first carries pageBreak "before". pdfmake never has
 * to decide a page break itself: its bottom margin is 0 (see index.ts), so everything the plan
 * puts on a page fits there for pdfmake too.
 */

type Node = Record<string, unknown>;

export interface ContentContext extends TextNodeContext {
  geometry: PageGeometry;
}

export function pageContent(plan: PagePlan, items: FlowItem[], ctx: ContentContext): Node[] {
  const content: Node[] = [];
  plan.pages.forEach((placements, pageIndex) => {
    const cursor = { y: twipsToPt(ctx.geometry.body.topTwips) };
    const nodes = placements.flatMap((placement) => placementNodes(placement, items, cursor, ctx));
    // A page always needs a node to exist in pdfmake, even one the plan leaves empty.
    if (nodes.length === 0) nodes.push({ canvas: [] });
    if (pageIndex > 0) (nodes[0] as Node).pageBreak = 'before';
    content.push(...nodes);
  });
  return content;
}

interface Cursor {
  y: number;
}

function placementNodes(placement: Placement, items: FlowItem[], cursor: Cursor, ctx: ContentContext): Node[] {
  const item = items[placement.item] as FlowItem;
  const top = twipsToPt(placement.topTwips);
  if (placement.kind === 'table') return [tableNode(item as TableItem, placement.part, top, cursor, ctx)];
  const lines = item as LinesItem;
  const nodes = linesNodes(lines, placement.from, placement.to, top, cursor, ctx);
  return lines.keepLines && nodes.length > 1 ? [{ stack: nodes, unbreakable: true }] : nodes;
}

function linesNodes(item: LinesItem, from: number, to: number, top: number, cursor: Cursor, ctx: ContentContext): Node[] {
  const { content } = item;
  switch (content.kind) {
    case 'text':
      return paragraphNodes(content, from, to, top, cursor, ctx);
    case 'rule':
      return [ruleNode(content, top, cursor, ctx)];
    case 'space':
      return [spaceNode(top, cursor)];
  }
}

function paragraphNodes(content: TextContent, from: number, to: number, top: number, cursor: Cursor, ctx: ContentContext): Node[] {
  const { style } = content.shaped.block;
  const lineHeight = exactLineHeightPt(content);
  const drop = baselineDrop(content, ctx.family);
  const left = twipsToPt(mmToTwips(style.leftIndentMm));
  let lineTop = top;
  return textNodes(content, from, to, ctx).map((node) => {
    const marginTop = lineTop + drop - cursor.y;
    cursor.y = lineTop + drop + node.lineCount * lineHeight;
    lineTop += node.lineCount * lineHeight;
    return { ...node.style, text: node.inlines, margin: [left, marginTop, 0, 0] };
  });
}

/**
 * How far below pdfmake's baseline LibreOffice draws the text. With an exact line height
 * LibreOffice puts the baseline at 80 % of the line (4/5 of its twips, rounded down); pdfmake puts
 * it one ascender below the top of the line. Lowering the node by the difference makes every line
 * sit where LibreOffice draws it, without changing the line pitch.
 */
function baselineDrop(content: TextContent, family: PdfFontFamily): number {
  const { style } = content.shaped.block;
  const lineTwips = ptToTwips(style.lineHeightPt);
  const faces = new Set(content.shaped.units.map((unit) => unit.style.face));
  if (faces.size === 0) faces.add('normal');
  const ascender = Math.max(...[...faces].map((face) => ascenderPt(family.faces[face], style.sizePt)));
  return twipsToPt(Math.floor((4 * lineTwips) / 5)) - ascender;
}

/**
 * LibreOffice draws the DOCX rule (a top border) at the top of its paragraph, after the space
 * before, as wide as the paragraph between indents of floor(slack / 2) and the rest.
 */
function ruleNode(content: RuleContent, top: number, cursor: Cursor, ctx: ContentContext): Node {
  if (content.borderTwips === 0) return spaceNode(top, cursor);
  const lengthTwips = Math.min(mmToTwips(content.block.lengthMm), content.boxTwips);
  const x1 = twipsToPt(Math.floor((content.boxTwips - lengthTwips) / 2));
  const thickness = twipsToPt(content.borderTwips);
  const node = {
    canvas: [{ type: 'line', x1, y1: thickness / 2, x2: x1 + twipsToPt(lengthTwips), y2: thickness / 2, lineWidth: thickness, lineColor: ctx.color }],
    margin: [0, top - cursor.y, 0, 0],
  };
  cursor.y = top + thickness / 2;
  return node;
}

function spaceNode(top: number, cursor: Cursor): Node {
  const node = { canvas: [], margin: [0, top - cursor.y, 0, 0] };
  cursor.y = top;
  return node;
}

/** A table row's part on one page as pdfmake columns, each padded to the part's height. */
function tableNode(item: TableItem, part: RowPart, top: number, cursor: Cursor, ctx: ContentContext): Node {
  const height = twipsToPt(part.heightTwips);
  const columns = item.cells.map((cell, index) => {
    const local: Cursor = { y: 0 };
    const slice = part.cells[index] as CellSlice;
    const stack = slice.lines.flatMap((lines) => {
      const content = (cell.items[lines.item] as CellItem).item;
      return linesNodes(content, lines.from, lines.to, twipsToPt(lines.topTwips), local, ctx);
    });
    stack.push({ canvas: [], margin: [0, height - local.y, 0, 0] });
    return { width: twipsToPt(cell.widthTwips), stack };
  });
  const node: Node = { columns, columnGap: 0, margin: [0, top - cursor.y, 0, 0] };
  if (item.keepTogether) node.unbreakable = true;
  cursor.y = top + height;
  return node;
}

/** pdfmake's header callback: the page number, where LibreOffice draws the DOCX's header. */
export function pageNumberHeader(
  numbering: PageNumbering | null,
  ctx: ContentContext,
  onPageCount: (count: number) => void,
): (currentPage: number, pageCount: number) => Node | null {
  return (currentPage, pageCount) => {
    onPageCount(pageCount);
    if (numbering === null || (currentPage === 1 && !numbering.onFirstPage)) return null;
    const face = ctx.family.faces.normal;
    // The header paragraph has single line spacing; LibreOffice adds the font's line gap above
    // the ascender, pdfmake draws the baseline one ascender below the node's top.
    const gap = (face.lineGap / face.unitsPerEm) * numbering.sizePt;
    const { geometry } = ctx;
    return {
      text: String(currentPage),
      font: ctx.family.key,
      fontSize: numbering.sizePt,
      lineHeight: 1,
      color: ctx.color,
      alignment: numbering.align,
      margin: [twipsToPt(geometry.leftTwips), twipsToPt(mmToTwips(numbering.fromTopMm)) + gap, geometry.rightPt, 0],
    };
  };
}


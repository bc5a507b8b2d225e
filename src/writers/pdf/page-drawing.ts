import type PDFDocument from 'pdfkit';
import type { PageNumberLayout } from '../../layout/index.js';
import { twipsToPt } from '../../layout/index.js';
import type { CellItem, FlowItem, LinesItem, RuleContent, TableItem } from './flow-items.js';
import type { PageGeometry } from './page-geometry.js';
import { drawPageNumber } from './page-number.js';
import type { PagePlan, Placement } from './pagination.js';
import type { CellSlice, RowPart } from './table-rows.js';
import { drawParagraphLines, type DrawContext } from './text-drawing.js';

/**
 * Draws a page plan: one pdfkit page per planned page, everything at the position the plan gives
 * it. Nothing is laid out here: every line and page break was decided before (pagination.ts).
 */
export function drawPages(plan: PagePlan, items: FlowItem[], numbering: PageNumberLayout | null, geometry: PageGeometry, ctx: DrawContext): void {
  const left = twipsToPt(geometry.leftTwips);
  plan.pages.forEach((placements, pageIndex) => {
    ctx.out.doc.addPage();
    // A new page starts a new content stream with the default (black) colour.
    ctx.out.doc.fillColor(ctx.color);
    drawPageNumber(numbering, pageIndex + 1, geometry, ctx);
    for (const placement of placements) drawPlacement(placement, items, left, ctx);
  });
}

function drawPlacement(placement: Placement, items: FlowItem[], left: number, ctx: DrawContext): void {
  const item = items[placement.item] as FlowItem;
  const top = twipsToPt(placement.topTwips);
  if (placement.kind === 'table') drawTableRow(item as TableItem, placement.part, top, left, ctx);
  else drawLines(item as LinesItem, placement.from, placement.to, top, left, ctx);
}

function drawLines(item: LinesItem, from: number, to: number, top: number, left: number, ctx: DrawContext): void {
  const { content } = item;
  // Spacers and the paragraphs around tables only take room.
  if (content.kind === 'text') drawParagraphLines(content, item.lineTwips, from, to, top, left, ctx);
  else if (content.kind === 'rule') drawRule(content, top, left, ctx.out.doc, ctx.color);
}

/**
 * LibreOffice draws the DOCX rule (a top border) at the top of its paragraph, after the space
 * before, between the paragraph's indents.
 */
function drawRule(content: RuleContent, top: number, left: number, doc: PDFDocument, color: string): void {
  if (content.borderTwips === 0) return;
  const x1 = left + twipsToPt(content.leftTwips);
  const thickness = twipsToPt(content.borderTwips);
  const y = top + thickness / 2;
  doc.lineWidth(thickness).moveTo(x1, y).lineTo(x1 + twipsToPt(content.lengthTwips), y).stroke(color);
}

/** A table row's part on one page: each cell's lines, the cells side by side from the text area's left. */
function drawTableRow(item: TableItem, part: RowPart, top: number, left: number, ctx: DrawContext): void {
  let cellLeft = left;
  item.cells.forEach((cell, index) => {
    const slice = part.cells[index] as CellSlice;
    for (const lines of slice.lines) {
      const content = (cell.items[lines.item] as CellItem).item;
      drawLines(content, lines.from, lines.to, top + twipsToPt(lines.topTwips), cellLeft, ctx);
    }
    cellLeft += twipsToPt(cell.widthTwips);
  });
}

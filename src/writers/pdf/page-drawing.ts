import type PDFDocument from 'pdfkit';
import type { PageNumbering, SpacerBlock } from '../../model/document.js';
import { sum, type CellItem, type FlowItem, type LinesItem, type RuleContent, type TableItem } from './flow-items.js';
import type { PageGeometry } from './page-geometry.js';
import { drawPageNumber } from './page-number.js';
import type { PagePlan, Placement } from './pagination.js';
import type { CellSlice, RowPart } from './table-rows.js';
import { drawParagraphLines, type DrawContext } from './text-drawing.js';
import { mmToPt, mmToTwips, twipsToPt } from './units.js';

/**
 * Draws a page plan: one pdfkit page per planned page, everything at the position the plan gives
 * it. Nothing is laid out here: every line and page break was decided before (pagination.ts).
 */
export function drawPages(plan: PagePlan, items: FlowItem[], numbering: PageNumbering | null, geometry: PageGeometry, ctx: DrawContext): PlacedSpace[] {
  const left = twipsToPt(geometry.leftTwips);
  const spaces: PlacedSpace[] = [];
  plan.pages.forEach((placements, pageIndex) => {
    ctx.out.doc.addPage();
    // A new page starts a new content stream with the default (black) colour.
    ctx.out.doc.fillColor(ctx.color);
    drawPageNumber(numbering, pageIndex + 1, geometry, ctx);
    const page = { ...ctx, pageIndex, spaces };
    for (const placement of placements) drawPlacement(placement, items, left, page);
  });
  return spaces;
}

/** Where a spacer of the model was placed: page (0 = first) and box, in points from the page's top left. */
export interface PlacedSpace {
  role: string;
  pageIndex: number;
  leftPt: number;
  topPt: number;
  widthPt: number;
  heightPt: number;
}

interface PageContext extends DrawContext {
  pageIndex: number;
  spaces: PlacedSpace[];
}

function drawPlacement(placement: Placement, items: FlowItem[], left: number, ctx: PageContext): void {
  const item = items[placement.item] as FlowItem;
  const top = twipsToPt(placement.topTwips);
  if (placement.kind === 'table') drawTableRow(item as TableItem, placement.part, top, left, ctx);
  else drawLines(item as LinesItem, placement.from, placement.to, top, left, ctx);
}

function drawLines(item: LinesItem, from: number, to: number, top: number, left: number, ctx: PageContext): void {
  const { content } = item;
  if (content.kind === 'text') drawParagraphLines(content, item.lineTwips, from, to, top, left, ctx);
  else if (content.kind === 'rule') drawRule(content, top, left, ctx.out.doc, ctx.color);
  // The other spacers and the paragraphs around tables only take room.
  else if (content.block !== undefined) drawSpace(content.block, content.boxTwips ?? 0, twipsToPt(sum(item.lineTwips)), top, left, ctx);
}

/** Records where a spacer went (the signature field is put there) and draws its images, each over the ones before. */
function drawSpace(block: SpacerBlock, boxTwips: number, heightPt: number, top: number, left: number, ctx: PageContext): void {
  ctx.spaces.push({ role: block.role, pageIndex: ctx.pageIndex, leftPt: left, topPt: top, widthPt: twipsToPt(boxTwips), heightPt });
  for (const image of block.images ?? []) {
    ctx.out.doc.image(Buffer.from(image.png.buffer, image.png.byteOffset, image.png.byteLength), left + mmToPt(image.leftMm), top + mmToPt(image.topMm), {
      width: mmToPt(image.widthMm),
      height: mmToPt(image.heightMm),
    });
  }
}

/**
 * LibreOffice draws the DOCX rule (a top border) at the top of its paragraph, after the space
 * before, as wide as the paragraph between indents of floor(slack / 2) and the rest.
 */
function drawRule(content: RuleContent, top: number, left: number, doc: PDFDocument, color: string): void {
  if (content.borderTwips === 0) return;
  const lengthTwips = Math.min(mmToTwips(content.block.lengthMm), content.boxTwips);
  const x1 = left + twipsToPt(Math.floor((content.boxTwips - lengthTwips) / 2));
  const thickness = twipsToPt(content.borderTwips);
  const y = top + thickness / 2;
  doc.lineWidth(thickness).moveTo(x1, y).lineTo(x1 + twipsToPt(lengthTwips), y).stroke(color);
}

/** A table row's part on one page: each cell's lines, the cells side by side from the text area's left. */
function drawTableRow(item: TableItem, part: RowPart, top: number, left: number, ctx: PageContext): void {
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

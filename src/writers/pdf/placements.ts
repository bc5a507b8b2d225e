import { twipsToPt } from '../../layout/index.js';
import type { FlowItem, LinesItem } from './flow-items.js';
import type { PageGeometry } from './page-geometry.js';
import type { PagePlan } from './pagination.js';

/**
 * Where a block of the layout landed in the PDF: its box on one page (a block split across pages
 * has one per page), in PDF points from the page's top-left corner, as pdfkit draws. The box is
 * as wide as the block's box (the text area or its table column) and as tall as its lines, from
 * the top of its first line on the page (its space before excluded) to the bottom of its last.
 */
export interface PlacedBlock {
  /** The layout spec's role: the model block's role, e.g. "sign-space" for the signature's room. */
  role: string;
  /** 1 for the first page. */
  page: number;
  xPt: number;
  yPt: number;
  widthPt: number;
  heightPt: number;
}

export function placedBlocks(plan: PagePlan, items: FlowItem[], geometry: PageGeometry): PlacedBlock[] {
  const placed: PlacedBlock[] = [];
  const left = geometry.leftTwips;
  const box = (role: string, page: number, xTwips: number, yTwips: number, widthTwips: number, heightTwips: number) =>
    placed.push({ role, page, xPt: twipsToPt(xTwips), yPt: twipsToPt(yTwips), widthPt: twipsToPt(widthTwips), heightPt: twipsToPt(heightTwips) });
  const linesHeight = (item: LinesItem, from: number, to: number) => {
    let height = 0;
    for (let line = from; line < to; line++) height += item.lineTwips[line] as number;
    return height;
  };
  plan.pages.forEach((placements, index) => {
    for (const placement of placements) {
      const item = items[placement.item] as FlowItem;
      if (placement.kind === 'lines' && item.kind === 'lines') {
        box(item.spec.role, index + 1, left, placement.topTwips, item.spec.boxTwips, linesHeight(item, placement.from, placement.to));
        continue;
      }
      if (placement.kind !== 'table' || item.kind !== 'table') continue;
      box(item.spec.role, index + 1, left, placement.topTwips, item.spec.widthsTwips.reduce((sum, width) => sum + width, 0), placement.part.heightTwips);
      let cellLeft = left;
      item.cells.forEach((cell, cellIndex) => {
        for (const lines of placement.part.cells[cellIndex]?.lines ?? []) {
          const content = cell.items[lines.item]?.item;
          if (content === undefined) continue;
          box(content.spec.role, index + 1, cellLeft, placement.topTwips + lines.topTwips, cell.widthTwips, linesHeight(content, lines.from, lines.to));
        }
        cellLeft += cell.widthTwips;
      });
    }
  });
  return placed;
}

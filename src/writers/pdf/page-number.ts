import type { PageNumberLayout } from '../../layout/index.js';
import { halfPointsToPt, twipsToPt } from '../../layout/index.js';
import { shapedWidth } from './font-shaping.js';
import type { PageGeometry } from './page-geometry.js';
import type { DrawContext } from './text-drawing.js';

/**
 * The page number, where LibreOffice draws the DOCX's header: a single-spaced paragraph in the
 * regular face whose top is fromTopTwips below the page's top edge, aligned in the text area.
 * LibreOffice puts the font's line gap above the ascender, so the baseline lies the line gap plus
 * the ascender below that top. The first page has none unless onFirstPage.
 */
export function drawPageNumber(numbering: PageNumberLayout | null, pageNumber: number, geometry: PageGeometry, ctx: DrawContext): void {
  if (numbering === null || (pageNumber === 1 && !numbering.onFirstPage)) return;
  const face = ctx.family.faces.normal;
  const sizePt = halfPointsToPt(numbering.sizeHalfPoints);
  const scale = sizePt / face.unitsPerEm;
  const text = String(pageNumber);
  const slack = twipsToPt(geometry.textWidthTwips) - shapedWidth(face, text) * scale;
  const shift = numbering.align === 'center' ? slack / 2 : numbering.align === 'right' ? slack : 0;
  const baseline = twipsToPt(numbering.fromTopTwips) + (face.lineGap + face.ascent) * scale;
  ctx.out.font('normal', sizePt);
  ctx.out.text(text, twipsToPt(geometry.leftTwips) + shift, baseline);
}

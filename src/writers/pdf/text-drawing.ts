import type { TextContent } from './flow-items.js';
import { placeLine } from './line-placement.js';
import type { WriterDocument } from './pdfkit-document.js';
import type { PdfFontFamily } from './pdf-fonts.js';
import { twipsToPt } from '../../layout/index.js';

/** What every drawing call needs: the document, the faces registered in it and the text colour. */
export interface DrawContext {
  out: WriterDocument;
  family: PdfFontFamily;
  /** "#rrggbb". */
  color: string;
}

/**
 * Draws lines [from, to) of a paragraph, the first one's top at `top`, the paragraph's box starting
 * at `left` (points from the page's top-left). With an exact line height LibreOffice puts the
 * baseline at 80 % of the line: 4/5 of its twips, rounded down.
 */
export function drawParagraphLines(content: TextContent, lineTwips: number[], from: number, to: number, top: number, left: number, ctx: DrawContext): void {
  const { out, family } = ctx;
  const { sizePt } = content.shaped;
  let lineTop = top;
  for (let index = from; index < to; index++) {
    const height = lineTwips[index] as number;
    const baseline = lineTop + twipsToPt(Math.floor((4 * height) / 5));
    const placed = placeLine(content, content.lines[index] as (typeof content.lines)[number], family);
    for (const segment of placed.segments) {
      out.font(segment.face, sizePt);
      out.words(segment.words, left + segment.x, baseline, segment.wordSpacing);
    }
    for (const span of placed.underlines) {
      // The face's own underline position and thickness, as LibreOffice draws a single underline.
      const face = family.faces[span.face];
      const scale = sizePt / face.unitsPerEm;
      const thickness = face.underlineThickness * scale;
      const y = baseline - face.underlinePosition * scale;
      out.doc.rect(left + span.x1, y - thickness / 2, span.x2 - span.x1, thickness).fill(ctx.color);
    }
    lineTop += twipsToPt(height);
  }
}

import { halfPointsToPt, type DocumentLayout } from '../../layout/index.js';
import type { PageBody } from './pagination.js';
import type { PdfFontFamily } from './pdf-fonts.js';

export interface PageGeometry {
  widthPt: number;
  heightPt: number;
  leftTwips: number;
  textWidthTwips: number;
  body: PageBody;
}

/**
 * The page as LibreOffice sees the DOCX: the layout's margins; the text area starts below the
 * top margin, or below the page-number header if that reaches further down (LibreOffice grows a
 * header that does not fit above the margin and pushes the body down). The header's line is
 * single-spaced: the regular face's ascent, descent and line gap at the number's size.
 */
export function pageGeometry(layout: DocumentLayout, family: PdfFontFamily): PageGeometry {
  const { page, pageNumbers } = layout;
  let topTwips = page.margin.topTwips;
  if (pageNumbers !== null) {
    const face = family.faces.normal;
    const headerLine = ((face.ascent - face.descent + face.lineGap) / face.unitsPerEm) * halfPointsToPt(pageNumbers.sizeHalfPoints) * 20;
    topTwips = Math.max(topTwips, pageNumbers.fromTopTwips + Math.ceil(headerLine));
  }
  return {
    widthPt: page.widthPt,
    heightPt: page.heightPt,
    leftTwips: page.margin.leftTwips,
    textWidthTwips: page.textWidthTwips,
    body: { topTwips, bottomTwips: page.heightTwips - page.margin.bottomTwips },
  };
}

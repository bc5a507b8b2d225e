import type { DocumentModel } from '../../model/document.js';
import type { PageBody } from './pagination.js';
import type { PdfFontFamily } from './pdf-fonts.js';
import { mmToPt, mmToTwips } from './units.js';

export interface PageGeometry {
  widthPt: number;
  heightPt: number;
  leftTwips: number;
  rightPt: number;
  textWidthTwips: number;
  body: PageBody;
}

/**
 * The page as LibreOffice sees the DOCX: margins in whole twips; the text area starts below the
 * top margin, or below the page-number header if that reaches further down (LibreOffice grows a
 * header that does not fit above the margin and pushes the body down).
 */
export function pageGeometry(model: DocumentModel, family: PdfFontFamily): PageGeometry {
  const { page, pageNumbers } = model;
  const widthTwips = mmToTwips(page.widthMm);
  const heightTwips = mmToTwips(page.heightMm);
  const leftTwips = mmToTwips(page.margin.leftMm);
  const rightTwips = mmToTwips(page.margin.rightMm);
  let topTwips = mmToTwips(page.margin.topMm);
  if (pageNumbers !== null) {
    const face = family.faces.normal;
    const headerLine = ((face.ascent - face.descent + face.lineGap) / face.unitsPerEm) * pageNumbers.sizePt * 20;
    topTwips = Math.max(topTwips, mmToTwips(pageNumbers.fromTopMm) + Math.ceil(headerLine));
  }
  const textWidthTwips = widthTwips - leftTwips - rightTwips;
  const widthPt = mmToPt(page.widthMm);
  return {
    widthPt,
    heightPt: mmToPt(page.heightMm),
    leftTwips,
    rightPt: widthPt - leftTwips / 20 - textWidthTwips / 20,
    textWidthTwips,
    body: { topTwips, bottomTwips: heightTwips - mmToTwips(page.margin.bottomMm) },
  };
}

import type { DocumentModel, PageNumbering, PageSetup } from '../model/document.js';
import { columnsSpecs } from './columns.js';
import { contentSpec } from './paragraphs.js';
import type { BodySpec, DocumentLayout, PageLayout, PageNumberLayout } from './spec.js';
import { mmToPt, mmToTwips, ptToHalfPoints } from './units.js';

export type * from './spec.js';
export { borderEighthsToTwips, halfPointsToPt, twipsToPt } from './units.js';

/**
 * Word's and docx's default tab stop, half an inch, which the DOCX states in its settings and
 * LibreOffice follows for it.
 */
const DEFAULT_TAB_STOP_TWIPS = 720;

/**
 * The document model laid out for the writers (spec.ts): page-level blocks in order, each one
 * paragraph, except columns, which become a table and the gaps around it.
 */
export function layoutDocument(model: DocumentModel): DocumentLayout {
  const page = pageLayout(model.page);
  const { font } = model;
  const body: BodySpec[] = [];
  for (const block of model.blocks) {
    if (block.kind === 'columns') body.push(...columnsSpecs(block, font, page.textWidthTwips));
    else body.push(contentSpec(block, { font, boxTwips: page.textWidthTwips }));
  }
  return {
    page,
    font,
    pageNumbers: pageNumberLayout(model.pageNumbers),
    metadata: model.metadata,
    defaultTabStopTwips: DEFAULT_TAB_STOP_TWIPS,
    body,
  };
}

/** Each margin rounded on its own, and the text width from the rounded values, as the DOCX stores them. */
function pageLayout(page: PageSetup): PageLayout {
  const margin = {
    topTwips: mmToTwips(page.margin.topMm),
    bottomTwips: mmToTwips(page.margin.bottomMm),
    leftTwips: mmToTwips(page.margin.leftMm),
    rightTwips: mmToTwips(page.margin.rightMm),
  };
  const widthTwips = mmToTwips(page.widthMm);
  return {
    widthPt: mmToPt(page.widthMm),
    heightPt: mmToPt(page.heightMm),
    widthTwips,
    heightTwips: mmToTwips(page.heightMm), margin,
    textWidthTwips: widthTwips - margin.leftTwips - margin.rightTwips,
  };
}

function pageNumberLayout(numbering: PageNumbering | null): PageNumberLayout | null {
  if (numbering === null) return null;
  return {
    sizeHalfPoints: ptToHalfPoints(numbering.sizePt),
    onFirstPage: numbering.onFirstPage,
    fromTopTwips: mmToTwips(numbering.fromTopMm),
    align: numbering.align,
  };
}

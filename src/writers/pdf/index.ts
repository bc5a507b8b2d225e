import type { DocumentModel } from '../../model/document.js';
import { defaultFontFiles, type FontFiles } from '../../fonts/font-files.js';
import { stampDocumentId } from './document-id.js';
import { PdfLayoutError } from './errors.js';
import { flowItems } from './flow-items.js';
import { assertDigitsAvailable, assertGlyphsAvailable, normaliseText } from './glyph-check.js';
import { pageGeometry } from './page-geometry.js';
import { paginate } from './pagination.js';
import { pageContent, pageNumberHeader, type ContentContext } from './pdfmake-content.js';
import { renderPdf } from './pdfmake-render.js';
import { pdfFontFamily } from './pdf-fonts.js';
import { completeXmp, pdfInfo } from './pdf-metadata.js';
import { twipsToPt } from './units.js';

export { MissingGlyphError, PdfLayoutError } from './errors.js';

export interface PdfWriterOptions {
  /** The four TTF files to draw with; Liberation Serif 2 (shipped) by default. */
  fonts?: FontFiles;
  /** Write PDF/A-2b: output intent, complete XMP metadata (all fonts are always embedded). */
  pdfa?: boolean;
  /** Names the input field a text came from, for the missing-glyph error. */
  fieldOf?: (text: string) => string | undefined;
}

/**
 * Renders a document model to PDF with pdfmake.
 *
 * Pages break exactly where LibreOffice breaks the DOCX the DOCX writer makes of the same model:
 * lines are broken and paginated here with LibreOffice's rules and measures (see line-breaking.ts
 * and pagination.ts), then handed to pdfmake line by line with explicit page breaks.
 * Deterministic: the same model and options give the same bytes.
 */
export async function writePdf(model: DocumentModel, options: PdfWriterOptions = {}): Promise<Uint8Array> {
  const family = pdfFontFamily(options.fonts ?? defaultFontFiles());
  assertGlyphsAvailable(model, family, options.fieldOf);
  if (model.pageNumbers !== null) assertDigitsAvailable(family);
  const document = normaliseText(model);

  const geometry = pageGeometry(document, family);
  const items = flowItems(document.blocks, family, geometry.textWidthTwips);
  const plan = paginate(items, geometry.body);
  const ctx: ContentContext = { family, color: `#${document.font.color}`, geometry };

  let renderedPages = 0;
  const definition = {
    pageSize: { width: geometry.widthPt, height: geometry.heightPt },
    // No bottom margin for pdfmake: the plan has already decided every page break, and pdfmake
    // must never add one of its own because a line ends a hair below the real margin.
    pageMargins: [twipsToPt(geometry.leftTwips), twipsToPt(geometry.body.topTwips), geometry.rightPt, 0],
    content: pageContent(plan, items, ctx),
    header: pageNumberHeader(document.pageNumbers, ctx, (count) => (renderedPages = count)),
    defaultStyle: { font: family.key, color: ctx.color },
    info: pdfInfo(document.metadata),
    language: document.metadata.language,
    version: '1.7',
    displayTitle: true,
    ...(options.pdfa ? { subset: 'PDF/A-2b' } : {}),
    compress: true,
  };

  const pdf = await renderPdf(definition, family, { beforeEnd: (doc) => completeXmp(doc, document.metadata) });
  if (plan.exact && renderedPages !== plan.pages.length) {
    throw new PdfLayoutError(`pdfmake laid out ${renderedPages} pages where the plan has ${plan.pages.length}`);
  }
  return stampDocumentId(pdf);
}

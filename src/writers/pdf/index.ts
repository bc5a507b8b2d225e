import type { DocumentModel } from '../../model/document.js';
import { defaultFontFiles, type FontFiles } from '../../fonts/font-files.js';
import { stampDocumentId } from './document-id.js';
import { flowItems } from './flow-items.js';
import { assertDigitsAvailable, assertGlyphsAvailable, normaliseText } from './glyph-check.js';
import { pageGeometry } from './page-geometry.js';
import { drawPages, type PlacedSpace } from './page-drawing.js';
import { paginate } from './pagination.js';
import { WriterDocument } from './pdfkit-document.js';
import { pdfFontFamily } from './pdf-fonts.js';
import { completeXmp, pdfInfo } from './pdf-metadata.js';

export { MissingGlyphError, PdfLayoutError } from './errors.js';
export type { PlacedSpace } from './page-drawing.js';

export interface PdfWriterOptions {
  /** The four TTF files to draw with; Liberation Serif 2 (shipped) by default. */
  fonts?: FontFiles;
  /** Write PDF/A-2b: output intent, complete XMP metadata (all fonts are always embedded). */
  pdfa?: boolean;
  /** Names the input field a text came from, for the missing-glyph error. */
  fieldOf?: (text: string) => string | undefined;
}

/**
 * Renders a document model to PDF.
 *
 * Pages break exactly where LibreOffice breaks the DOCX the DOCX writer makes of the same model:
 * lines are broken and paginated here with LibreOffice's rules and measures (see line-breaking.ts
 * and pagination.ts), and every line is then drawn with pdfkit where LibreOffice draws it
 * (page-drawing.ts, line-placement.ts).
 * Deterministic: the same model and options give the same bytes.
 */
export async function writePdf(model: DocumentModel, options: PdfWriterOptions = {}): Promise<Uint8Array> {
  return (await writePdfWithPlaces(model, options)).pdf;
}

/** The PDF, and where each of the model's spacers was placed (the signature field goes on the signing space). */
export async function writePdfWithPlaces(model: DocumentModel, options: PdfWriterOptions = {}): Promise<{ pdf: Uint8Array; spaces: PlacedSpace[] }> {
  const family = pdfFontFamily(options.fonts ?? defaultFontFiles());
  assertGlyphsAvailable(model, family, options.fieldOf);
  if (model.pageNumbers !== null) assertDigitsAvailable(family);
  const document = normaliseText(model);

  const geometry = pageGeometry(document, family);
  const items = flowItems(document.blocks, family, geometry.textWidthTwips);
  const plan = paginate(items, geometry.body);

  const setup = {
    widthPt: geometry.widthPt,
    heightPt: geometry.heightPt,
    info: pdfInfo(document.metadata),
    language: document.metadata.language,
    pdfa: options.pdfa === true,
  };
  const out = new WriterDocument(setup, family);
  const spaces = drawPages(plan, items, document.pageNumbers, geometry, { out, family, color: `#${document.font.color}` });
  completeXmp(out.doc, document.metadata);
  return { pdf: stampDocumentId(await out.finish()), spaces };
}

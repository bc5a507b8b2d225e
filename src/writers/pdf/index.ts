import { layoutDocument } from '../../layout/index.js';
import type { DocumentModel } from '../../model/document.js';
import type { LoadedFamily } from '../../fonts/load.js';
import { stampDocumentId } from './document-id.js';
import { flowItems } from './flow-items.js';
import { pageGeometry } from './page-geometry.js';
import { drawPages } from './page-drawing.js';
import { paginate } from './pagination.js';
import { placedBlocks, type PlacedBlock } from './placements.js';
import { WriterDocument } from './pdfkit-document.js';
import { pdfFontFamily } from './pdf-fonts.js';
import { completeXmp, pdfInfo } from './pdf-metadata.js';

export { PdfLayoutError } from './errors.js';
export type { PlacedBlock } from './placements.js';

interface PdfWriterOptions {
  /** The four faces to draw with, parsed from their bytes (src/fonts/load.ts). */
  fonts: LoadedFamily;
  /** Write PDF/A-2b: output intent, complete XMP metadata (all fonts are always embedded). */
  pdfa?: boolean;
}

/**
 * Renders a document model to PDF.
 *
 * Pages break exactly where LibreOffice breaks the DOCX the DOCX writer makes of the same model:
 * lines are broken and paginated here with LibreOffice's rules and measures (see line-breaking.ts
 * and pagination.ts), and every line is then drawn with pdfkit where LibreOffice draws it
 * (page-drawing.ts, line-placement.ts).
 * Deterministic: the same model and options give the same bytes.
 * The model comes from compose: its text is NFC and every character has a glyph in its face
 * (compose/glyph-coverage.ts); the writer does not check either again.
 */
export async function writePdf(model: DocumentModel, options: PdfWriterOptions): Promise<Uint8Array> {
  return (await writePdfWithPlacements(model, options)).pdf;
}

/**
 * writePdf, also telling where each block of the layout landed (placements.ts): e.g. the box of
 * the signature's room, for a signature field or a signature image.
 */
export async function writePdfWithPlacements(document: DocumentModel, options: PdfWriterOptions): Promise<{ pdf: Uint8Array; placements: PlacedBlock[] }> {
  const family = pdfFontFamily(options.fonts);

  const layout = layoutDocument(document);
  const geometry = pageGeometry(layout, family);
  const items = flowItems(layout.body, family, layout.defaultTabStopTwips);
  const plan = paginate(items, geometry.body);

  const setup = {
    widthPt: geometry.widthPt,
    heightPt: geometry.heightPt,
    info: pdfInfo(document.metadata),
    language: document.metadata.language,
    pdfa: options.pdfa === true,
  };
  const out = new WriterDocument(setup, family);
  drawPages(plan, items, layout.pageNumbers, geometry, { out, family, color: `#${document.font.color}` });
  completeXmp(out.doc, document.metadata);
  return { pdf: await stampDocumentId(await out.finish()), placements: placedBlocks(plan, items, geometry) };
}

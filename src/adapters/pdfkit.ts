import type PDFDocument from 'pdfkit';
import type { PDFReference } from 'pdfkit';
import { privateAccessAllowed } from './private-access.js';

/**
 * What the PDF writer does with pdfkit beyond its documented drawing API, in one place. Written
 * for pdfkit 0.20.2 (and 0.18, which behaves the same here).
 */

/**
 * The current page's font resources, where a font is named before its text is drawn: the Font
 * dictionary of the page's Resources, which pdfkit exposes as page.fonts.
 */
export function pageFonts(doc: PDFDocument): Record<string, PDFReference> {
  return (doc.page as unknown as { fonts: Record<string, PDFReference> }).fonts;
}

/**
 * Makes `xml` the XMP description of the Info fields instead of pdfkit's own (which writes the
 * values unescaped and leaves out some of their XMP twins; see pdf-metadata.ts).
 *
 * With private access, pdfkit's private _addInfo (what its end() calls to append that
 * description) is replaced on this one document. The public fallback goes through appendXML,
 * the documented way to add XMP: while the document ends, the chunks pdfkit appends for the Info
 * fields (the xmp:, dc: and pdf: descriptions, in pieces) are left out and `xml` goes where the
 * first of them would have gone; anything else (PDF/A's identification) passes through. Both
 * give the same bytes.
 */
export function replaceInfoXmp(doc: PDFDocument, xml: string): void {
  const internals = doc as unknown as { _addInfo?: () => void };
  if (privateAccessAllowed() && typeof internals._addInfo === 'function') {
    internals._addInfo = () => doc.appendXML(xml);
    return;
  }
  const append = doc.appendXML.bind(doc);
  let replaced = false;
  doc.appendXML = (chunk: string, newline?: boolean) => {
    if (!isInfoXmp(chunk)) return append(chunk, newline);
    if (!replaced) append(xml);
    replaced = true;
  };
}

const INFO_DESCRIPTION = /xmlns:(?:xmp|dc|pdf)="/;
const INFO_PART = /^\s*(?:<\/?(?:xmp|dc|pdf):|<\/rdf:Description>\s*$)/;

function isInfoXmp(chunk: string): boolean {
  return INFO_DESCRIPTION.test(chunk) || INFO_PART.test(chunk);
}

import PDFDocumentClass from 'pdfkit';
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

/**
 * Ends a new stream object of `doc` holding `content`. pdfkit deflates every stream as it is
 * written; when `deflated` holds what it made of the same content for an earlier document, that
 * is written instead and pdfkit is not asked to deflate again: the same bytes, without the work.
 * This needs pdfkit to leave a stream that already names its Filter as it is, which its private
 * PDFReference.compress flag tells (checked once per process); without private access, or
 * should the flag go, pdfkit deflates the content as usual.
 */
export function endStream(doc: PDFDocument, dictionary: Record<string, unknown>, content: Uint8Array | string, deflated: Uint8Array | undefined): PDFReference {
  if (deflated !== undefined && privateAccessAllowed() && keepsFilteredStreams()) {
    const ref = doc.ref({ ...dictionary, Length: 0, Filter: 'FlateDecode' });
    ref.end(deflated);
    return ref;
  }
  const ref = doc.ref({ ...dictionary });
  ref.end(content);
  return ref;
}

let filteredStreamsKept: boolean | undefined;

function keepsFilteredStreams(): boolean {
  if (filteredStreamsKept === undefined) {
    // font: null, as for every document: pdfkit's default font is a standard one, whose metrics a
    // bundle (the command, a browser build) does not carry
    const probe = new PDFDocumentClass({ compress: true, font: null } as unknown as ConstructorParameters<typeof PDFDocumentClass>[0]);
    const plain = probe.ref() as PDFReference & { compress?: unknown };
    const filtered = probe.ref({ Filter: 'FlateDecode' }) as PDFReference & { compress?: unknown };
    filteredStreamsKept = plain.compress === true && filtered.compress === false;
  }
  return filteredStreamsKept;
}

/**
 * The deflated bytes of stream `ref` as they were written in `pdf` (the finished file), or
 * undefined when they cannot be found there.
 */
export function writtenStream(pdf: Uint8Array, ref: PDFReference): Uint8Array | undefined {
  // searched as bytes: decoding the whole file to text, once for each font of each document,
  // took more time than the fonts' deflating saved
  const header = latin1Bytes(`\n${ref.id} 0 obj\n`);
  const start = indexOfBytes(pdf, header);
  if (start < 0) return undefined;
  // one character per byte, so positions in the text are positions in the file
  const text = new TextDecoder('latin1').decode(pdf.subarray(start + header.length, start + header.length + 200));
  const dictionary = /^<<\n(?:\/Subtype \/CIDFontType0C\n)?\/Length (\d+)\n\/Filter \/FlateDecode\n>>\nstream\n/.exec(text);
  if (!dictionary) return undefined;
  const from = start + header.length + dictionary[0].length;
  return pdf.slice(from, from + Number(dictionary[1]));
}

function latin1Bytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index++) bytes[index] = text.charCodeAt(index);
  return bytes;
}

/** Where `needle` first occurs in `haystack`, or -1 (Buffer#indexOf does this, but the core runs without Node's Buffer). */
function indexOfBytes(haystack: Uint8Array, needle: Uint8Array): number {
  const first = needle[0]!;
  const last = haystack.length - needle.length;
  for (let at = haystack.indexOf(first); at >= 0 && at <= last; at = haystack.indexOf(first, at + 1)) {
    let matched = 1;
    while (matched < needle.length && haystack[at + matched] === needle[matched]) matched++;
    if (matched === needle.length) return at;
  }
  return -1;
}

import { shapedWidth } from './font-shaping.js';
import type { PdfFace } from './pdf-fonts.js';

/**
 * The width pdfkit (and so pdfmake) gives a string: pdfkit shapes it in chunks that end after each
 * space or tab and adds their widths. Replicated here so the writer can predict exactly how
 * pdfmake will fill a line.
 */
export function pdfkitWidth(text: string, face: PdfFace, sizePt: number): number {
  let units = 0;
  let last = 0;
  for (let index = 0; index <= text.length; index++) {
    const atEnd = index === text.length;
    const character = text.charAt(index);
    if ((atEnd && last < index) || character === ' ' || character === '\t') {
      units += shapedWidth(face, text.slice(last, index + 1));
      last = index + 1;
    }
  }
  return (units / face.unitsPerEm) * sizePt;
}

/** Width of the whitespace pdfmake cuts from the end of an inline when it ends a line. */
export function trailingSpacesWidth(text: string, face: PdfFace, sizePt: number): number {
  const match = /\s+$/.exec(text);
  return match ? pdfkitWidth(match[0], face, sizePt) : 0;
}

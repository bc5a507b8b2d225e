import { FONT_FEATURES, remember, shapingFont } from './paragraph-shaping.js';
import type { PdfFace } from './pdf-fonts.js';

/**
 * The width pdfkit (and so pdfmake) gives a string drawn with our font features: pdfkit shapes a
 * string with explicit features as a whole. Replicated here so the writer can predict exactly how
 * pdfmake will fill a line.
 */
export function pdfkitWidth(text: string, face: PdfFace, sizePt: number): number {
  if (text.length === 0) return 0;
  let units = face.widthCache.get(text);
  if (units === undefined) {
    units = shapingFont(face.loaded.font).layout(text, { ...FONT_FEATURES }).advanceWidth;
    remember(face.widthCache, text, units);
  }
  return (units / face.unitsPerEm) * sizePt;
}

/** Width of the whitespace pdfmake cuts from the start or end of an inline. */
export function edgeSpacesWidth(text: string, edge: 'leading' | 'trailing', face: PdfFace, sizePt: number): number {
  const match = edge === 'leading' ? /^\s+/.exec(text) : /\s+$/.exec(text);
  return match ? pdfkitWidth(match[0], face, sizePt) : 0;
}

import type { PdfFace } from './pdf-fonts.js';

/** The fontkit API beyond src/fonts/fontkit.d.ts: glyph code points and positions. */
interface ShapedRun {
  glyphs: { codePoints: number[] }[];
  positions: { xAdvance: number }[];
  advanceWidth: number;
}

/**
 * Shapes with the unkerned copy of the face and fontkit's default features, exactly as pdfkit
 * shapes what it draws. LibreOffice does not kern the DOCX either: it kerns only where w:kern asks
 * for it, and the DOCX writer's docDefaults do not (Word does not kern by default either).
 */
function shape(face: PdfFace, text: string): ShapedRun {
  return face.drawing.font.layout(text) as unknown as ShapedRun;
}

/**
 * The advance of each code point of `text` shaped as one run, in font units. Shaping is the
 * costly part of a render and official documents repeat their wording, so results are kept per
 * face for the life of the process (bounded: the cache is emptied when it grows too large).
 * Glyphs map to code points one to one for the fonts we ship; a ligature or a decomposition puts
 * the advance on the first code point concerned.
 */
export function codePointAdvances(face: PdfFace, text: string): number[] {
  const cached = face.advanceCache.get(text);
  if (cached) return cached;
  const length = [...text].length;
  const run = shape(face, text);
  const advances = new Array<number>(length).fill(0);
  let cursor = 0;
  run.glyphs.forEach((glyph, index) => {
    const target = Math.min(cursor, length - 1);
    advances[target] = (advances[target] ?? 0) + (run.positions[index]?.xAdvance ?? 0);
    cursor += glyph.codePoints.length;
  });
  remember(face.advanceCache, text, advances);
  return advances;
}

/** Width of `text` shaped as one run, in font units, cached like codePointAdvances. */
export function shapedWidth(face: PdfFace, text: string): number {
  const cached = face.widthCache.get(text);
  if (cached !== undefined) return cached;
  const width = shape(face, text).advanceWidth;
  remember(face.widthCache, text, width);
  return width;
}

const CACHE_LIMIT = 20_000;

function remember<T>(cache: Map<string, T>, key: string, value: T): void {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
}

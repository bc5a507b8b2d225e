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
 * The advance of each code point of `text`, in font units. A run is shaped word by word, each
 * word with the space or tab after it, as pdfkit shapes what it draws: no feature of a shipped
 * font reaches across a space (kerning is off), so the advances are those of the whole run, and
 * the words of official wording repeat so much that a word is shaped once per process. Whole
 * runs are kept too, as a document repeats its own lines and phrases. Both caches are emptied
 * when they grow too large. Glyphs map to code points one to one for the fonts we ship; a
 * ligature or a decomposition puts the advance on the first code point concerned.
 * The array returned is shared: callers must not change it.
 */
export function codePointAdvances(face: PdfFace, text: string): readonly number[] {
  const cached = face.runAdvances.get(text);
  if (cached) return cached;
  const advances: number[] = [];
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (char === SPACE || char === TAB) {
      pushAll(advances, wordAdvances(face, text.slice(start, index + 1)));
      start = index + 1;
    }
  }
  if (start < text.length) pushAll(advances, wordAdvances(face, text.slice(start)));
  remember(face.runAdvances, text, advances);
  return advances;
}

const SPACE = 0x20;
const TAB = 0x09;

function pushAll(target: number[], values: readonly number[]): void {
  // a loop, not push(...values): a word may be a million characters long
  for (const value of values) target.push(value);
}

function wordAdvances(face: PdfFace, word: string): readonly number[] {
  const cached = face.wordAdvances.get(word);
  if (cached) return cached;
  const length = [...word].length;
  const run = shape(face, word);
  const advances = new Array<number>(length).fill(0);
  let cursor = 0;
  run.glyphs.forEach((glyph, index) => {
    const target = Math.min(cursor, length - 1);
    advances[target] = (advances[target] ?? 0) + (run.positions[index]?.xAdvance ?? 0);
    cursor += glyph.codePoints.length;
  });
  remember(face.wordAdvances, word, advances);
  return advances;
}

/** Width of `text`, in font units: the sum of its advances, so it shares their cache. */
export function shapedWidth(face: PdfFace, text: string): number {
  let width = 0;
  for (const advance of codePointAdvances(face, text)) width += advance;
  return width;
}

const CACHE_LIMIT = 20_000;

function remember<T>(cache: Map<string, T>, key: string, value: T): void {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
}

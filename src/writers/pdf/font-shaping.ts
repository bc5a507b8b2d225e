import { shapeText, type GlyphPosition, type ShapedGlyph } from '../../adapters/fontkit.js';
import type { PdfFace } from './pdf-fonts.js';

/**
 * A word (or a single blank) as the unkerned face shapes it: what measuring and drawing both read.
 * Shaped once per process: official wording repeats the same few thousand words.
 */
export interface ShapedWord {
  /** The advance of each code point, in font units (see codePointAdvances). */
  advances: readonly number[];
  /** The glyphs in drawing order, with their positions in font units. */
  glyphs: readonly ShapedGlyph[];
  positions: readonly GlyphPosition[];
  /** Every glyph advances by its own width and sits on the baseline (true of unkerned Latin text). */
  plain: boolean;
}

/**
 * Shapes with the unkerned copy of the face and fontkit's default features, exactly as it is
 * drawn. LibreOffice does not kern the DOCX either: it kerns only where w:kern asks for it, and the
 * DOCX writer's docDefaults do not (Word does not kern by default either).
 *
 * Text is shaped in pieces: each word on its own and each space or tab on its own. No feature of
 * a shipped font reaches across a space (kerning is off), so the advances are those of the whole
 * run (tested), and the same pieces serve the drawing (pdf-font.ts), which draws the words of a
 * justified line apart.
 */
export function shapedWord(face: PdfFace, word: string): ShapedWord {
  const cached = face.words.get(word);
  if (cached) return cached;
  const run = shapeText(face.drawing.font, word);
  const length = [...word].length;
  const advances = new Array<number>(length).fill(0);
  // in the text's order, whichever order fontkit drew it in
  const count = run.glyphs.length;
  const rtl = run.direction === 'rtl';
  let cursor = 0;
  for (let step = 0; step < count; step++) {
    const index = rtl ? count - 1 - step : step;
    const target = Math.min(cursor, length - 1);
    advances[target] = (advances[target] ?? 0) + (run.positions[index]?.xAdvance ?? 0);
    cursor += run.glyphs[index]?.codePoints.length ?? 0;
  }
  // loops, not map and every with callbacks: V8 optimises a callback made in each call anew, and
  // this runs for every word not shaped before
  const positions: GlyphPosition[] = [];
  let plain = true;
  for (let index = 0; index < run.positions.length; index++) {
    const { xAdvance, xOffset, yOffset } = run.positions[index] as GlyphPosition;
    positions.push({ xAdvance, xOffset, yOffset });
    if (xAdvance !== run.glyphs[index]?.advanceWidth || xOffset || yOffset) plain = false;
  }
  const shaped: ShapedWord = { advances, glyphs: run.glyphs, positions, plain };
  // a copy of the word: a slice of a long paragraph would keep the whole paragraph alive here
  face.words.set(Array.from(word).join(''), shaped, wordBytes(word.length, count));
  return shaped;
}

/** Calls `visit` with each piece of `text` in order: words, and every space or tab alone. */
export function forEachPiece(face: PdfFace, text: string, visit: (piece: ShapedWord) => void): void {
  for (let start = 0; start < text.length; ) {
    const end = pieceEnd(text, start);
    visit(pieceAt(face, text, start, end));
    start = end;
  }
}

/** Where the piece of `text` that begins at `start` ends: after a space or tab alone, or at the next one. */
export function pieceEnd(text: string, start: number): number {
  const first = text.charCodeAt(start);
  if (first === SPACE || first === TAB) return start + 1;
  let end = start + 1;
  while (end < text.length) {
    const char = text.charCodeAt(end);
    if (char === SPACE || char === TAB) break;
    end++;
  }
  return end;
}

/** The piece text[start, end), shaped (the whole text is not copied when it is the piece). */
export function pieceAt(face: PdfFace, text: string, start: number, end: number): ShapedWord {
  return shapedWord(face, start === 0 && end === text.length ? text : text.slice(start, end));
}

/**
 * The advance of each code point of `text`, in font units. Glyphs map to code points one to one
 * for the fonts we ship; a ligature or a decomposition puts the advance on the first code point
 * concerned. The array returned may be a word's own, shared: callers must not change it. (Line
 * breaking takes its advances from the words directly, see paragraph-shaping.ts.)
 */
export function codePointAdvances(face: PdfFace, text: string): readonly number[] {
  const pieces: ShapedWord[] = [];
  forEachPiece(face, text, (piece) => pieces.push(piece));
  if (pieces.length === 1) return (pieces[0] as ShapedWord).advances;
  const advances: number[] = [];
  // a loop, not push(...values): a word may be a million characters long
  for (const piece of pieces) for (const advance of piece.advances) advances.push(advance);
  return advances;
}

const SPACE = 0x20;
const TAB = 0x09;

/** Width of `text`, in font units: the sum of its advances. */
export function shapedWidth(face: PdfFace, text: string): number {
  let width = 0;
  for (const advance of codePointAdvances(face, text)) width += advance;
  return width;
}

/**
 * A word's rough size in memory, for the cache's bound: a string's characters (two bytes each) and
 * headers, an array slot per advance, and per glyph a slot and a position object of three numbers
 * (glyph objects belong to the font and are shared).
 */
function wordBytes(characters: number, glyphs: number): number {
  return 120 + 2 * characters + 8 * characters + 80 * glyphs;
}


import type { PdfFace } from './pdf-fonts.js';

/** The fontkit API beyond src/fonts/fontkit.d.ts: glyph code points and positions, and the order. */
interface ShapedRun {
  glyphs: { codePoints: number[] }[];
  positions: { xAdvance: number }[];
  /** 'rtl' when fontkit took the text for right-to-left: its glyphs then come last letter first. */
  direction: string;
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
 * the words of official wording repeat so much that a word is shaped once per process. Runs of
 * several words are kept too, as a document repeats its own lines and phrases. Glyphs map to
 * code points one to one for the fonts we ship; a ligature or a decomposition puts the advance
 * on the first code point concerned.
 * The array returned is shared: callers must not change it.
 */
export function codePointAdvances(face: PdfFace, text: string): readonly number[] {
  const cached = face.runAdvances.get(text);
  if (cached) return cached;
  const words: string[] = [];
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (char === SPACE || char === TAB) {
      words.push(text.slice(start, index + 1));
      start = index + 1;
    }
  }
  if (start < text.length) words.push(text.slice(start));
  if (words.length === 1) return wordAdvances(face, words[0] as string);
  const advances: number[] = [];
  // a loop, not push(...values): a word may be a million characters long
  for (const word of words) for (const advance of wordAdvances(face, word)) advances.push(advance);
  face.runAdvances.set(text, advances);
  return advances;
}

const SPACE = 0x20;
const TAB = 0x09;

function wordAdvances(face: PdfFace, word: string): readonly number[] {
  const cached = face.wordAdvances.get(word);
  if (cached) return cached;
  const length = [...word].length;
  const run = shape(face, word);
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
  // a copy of the word: a slice of a long paragraph would keep the whole paragraph alive here
  face.wordAdvances.set(Array.from(word).join(''), advances);
  return advances;
}

/** Width of `text`, in font units: the sum of its advances, so it shares their cache. */
export function shapedWidth(face: PdfFace, text: string): number {
  let width = 0;
  for (const advance of codePointAdvances(face, text)) width += advance;
  return width;
}

/**
 * Shaping results kept for the life of the process, per face. Emptied when they hold too many
 * entries or characters, so a long-running service stays bounded (a run cache of a million
 * characters holds about 10 MB).
 */
export class ShapingCache {
  private readonly entries = new Map<string, readonly number[]>();
  private characters = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxCharacters: number,
  ) {}

  get(key: string): readonly number[] | undefined {
    return this.entries.get(key);
  }

  set(key: string, advances: readonly number[]): void {
    if (key.length > this.maxCharacters) return;
    if (this.entries.size >= this.maxEntries || this.characters + key.length > this.maxCharacters) {
      this.entries.clear();
      this.characters = 0;
    }
    this.entries.set(key, advances);
    this.characters += key.length;
  }
}

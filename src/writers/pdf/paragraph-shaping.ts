import type { ParagraphBlock } from '../../model/document.js';
import { fontStyleName, type FontStyleName } from '../../fonts/font-files.js';
import type { PdfFace, PdfFontFamily } from './pdf-fonts.js';
import { PX_PER_PT, PX_PER_TWIP } from './units.js';

/** What distinguishes two runs for measuring and drawing. */
export interface RunStyle {
  face: FontStyleName;
  underline: boolean;
}

/** One code point of a paragraph, or one of its manual line breaks. */
export interface TextUnit {
  text: string;
  kind: 'char' | 'space' | 'break';
  style: RunStyle;
  /**
   * Advance in LibreOffice reference-device pixels (1/120 pt): LibreOffice shapes a run as a whole
   * and rounds each glyph's advance to its device's pixels.
   */
  advancePx: number;
  /**
   * Room LibreOffice keeps free at the end of a line for an italic glyph's overhang
   * (SwTextGuess: a twelfth of the font's height, ascent + descent + line gap, in whole twips),
   * in pixels; 0 for upright text.
   */
  italicReservePx: number;
}

export interface ShapedParagraph {
  block: ParagraphBlock;
  units: TextUnit[];
}

/**
 * No kerning, in measuring and in drawing. LibreOffice kerns a DOCX only where w:kern asks for it,
 * and the DOCX writer's docDefaults do not, so LibreOffice sets the text unkerned (Word does too).
 * Measured against LibreOffice 7.4: with kerning the PDF's lines would hold more words.
 */
export const FONT_FEATURES: Readonly<Record<string, boolean>> = Object.freeze({ kern: false });

/** The fontkit API beyond src/fonts/fontkit.d.ts: layout with features, glyph code points, positions. */
interface ShapingFont {
  layout(text: string, features: Record<string, boolean>): {
    glyphs: { codePoints: number[] }[];
    positions: { xAdvance: number }[];
    advanceWidth: number;
  };
}

export function shapingFont(font: unknown): ShapingFont {
  return font as ShapingFont;
}

export function shapeParagraph(block: ParagraphBlock, family: PdfFontFamily): ShapedParagraph {
  const units: TextUnit[] = [];
  let pending: { text: string; style: RunStyle } | null = null;
  const flush = () => {
    if (pending) units.push(...shapeRun(pending.text, pending.style, block.style.sizePt, family));
    pending = null;
  };
  let lastStyle: RunStyle = { face: 'normal', underline: false };
  for (const run of block.runs) {
    if (run.kind === 'break') {
      flush();
      units.push({ text: '\n', kind: 'break', style: lastStyle, advancePx: 0, italicReservePx: 0 });
      continue;
    }
    const style = { face: fontStyleName(run.bold, run.italic), underline: run.underline };
    lastStyle = style;
    // Runs that look alike are one portion for LibreOffice, shaped together.
    if (pending && sameStyle(pending.style, style)) pending.text += run.text;
    else {
      flush();
      pending = { text: run.text, style };
    }
  }
  flush();
  return { block, units };
}

function shapeRun(text: string, style: RunStyle, sizePt: number, family: PdfFontFamily): TextUnit[] {
  const characters = [...text];
  if (characters.length === 0) return [];
  const face = family.faces[style.face];
  const advances = codePointAdvances(face, text, characters.length);
  const pxPerUnit = (sizePt * PX_PER_PT) / face.unitsPerEm;
  const italic = style.face === 'italics' || style.face === 'bolditalics';
  const fontHeightTwips = Math.round(((face.ascent - face.descent + face.lineGap) / face.unitsPerEm) * sizePt * 20);
  const italicReservePx = italic ? Math.floor(fontHeightTwips / 12) * PX_PER_TWIP : 0;
  return characters.map((character, index) => ({
    text: character,
    kind: character === ' ' ? 'space' : 'char',
    style,
    advancePx: Math.round((advances[index] ?? 0) * pxPerUnit),
    italicReservePx,
  }));
}

/**
 * The advance of each code point of a run, in font units, shaped as one run. Shaping is the
 * costly part of a render and official documents repeat their wording, so results are kept per
 * face for the life of the process (a bounded cache: cleared when it grows too large).
 */
function codePointAdvances(face: PdfFace, text: string, length: number): number[] {
  const cached = face.advanceCache.get(text);
  if (cached) return cached;
  const run = shapingFont(face.loaded.font).layout(text, { ...FONT_FEATURES });
  const advances = new Array<number>(length).fill(0);
  // Glyphs map to code points one to one for the fonts we ship; a ligature or a decomposition
  // (several code points per glyph, or glyphs without one) puts the advance on the first code point.
  let cursor = 0;
  run.glyphs.forEach((glyph, index) => {
    const target = Math.min(cursor, length - 1);
    advances[target] = (advances[target] ?? 0) + (run.positions[index]?.xAdvance ?? 0);
    cursor += glyph.codePoints.length;
  });
  remember(face.advanceCache, text, advances);
  return advances;
}

const CACHE_LIMIT = 20_000;

/** Adds to a per-face cache, dropping everything once it holds CACHE_LIMIT entries. */
export function remember<T>(cache: Map<string, T>, key: string, value: T): void {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
}

export function sameStyle(a: RunStyle, b: RunStyle): boolean {
  return a.face === b.face && a.underline === b.underline;
}

import * as fontkit from 'fontkit';
import { privateAccessAllowed } from './private-access.js';
import { trueTypeSubsets } from './truetype-subset.js';

/**
 * Everything the PDF writer asks of fontkit beyond src/fonts/fontkit.d.ts, typed in one place,
 * and the one use of a fontkit private member (the glyph decoder, see fontkitSubsettingFont, for
 * the subsets fontkit still makes). Written for fontkit 2.0.4; truetype-subset.ts writes the
 * bytes of its TrueType subsets.
 */

/** A glyph as fontkit shapes it: the code points it stands for and its advance, in font units. */
export interface ShapedGlyph {
  id: number;
  codePoints: number[];
  advanceWidth: number;
}

/** Where fontkit puts a glyph, in font units. */
export interface GlyphPosition {
  xAdvance: number;
  xOffset: number;
  yOffset: number;
}

interface ShapedText {
  glyphs: ShapedGlyph[];
  positions: GlyphPosition[];
  /** 'rtl' when fontkit took the text for right-to-left: its glyphs then come last letter first. */
  direction: string;
}

/** Shapes `text` with the font's default features. */
export function shapeText(font: fontkit.Font, text: string): ShapedText {
  return font.layout(text) as unknown as ShapedText;
}

/** A subset being built: glyphs are numbered in the order they are first included. */
export interface FontSubset {
  /** The glyph's number in the subset. */
  includeGlyph(glyphId: number): number;
  /** The subset's glyphs by their original ids, in subset order. */
  readonly glyphs: readonly number[];
  /** The subset font file (components of composite glyphs are added to it as they are met). */
  encode(): Uint8Array;
}

/** The facts about a face that a PDF font descriptor states. */
interface EmbeddingFacts {
  postscriptName: string;
  unitsPerEm: number;
  ascent: number;
  descent: number;
  capHeight: number;
  xHeight: number;
  italicAngle: number;
  bbox: { minX: number; minY: number; maxX: number; maxY: number };
  isFixedPitch: boolean;
  /** The OS/2 sFamilyClass's class (its high byte). */
  familyClass: number;
  italic: boolean;
  /** The advance of glyph 0 (.notdef), in font units. */
  notdefAdvance: number;
  /** How many glyphs the font has: glyph ids run from 0 to one less. */
  glyphCount: number;
  /** True when the font's outlines are CFF (an OpenType/CFF font) rather than TrueType glyf. */
  cff: boolean;
}

interface FontTables {
  'OS/2'?: { sFamilyClass?: number };
  post: { isFixedPitch: number | boolean; underlinePosition: number; underlineThickness: number };
  head: { macStyle: { italic: boolean } };
  'CFF '?: unknown;
  capHeight: number;
  xHeight: number;
  italicAngle: number;
  bbox: EmbeddingFacts['bbox'];
  getGlyph(id: number): { advanceWidth: number };
  numGlyphs: number;
}

const facts = new WeakMap<Uint8Array, EmbeddingFacts>();

/**
 * The descriptor facts of the font in `data`, read from the font subsets are made from: asking
 * the shaping font for glyph 0 would create that glyph with no code points, and shaping would then
 * give a character the font lacks (a tab) no place in the text.
 */
export function embeddingFacts(data: Uint8Array): EmbeddingFacts {
  const known = facts.get(data);
  if (known) return known;
  const font = fontkitSubsettingFont(data) as unknown as fontkit.Font;
  const tables = font as unknown as FontTables;
  const found: EmbeddingFacts = {
    postscriptName: font.postscriptName,
    unitsPerEm: font.unitsPerEm,
    ascent: font.ascent,
    descent: font.descent,
    capHeight: tables.capHeight,
    xHeight: tables.xHeight,
    italicAngle: tables.italicAngle,
    bbox: tables.bbox,
    isFixedPitch: Boolean(tables.post.isFixedPitch),
    familyClass: (tables['OS/2']?.sFamilyClass ?? 0) >> 8,
    italic: tables.head.macStyle.italic,
    notdefAdvance: tables.getGlyph(0).advanceWidth,
    glyphCount: tables.numGlyphs,
    cff: tables['CFF '] != null,
  };
  facts.set(data, found);
  return found;
}

/** Where a single underline goes below the baseline (negative: below) and how thick, from the post table. */
export function underlineMetrics(font: fontkit.Font): { position: number; thickness: number } {
  const { post } = font as unknown as FontTables;
  return { position: post.underlinePosition, thickness: post.underlineThickness };
}

/**
 * Creates, in ascending code point order, the glyph of every character the font maps. fontkit
 * keeps each glyph object with the code points it was first created for, and those go into the
 * PDF's ToUnicode map: created on demand, a glyph shared by two characters (space and no-break
 * space, say) would map to whichever a process happened to draw first, and the same model would
 * not always give the same bytes. Public API only.
 */
const pinned = new WeakSet<fontkit.Font>();

export function pinGlyphCodePoints(font: fontkit.Font): void {
  if (pinned.has(font)) return;
  const glyphs = font as unknown as { characterSet: number[]; glyphForCodePoint(codePoint: number): unknown };
  for (const codePoint of [...glyphs.characterSet].sort((a, b) => a - b)) glyphs.glyphForCodePoint(codePoint);
  pinned.add(font);
}

/** fontkit's glyph lookup and its private outline decoder, which subsetting calls for every glyph. */
interface GlyphSource {
  getGlyph(id: number, codePoints?: number[]): { _decode?: () => unknown };
  createSubset(): FontSubset;
}

const subsetting = new WeakMap<Uint8Array, { remembering?: GlyphSource; plain?: GlyphSource; own?: { createSubset(): FontSubset } | null }>();

let ownSubsets = true;

/**
 * Whether TrueType subsets are written by this project's encoder (truetype-subset.ts) rather
 * than by fontkit: the same bytes, several times faster. Switched off, fontkit makes every subset
 * again, which is how the tests compare the two.
 */
export function allowOwnSubsets(on: boolean): void {
  ownSubsets = on;
}

/**
 * What makes the subsets of the font in `data`, once per process and bytes: for a plain TrueType
 * font, the encoder of truetype-subset.ts, which writes fontkit's bytes from the font file's own
 * tables without decoding any glyph; for any other font (or when that encoder is switched off, or
 * finds the font unexpected), fontkit's own subsets.
 */
export function subsettingFont(data: Uint8Array): { createSubset(): FontSubset } {
  if (ownSubsets) {
    const fonts = fontsOf(data);
    if (fonts.own === undefined) fonts.own = trueTypeSubsets(data, () => fontkitSubsettingFont(data).createSubset()) ?? null;
    if (fonts.own) return fonts.own;
  }
  return fontkitSubsettingFont(data);
}

function fontsOf(data: Uint8Array) {
  let fonts = subsetting.get(data);
  if (!fonts) subsetting.set(data, (fonts = {}));
  return fonts;
}

/**
 * A fontkit font parsed from `data` only to make subsets from (and to read its descriptor facts),
 * once per process and bytes. fontkit's subset decodes the outline of every glyph it takes, for
 * every document, to find the parts of composite glyphs; an outline never changes, so with private
 * access allowed each glyph of this font keeps its first decoding (fontkit's private
 * Glyph._decode, wrapped through the public getGlyph). When fontkit has no such decoder, or
 * private access is off, subsets are made by the plain font: the same bytes, decoded again. Only
 * fonts the encoder of truetype-subset.ts does not take (CFF, variable fonts) need this for every
 * subset.
 */
function fontkitSubsettingFont(data: Uint8Array): GlyphSource {
  const fonts = fontsOf(data);
  if (privateAccessAllowed()) return (fonts.remembering ??= rememberDecodedGlyphs(fontkit.create(data) as unknown as GlyphSource));
  return (fonts.plain ??= fontkit.create(data) as unknown as GlyphSource);
}

function rememberDecodedGlyphs(font: GlyphSource): GlyphSource {
  const getGlyph = font.getGlyph.bind(font);
  const remembered = new WeakSet<object>();
  font.getGlyph = (id, codePoints) => {
    const glyph = getGlyph(id, codePoints);
    const decode = glyph._decode;
    if (typeof decode === 'function' && !remembered.has(glyph)) {
      let decoded: { value: unknown } | undefined;
      glyph._decode = () => (decoded ??= { value: decode.call(glyph) }).value;
      remembered.add(glyph);
    }
    return glyph;
  };
  return font;
}

/** Parses a single TrueType/OpenType font (fontkit would return a collection for a TTC). */
export function parseFont(data: Uint8Array): fontkit.Font {
  return fontkit.create(data);
}

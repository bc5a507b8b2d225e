import * as fontkit from 'fontkit';
import PDFDocument, { type TextOptions } from 'pdfkit';
import type { FontStyleName } from '../../fonts/font-files.js';
import type { PdfFace, PdfFontFamily } from './pdf-fonts.js';

/**
 * The one place that creates pdfkit documents, picks their fonts and collects their bytes.
 *
 * Each face is registered under its style name from the unkerned copy kept in memory
 * (pdf-fonts.ts), so pdfkit never reads a file and draws with exactly the advances layout
 * measured. pdfkit opens (and embeds) a face only when something is first drawn in it.
 */

export interface DocumentSetup {
  widthPt: number;
  heightPt: number;
  info: Record<string, string | Date>;
  language: string;
  pdfa: boolean;
}

const STYLES: FontStyleName[] = ['normal', 'bold', 'italics', 'bolditalics'];

type SharedFont = PdfFace['drawing']['font'];

/**
 * pdfkit's private per-document font object (EmbeddedFont): the fontkit font it shapes and
 * subsets, the subset being built, and its cache of shaped words.
 */
interface EmbeddedFont {
  font: SharedFont;
  subset: unknown;
  layoutCache?: Record<string, unknown>;
}

/** pdfkit's private font state of a document. */
interface FontState {
  _font?: EmbeddedFont;
  _fontFamilies: Record<string, EmbeddedFont>;
  _fontCount: number;
}

/** pdfkit's private drawing of one piece of text, what text() calls for each line it makes. */
interface Fragments {
  _fragment(text: string, x: number, y: number, options: TextOptions): void;
}

/** y is the baseline, not the top of the font's ascender. */
const PLAIN: TextOptions = { lineBreak: false, baseline: 'alphabetic' };

type EmbeddedFontClass = new (document: PDFDocument, font: SharedFont, id: string) => EmbeddedFont;

/** pdfkit's EmbeddedFont class (not exported), learnt from the first face pdfkit opens itself. */
let embeddedFontClass: EmbeddedFontClass | undefined;

/** pdfkit's shaped words per face, kept for the life of the process like font-shaping.ts's caches. */
const sharedLayouts = new WeakMap<PdfFace, Record<string, unknown>>();
const LAYOUT_LIMIT = 20_000;

/** Per face, a second parse of the same bytes that only subsets (see shareableFont). */
const subsetFonts = new WeakMap<PdfFace, SharedFont>();

export class WriterDocument {
  readonly doc: PDFDocument;
  private readonly opened = new Set<FontStyleName>();

  constructor(
    setup: DocumentSetup,
    private readonly family: PdfFontFamily,
  ) {
    this.doc = new PDFDocument({
      size: [setup.widthPt, setup.heightPt],
      autoFirstPage: false,
      font: null,
      pdfVersion: '1.7',
      ...(setup.pdfa ? { subset: 'PDF/A-2b' as const } : {}),
      lang: setup.language,
      displayTitle: true,
      compress: true,
      info: setup.info,
    });
    for (const style of STYLES) this.doc.registerFont(style, family.faces[style].drawing.data);
  }

  /** Makes `style` at `sizePt` the current font. */
  font(style: FontStyleName, sizePt: number): PDFDocument {
    if (!this.opened.has(style)) {
      this.open(style);
      this.opened.add(style);
    }
    return this.doc.font(style, sizePt);
  }

  /**
   * Draws `text` in the current font with its baseline at (x, y), never wrapped. The same as
   * pdfkit's text(text, x, y, { lineBreak: false, baseline: 'alphabetic', wordSpacing }) without
   * what text() does besides drawing: copying its options and measuring the text again to move a
   * cursor this writer never uses (a tenth of a render).
   */
  text(text: string, x: number, y: number, wordSpacing: number): void {
    (this.doc as unknown as Fragments)._fragment(text, x, y, wordSpacing === 0 ? PLAIN : { ...PLAIN, wordSpacing });
  }

  /** Ends the document and resolves with the whole file. */
  finish(): Promise<Uint8Array> {
    return new Promise<Uint8Array>((resolve, reject) => {
      const chunks: Uint8Array[] = [];
      this.doc.on('data', (chunk) => chunks.push(chunk));
      this.doc.on('end', () => resolve(concatBytes(chunks)));
      this.doc.on('error', reject);
      this.doc.end();
    });
  }

  /**
   * pdfkit parses every font anew for each document and shapes every word again, which was most
   * of the cost of a render. Instead, a face is opened on the process-wide fontkit font (the one
   * layout shapes with: the same unkerned bytes) and given a process-wide cache of shaped words,
   * so each font is parsed and each word shaped once per process. Nothing of one document leaks
   * into another: the subset, its glyph widths and its ToUnicode map are the document's own.
   * pdfkit opens the very first face itself (registered under the style's name), which tells us
   * its EmbeddedFont class; that face is then pointed at the shared font with a fresh subset.
   */
  private open(style: FontStyleName): void {
    const face = this.family.faces[style];
    const state = this.doc as unknown as FontState;
    const font = shareableFont(face);
    let embedded: EmbeddedFont | undefined;
    if (embeddedFontClass) {
      embedded = new embeddedFontClass(this.doc, font, `F${++state._fontCount}`);
      state._fontFamilies[style] = embedded;
    } else {
      this.doc.font(style);
      embedded = state._font;
      if (!embedded || !('subset' in embedded) || !('font' in embedded) || typeof state._fontFamilies !== 'object') {
        throw new Error('ket-luan: this pdfkit version has no EmbeddedFont font/subset; the PDF writer needs updating');
      }
      embeddedFontClass = embedded.constructor as EmbeddedFontClass;
      embedded.font = font;
    }
    embedded.subset = subsetFont(face).createSubset();
    embedded.layoutCache = sharedLayout(face);
  }
}

/**
 * The shared font, with every glyph the cmap reaches created up front for its lowest code point.
 * fontkit keeps each glyph object with the code points it was first created for, and pdfkit
 * writes those into the ToUnicode map: created on demand, a glyph shared by two characters (space
 * and no-break space, say) would map to whichever a process happened to draw first, and the same
 * model would not always give the same bytes.
 */
const stableFonts = new WeakSet<SharedFont>();

function shareableFont(face: PdfFace): SharedFont {
  const font = face.drawing.font;
  if (!stableFonts.has(font)) {
    const glyphs = font as unknown as { characterSet: number[]; glyphForCodePoint(codePoint: number): unknown };
    for (const codePoint of [...glyphs.characterSet].sort((a, b) => a - b)) glyphs.glyphForCodePoint(codePoint);
    stableFonts.add(font);
  }
  return font;
}

/**
 * A font of its own for subsetting: the subset creates the glyphs that composite glyphs are built
 * from without code points, and in the shared font such a glyph, drawn later as a character of
 * its own, would reach the ToUnicode map (and font-shaping.ts) with none.
 */
function subsetFont(face: PdfFace): { createSubset(): unknown } {
  let font = subsetFonts.get(face);
  if (!font) {
    font = fontkit.create(face.drawing.data);
    rememberDecodedGlyphs(font as unknown as GlyphSource);
    subsetFonts.set(face, font);
  }
  return font as unknown as { createSubset(): unknown };
}

/** fontkit's glyph lookup, and its private glyph decoder that subsetting calls for every glyph. */
interface GlyphSource {
  getGlyph(id: number, codePoints?: number[]): { _decode?: () => unknown };
}

/**
 * A subset decodes the outline of every glyph it takes, for every document, to find the parts of
 * composite glyphs: about a tenth of a PDF's time. The outline of a glyph never changes, so each
 * glyph of the subsetting font keeps its first decoding. Should fontkit stop having the decoder,
 * subsetting just goes on without this.
 */
function rememberDecodedGlyphs(font: GlyphSource): void {
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
}

function sharedLayout(face: PdfFace): Record<string, unknown> {
  let layouts = sharedLayouts.get(face);
  if (!layouts || Object.keys(layouts).length > LAYOUT_LIMIT) {
    layouts = Object.create(null) as Record<string, unknown>;
    sharedLayouts.set(face, layouts);
  }
  return layouts;
}

function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((length, chunk) => length + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

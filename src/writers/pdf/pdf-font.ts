import type PDFDocument from 'pdfkit';
import type { PDFReference } from 'pdfkit';
import { embeddingFacts, pinGlyphCodePoints, subsettingFont, type FontSubset, type GlyphPosition, type ShapedGlyph } from '../../adapters/fontkit.js';
import { endStream, pageFonts, writtenStream } from '../../adapters/pdfkit.js';
import { forEachPiece, shapedWord, type ShapedWord } from './font-shaping.js';
import type { ContentBytes } from './content-bytes.js';
import type { PdfFace } from './pdf-fonts.js';

/**
 * One face as a font of one PDF: a Type0 font, Identity-H encoded, over a TrueType subset of
 * the glyphs the document draws, with the glyph widths and a ToUnicode map (so text can be
 * searched and copied). Its objects and its text operators are written exactly as pdfkit writes
 * its own embedded fonts (0.18–0.20), from the shaping the layout already did: every word is
 * shaped once per process (font-shaping.ts), and drawing only looks up its glyphs.
 */
export class DocumentFont {
  private readonly subsetting: object & { createSubset(): FontSubset };
  private readonly subset: FontSubset;
  /** By subset glyph number: the advance in thousandths of an em, and the code points it stands for. */
  private readonly widths: number[];
  private readonly unicode: number[][];
  /**
   * By original glyph id: the glyph's number in the subset, -1 until it is drawn. A typed array:
   * a plain array whose first index is a glyph id in the thousands is a dictionary to V8, and
   * this is looked up for every glyph drawn.
   */
  private readonly numbers: Int32Array;
  private dictionary: PDFReference | undefined;
  private written: { streams: SubsetStreams; fontFile: PDFReference; cmap?: PDFReference } | undefined;
  /** Font units to thousandths of an em. */
  private readonly scale: number;

  constructor(
    private readonly doc: PDFDocument,
    readonly face: PdfFace,
    /** The font's resource name, F1, F2, … in the order faces are first used. */
    readonly id: string,
  ) {
    const facts = embeddingFacts(face.drawing.data);
    pinGlyphCodePoints(face.drawing.font);
    this.subsetting = subsettingFont(face.drawing.data);
    this.subset = this.subsetting.createSubset();
    this.unicode = [[0]];
    // pdfkit's first width, in font units rather than thousandths: kept so the bytes stay the same
    this.widths = [facts.notdefAdvance];
    this.scale = 1000 / facts.unitsPerEm;
    this.numbers = new Int32Array(facts.glyphCount).fill(-1);
  }

  /**
   * Appends to `out` the operators that draw `text` with its baseline's start at (x, y), y from
   * the page's top (the font is named in the current page's resources), as pdfkit's
   * text(text, x, y, { lineBreak: false, baseline: 'alphabetic' }) draws it.
   */
  draw(out: ContentBytes, text: string, x: number, y: number, sizePt: number): void {
    if (text.length === 0) return;
    const pieces: ShapedWord[] = [];
    forEachPiece(this.face, text, (piece) => pieces.push(piece));
    this.drawPieces(out, pieces, x, y, sizePt, 0);
  }

  /**
   * Appends to `out` the operators that draw `words` (none holding white space), a space between
   * each two, as pdfkit's text(words.join(' '), x, y, { lineBreak: false, baseline: 'alphabetic',
   * wordSpacing }) draws them: with word spacing, the words without their spaces, each gap the
   * space's width plus wordSpacing. The line's layout has the words apart and shaped already:
   * they are not joined to be split and shaped again.
   */
  drawWords(out: ContentBytes, words: readonly ShapedWord[], x: number, y: number, sizePt: number, wordSpacing: number): void {
    if (words.length === 0) return;
    if (wordSpacing) return this.drawPieces(out, words, x, y, sizePt, wordSpacing);
    const space = shapedWord(this.face, ' ');
    const pieces: ShapedWord[] = [];
    for (const word of words) {
      if (pieces.length > 0) pieces.push(space);
      pieces.push(word);
    }
    this.drawPieces(out, pieces, x, y, sizePt, 0);
  }

  /** One drawing's operators, each drawing followed by a newline (as pdfkit ends each piece of content). */
  private drawPieces(out: ContentBytes, pieces: readonly ShapedWord[], x: number, y: number, sizePt: number, wordSpacing: number): void {
    const fonts = pageFonts(this.doc);
    if (fonts[this.id] == null) fonts[this.id] = (this.dictionary ??= this.doc.ref());
    const pageHeight = this.doc.page.height;
    const top = pageHeight - y - 0;
    // with word spacing, the gap after each word: the space's width plus wordSpacing, in thousandths of an em
    let gap = 0;
    if (wordSpacing) {
      // the space's width as pdfkit measures it (widthOfString(' ')), in points
      let spaceRun = 0;
      for (const position of shapedWord(this.face, ' ').positions) spaceRun += position.xAdvance * this.scale;
      const spacePt = ((spaceRun * (sizePt / 1000) + 0) * 100) / 100;
      gap = (wordSpacing + spacePt) * (1000 / sizePt);
    }
    out.ascii('q\n1 0 0 -1 0 ');
    out.number(pdfNumber(pageHeight));
    out.ascii(' cm\nBT\n1 0 0 1 ');
    out.number(pdfNumber(x));
    out.ascii(' ');
    out.number(pdfNumber(top));
    out.ascii(' Tm\n/');
    out.ascii(this.id);
    out.ascii(' ');
    out.number(pdfNumber(sizePt));
    out.ascii(' Tf\n');
    let plain = true;
    for (const piece of pieces) if (!piece.plain) plain = false;
    if (plain) this.plainOperators(out, pieces, gap);
    else out.ascii(this.operators(pieces, gap, x, top, sizePt));
    out.ascii('ET\nQ\n');
  }

  /**
   * The TJ operator of glyphs that each advance by their own width: the only adjustments are the
   * gaps after words (`gap`, when the words are drawn apart). Written as pdfkit writes it,
   * `[<codes> adjustment <codes> adjustment …] TJ`: a string of codes ends wherever an
   * adjustment follows, the last one is followed by 0; nothing when there is no glyph.
   */
  private plainOperators(out: ContentBytes, pieces: readonly ShapedWord[], gap: number): void {
    let glyphs = false;
    for (const piece of pieces) if (piece.glyphs.length > 0) glyphs = true;
    if (!glyphs) return;
    out.ascii('[');
    let first = true;
    let open = false;
    for (const piece of pieces) {
      if (piece.glyphs.length === 0) continue;
      if (!open) {
        out.ascii(first ? '<' : ' <');
        open = true;
        first = false;
      }
      for (const glyph of piece.glyphs) out.hex4(this.number(glyph));
      if (gap !== 0) {
        const last = piece.glyphs.length - 1;
        const width = (piece.glyphs[last] as ShapedGlyph).advanceWidth * this.scale;
        const adjustment = (piece.positions[last] as GlyphPosition).xAdvance * this.scale + gap - width;
        if (adjustment !== 0) {
          out.ascii('> ');
          out.number(pdfNumber(-adjustment));
          open = false;
        }
      }
    }
    if (open) out.ascii('> 0');
    out.ascii('] TJ\n');
  }

  /** The operators of any glyphs, whatever their advances and offsets (see textOperators). */
  private operators(pieces: readonly ShapedWord[], gap: number, x: number, y: number, sizePt: number): string {
    const codes: string[] = [];
    const advances: number[] = [];
    const widths: number[] = [];
    const offsets: number[] = [];
    for (const { glyphs, positions } of pieces) {
      const last = glyphs.length - 1;
      for (let index = 0; index <= last; index++) {
        const glyph = glyphs[index] as ShapedGlyph;
        const position = positions[index] as GlyphPosition;
        codes.push(hex4(this.number(glyph)));
        const advance = position.xAdvance * this.scale;
        advances.push(index === last && gap !== 0 ? advance + gap : advance);
        widths.push(glyph.advanceWidth * this.scale);
        offsets.push(position.xOffset * this.scale, position.yOffset * this.scale);
      }
    }
    const ops: string[] = [];
    textOperators(ops, codes, advances, widths, offsets, x, y, sizePt / 1000);
    return ops.map((op) => `${op}\n`).join('');
  }

  /** Writes the font's objects; called once, when the document's drawing is done. */
  embed(): void {
    if (this.dictionary === undefined) return;
    const { doc, scale } = this;
    const facts = embeddingFacts(this.face.drawing.data);
    const streams = subsetStreams(this.subsetting, this.subset, () => this.toUnicode());
    const fontFile = endStream(doc, facts.cff ? { Subtype: 'CIDFontType0C' } : {}, streams.file, streams.deflatedFile);
    this.written = { streams, fontFile };

    let flags = 0;
    if (facts.isFixedPitch) flags |= 1 << 0;
    if (1 <= facts.familyClass && facts.familyClass <= 7) flags |= 1 << 1;
    flags |= 1 << 2;
    if (facts.familyClass === 10) flags |= 1 << 3;
    if (facts.italic) flags |= 1 << 6;
    let tag = '';
    for (let index = 1; index <= 6; index++) tag += String.fromCharCode((this.id.charCodeAt(index) || 73) + 17);
    const name = `${tag}+${facts.postscriptName.replaceAll(' ', '_')}`;
    const { bbox } = facts;
    const descriptor = doc.ref({
      Type: 'FontDescriptor',
      FontName: name,
      Flags: flags,
      FontBBox: [bbox.minX * scale, bbox.minY * scale, bbox.maxX * scale, bbox.maxY * scale],
      ItalicAngle: facts.italicAngle,
      Ascent: facts.ascent * scale,
      Descent: facts.descent * scale,
      CapHeight: (facts.capHeight || facts.ascent) * scale,
      XHeight: (facts.xHeight || 0) * scale,
      StemV: 0,
    });
    descriptor.data[facts.cff ? 'FontFile3' : 'FontFile2'] = fontFile;
    descriptor.end();

    const descendant = doc.ref({
      Type: 'Font',
      Subtype: facts.cff ? 'CIDFontType0' : 'CIDFontType2',
      BaseFont: name,
      CIDSystemInfo: { Registry: new String('Adobe'), Ordering: new String('Identity'), Supplement: 0 },
      FontDescriptor: descriptor,
      W: [0, this.widths],
      ...(facts.cff ? {} : { CIDToGIDMap: 'Identity' }),
    });
    descendant.end();
    this.dictionary.data = {
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: name,
      Encoding: 'Identity-H',
      DescendantFonts: [descendant],
      ToUnicode: (this.written.cmap = endStream(doc, {}, streams.cmap, streams.deflatedCmap)),
    };
    this.dictionary.end();
  }

  /**
   * Keeps, for the next document drawing the same glyphs, the deflated streams as `pdf` has them:
   * from the second document that draws them on. Most sets of glyphs a document draws are its own
   * (its names and wording), met once, and finding the streams in the file would be wasted.
   */
  learnFrom(pdf: Uint8Array): void {
    if (!this.written || this.written.streams.drawn < 2) return;
    const { streams, fontFile, cmap } = this.written;
    streams.deflatedFile ??= writtenStream(pdf, fontFile);
    if (cmap) streams.deflatedCmap ??= writtenStream(pdf, cmap);
  }

  /** The glyph's number in this document's subset (its code), added to the subset on first use. */
  private number(glyph: ShapedGlyph): number {
    const known = this.numbers[glyph.id] as number;
    if (known >= 0) return known;
    const number = this.subset.includeGlyph(glyph.id);
    this.widths[number] ??= glyph.advanceWidth * this.scale;
    this.unicode[number] ??= glyph.codePoints;
    this.numbers[glyph.id] = number;
    return number;
  }

  /** The ToUnicode CMap: for each glyph of the subset, the code points it stands for. */
  private toUnicode(): string {
    const entries: string[] = [];
    for (let number = 0; number < this.unicode.length; number++) {
      const codePoints = this.unicode[number];
      // a glyph drawn only as part of another has no code points: an empty entry, as before
      if (codePoints === undefined) {
        entries.push('');
        continue;
      }
      const encoded: string[] = [];
      for (let value of codePoints) {
        if (value > 0xffff) {
          value -= 0x10000;
          encoded.push(hex4(((value >>> 10) & 0x3ff) | 0xd800));
          value = 0xdc00 | (value & 0x3ff);
        }
        encoded.push(hex4(value));
      }
      entries.push(`<${encoded.join(' ')}>`);
    }
    const ranges: string[] = [];
    for (let start = 0; start < entries.length; start += 256) {
      const end = Math.min(start + 256, entries.length);
      ranges.push(`<${hex4(start)}> <${hex4(end - 1)}> [${entries.slice(start, end).join(' ')}]`);
    }
    return [
      '/CIDInit /ProcSet findresource begin',
      '12 dict begin',
      'begincmap',
      '/CIDSystemInfo <<',
      '  /Registry (Adobe)',
      '  /Ordering (UCS)',
      '  /Supplement 0',
      '>> def',
      '/CMapName /Adobe-Identity-UCS def',
      '/CMapType 2 def',
      '1 begincodespacerange',
      '<0000><ffff>',
      'endcodespacerange',
      `${ranges.length} beginbfrange`,
      ...ranges,
      'endbfrange',
      'endcmap',
      'CMapName currentdict /CMap defineresource pop',
      'end',
      'end',
    ].join('\n');
  }
}

/**
 * What a face's font needs for one set of glyphs: the subset font file and the ToUnicode map,
 * and, once a document has been written with them, both streams as they were deflated there.
 */
interface SubsetStreams {
  file: Uint8Array;
  cmap: string;
  /** How many documents have drawn these glyphs. */
  drawn: number;
  deflatedFile?: Uint8Array;
  deflatedCmap?: Uint8Array;
}

/**
 * Streams by the glyphs they hold, per subsetting font (so per face). Documents of one office
 * draw the same header, title and signature block, so a face's glyphs come back the same, and
 * its streams with them: deflating a subset is most of what it costs (writing it, see
 * adapters/truetype-subset.ts, is a small part). The widths and codes of a subset follow from its
 * glyphs too. Bounded like the word cache: emptied when full.
 */
const subsetCaches = new WeakMap<object, { bytes: number; streams: Map<string, SubsetStreams> }>();
const SUBSET_CACHE_BYTES = 4_000_000;

function subsetStreams(font: object, subset: FontSubset, cmap: () => string): SubsetStreams {
  let cache = subsetCaches.get(font);
  if (!cache) subsetCaches.set(font, (cache = { bytes: 0, streams: new Map() }));
  const key = subset.glyphs.join(',');
  const known = cache.streams.get(key);
  if (known) {
    known.drawn++;
    return known;
  }
  const streams: SubsetStreams = { file: subset.encode(), cmap: cmap(), drawn: 1 };
  // the file and its deflated copy, the map as characters and deflated
  const bytes = 2 * streams.file.length + 3 * streams.cmap.length + 2 * key.length;
  if (cache.bytes + bytes > SUBSET_CACHE_BYTES) {
    cache.streams.clear();
    cache.bytes = 0;
  }
  cache.streams.set(key, streams);
  cache.bytes += bytes;
  return streams;
}

/**
 * The TJ operators of a run of glyphs, as pdfkit writes them: glyph codes in strings, split where
 * a glyph's advance differs from its width (the difference, in thousandths of an em, goes between
 * the strings), and glyphs moved off the baseline each placed with a Tm of its own. `x` and `y`
 * are the run's start in PDF space; `scale` turns thousandths of an em into points.
 */
function textOperators(ops: string[], codes: string[], advances: number[], widths: number[], offsets: number[], x: number, y: number, scale: number): void {
  const commands: string[] = [];
  let last = 0;
  let hadOffset = false;
  const addSegment = (end: number) => {
    if (last < end) {
      const adjustment = (advances[end - 1] as number) - (widths[end - 1] as number);
      commands.push(`<${codes.slice(last, end).join('')}> ${pdfNumber(-adjustment)}`);
    }
    last = end;
  };
  const flush = (end: number) => {
    addSegment(end);
    if (commands.length > 0) {
      ops.push(`[${commands.join(' ')}] TJ`);
      commands.length = 0;
    }
  };
  const count = codes.length;
  for (let index = 0; index < count; index++) {
    const xOffset = offsets[2 * index] as number;
    const yOffset = offsets[2 * index + 1] as number;
    if (xOffset || yOffset) {
      flush(index);
      ops.push(`1 0 0 1 ${pdfNumber(x + xOffset * scale)} ${pdfNumber(y + yOffset * scale)} Tm`);
      flush(index + 1);
      hadOffset = true;
    } else {
      if (hadOffset) {
        ops.push(`1 0 0 1 ${pdfNumber(x)} ${pdfNumber(y)} Tm`);
        hadOffset = false;
      }
      if ((advances[index] as number) - (widths[index] as number) !== 0) addSegment(index + 1);
    }
    x += (advances[index] as number) * scale;
  }
  flush(count);
}

/** A number as pdfkit writes one: rounded to six decimals. */
export function pdfNumber(value: number): number {
  if (value > -1e21 && value < 1e21) return Math.round(value * 1e6) / 1e6;
  throw new Error(`unsupported number: ${value}`);
}

function hex4(value: number): string {
  return `0000${value.toString(16)}`.slice(-4);
}

import { isTrueTypeVersion, sfntTables } from '../fonts/sfnt.js';
import type { FontSubset } from './fontkit.js';

/**
 * TrueType (glyf) subsets written with the very bytes fontkit 2.0.4's TTFSubset.encode() writes,
 * at a fraction of its cost. fontkit decodes and re-encodes every table of every subset through
 * its generic struct encoder; here everything that does not depend on the subset is read once per
 * font: the tables fontkit copies (head, hhea, maxp, cvt , prep, fpgm, as fontkit encodes them),
 * and per glyph its bytes, the places where a composite glyph names its components, and its
 * metrics. A subset is then a matter of copying bytes and writing the few numbers that depend on
 * it: maxp.numGlyphs, hhea.numberOfMetrics, loca, hmtx and the table directory.
 *
 * Only the font file is read (its table directory, loca, glyf and hmtx), and fontkit only through
 * its public subsets: the constant tables are taken from a subset fontkit makes once per font,
 * which also checks the whole method: when this encoder does not write that subset's bytes, or the
 * font is not plain TrueType (CFF, variable, colour or bitmap glyphs, a collection, WOFF), or
 * anything in it is unexpected, there is no fast encoder and fontkit makes every subset. A subset
 * that meets a glyph id the font does not have is handed to a fontkit subset in the same state.
 *
 * What fontkit's subset writes (read from its source):
 * - glyphs numbered in order of first inclusion, glyph 0 first; while encoding, the components of
 *   each composite glyph are included as it is met, so `glyphs` grows during encode();
 * - each glyph's bytes as the font's loca delimits them, a composite's component ids rewritten
 *   to subset numbers;
 * - loca in the font's own format (short offsets halved), hmtx with an advance and left side
 *   bearing for every glyph (numberOfMetrics = numGlyphs);
 * - a table directory tagged 'true' with the tables in fontkit's order, every checkSum 0, each
 *   table right after the one before it, without padding.
 */

/** Makes fontkit's own subset of the same font. */
export type FontkitSubsets = () => FontSubset;

interface TableRecord {
  offset: number;
  length: number;
}

const COMPOSITE_ARG_WORDS = 0x0001;
const COMPOSITE_SCALE = 0x0008;
const COMPOSITE_MORE = 0x0020;
const COMPOSITE_XY_SCALE = 0x0040;
const COMPOSITE_TWO_BY_TWO = 0x0080;

/** A glyph with no components. */
const SIMPLE = new Uint16Array(0);

/** What a font's subsets are made from, read once. */
class TrueTypeFace {
  /** The subset font's table directory as fontkit writes it, with the offsets and lengths to fill in. */
  header: Uint8Array = new Uint8Array(0);
  /** The tables in the subset's order: a constant table's bytes, or the name of a table made per subset. */
  tables: (Uint8Array | 'loca' | 'glyf' | 'hmtx')[] = [];
  /** Where, in `tables`, maxp and hhea are (their glyph counts are written per subset). */
  maxp = -1;
  hhea = -1;

  /** By glyph id: its advance and left side bearing, as hmtx writes them. */
  readonly metrics: Uint8Array;
  /** By glyph id: for a composite glyph, each component's glyph id and where in the glyph's bytes it is written; SIMPLE, or null when unreadable. */
  private readonly components: (Uint16Array | null | undefined)[];

  constructor(
    readonly data: Uint8Array,
    readonly numGlyphs: number,
    /** head.indexToLocFormat: 0 for short (halved, 16-bit) loca offsets. */
    readonly longLoca: boolean,
    /** Glyph i's bytes are glyf[loca[i], loca[i + 1]). */
    readonly glyf: Uint8Array,
    readonly loca: Uint32Array,
    hmtx: Uint8Array,
    numberOfHMetrics: number,
  ) {
    this.components = new Array(numGlyphs);
    const metrics = (this.metrics = new Uint8Array(4 * numGlyphs));
    for (let id = 0; id < numGlyphs; id++) {
      // fontkit: the last advance for glyphs past numberOfHMetrics, with a bearing of their own
      const advanceAt = 4 * Math.min(id, numberOfHMetrics - 1);
      const bearingAt = id < numberOfHMetrics ? 4 * id + 2 : 4 * numberOfHMetrics + 2 * (id - numberOfHMetrics);
      metrics[4 * id] = hmtx[advanceAt] as number;
      metrics[4 * id + 1] = hmtx[advanceAt + 1] as number;
      metrics[4 * id + 2] = hmtx[bearingAt] as number;
      metrics[4 * id + 3] = hmtx[bearingAt + 1] as number;
    }
  }

  /** A composite glyph's components as (id, position) pairs, SIMPLE for any other, null when fontkit would read past the glyph. */
  componentsOf(id: number): Uint16Array | null {
    let known = this.components[id];
    if (known === undefined) this.components[id] = known = this.readComponents(id);
    return known;
  }

  /** As fontkit's TTFGlyph._decodeComposite finds them. */
  private readComponents(id: number): Uint16Array | null {
    const start = this.loca[id] as number;
    const end = this.loca[id + 1] as number;
    if (start === end) return SIMPLE;
    const glyph = this.glyf.subarray(start, end);
    // fontkit reads a glyph's 10-byte header whatever its length
    if (glyph.length < 10) return null;
    const contours = (((glyph[0] as number) << 8) | (glyph[1] as number)) << 16 >> 16;
    if (contours >= 0) return SIMPLE;
    const found: number[] = [];
    let at = 10;
    let flags = COMPOSITE_MORE;
    while (flags & COMPOSITE_MORE) {
      if (at + 4 > glyph.length) return null;
      flags = ((glyph[at] as number) << 8) | (glyph[at + 1] as number);
      const component = ((glyph[at + 2] as number) << 8) | (glyph[at + 3] as number);
      if (component >= this.numGlyphs) return null;
      found.push(component, at + 2);
      at += 4 + (flags & COMPOSITE_ARG_WORDS ? 4 : 2);
      if (flags & COMPOSITE_SCALE) at += 2;
      else if (flags & COMPOSITE_XY_SCALE) at += 4;
      else if (flags & COMPOSITE_TWO_BY_TWO) at += 8;
    }
    return Uint16Array.from(found);
  }
}

/** The table directory of a single TrueType font file, by tag; undefined when it is not one. */
function tableDirectory(data: Uint8Array): Map<string, TableRecord> | undefined {
  const records = sfntTables(data);
  // not OTTO, ttcf, wOFF, wOF2
  if (records === undefined || !isTrueTypeVersion(new DataView(data.buffer, data.byteOffset, 4).getUint32(0))) return undefined;
  const tables = new Map<string, TableRecord>();
  for (const { tag, offset, length } of records) {
    if (tables.has(tag) || offset + length > data.length) return undefined;
    tables.set(tag, { offset, length });
  }
  return tables;
}

/** Tables whose presence makes fontkit subset or draw glyphs otherwise than from glyf as it is. */
const NOT_PLAIN = ['CFF ', 'CFF2', 'fvar', 'gvar', 'sbix', 'COLR'];

/** The face's glyph data, when the font is plain TrueType and its tables are whole. */
function readFace(data: Uint8Array): TrueTypeFace | undefined {
  const tables = tableDirectory(data);
  if (!tables || NOT_PLAIN.some((tag) => tables.has(tag))) return undefined;
  const head = tables.get('head');
  const hhea = tables.get('hhea');
  const maxp = tables.get('maxp');
  const loca = tables.get('loca');
  const glyf = tables.get('glyf');
  const hmtx = tables.get('hmtx');
  if (!head || !hhea || !maxp || !loca || !glyf || !hmtx) return undefined;
  if (head.length < 54 || hhea.length < 36 || maxp.length < 6) return undefined;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const numGlyphs = view.getUint16(maxp.offset + 4);
  const format = view.getInt16(head.offset + 50);
  const numberOfHMetrics = view.getUint16(hhea.offset + 34);
  if (numGlyphs === 0 || (format !== 0 && format !== 1) || numberOfHMetrics === 0 || numberOfHMetrics > numGlyphs) return undefined;
  const longLoca = format === 1;
  if (loca.length < (numGlyphs + 1) * (longLoca ? 4 : 2)) return undefined;
  if (hmtx.length < 4 * numberOfHMetrics + 2 * (numGlyphs - numberOfHMetrics)) return undefined;
  const offsets = new Uint32Array(numGlyphs + 1);
  for (let id = 0; id <= numGlyphs; id++) {
    const offset = longLoca ? view.getUint32(loca.offset + 4 * id) : 2 * view.getUint16(loca.offset + 2 * id);
    // glyphs in order, inside glyf
    if (offset > glyf.length || (id > 0 && offset < (offsets[id - 1] as number))) return undefined;
    offsets[id] = offset;
  }
  return new TrueTypeFace(
    data,
    numGlyphs,
    longLoca,
    data.subarray(glyf.offset, glyf.offset + glyf.length),
    offsets,
    data.subarray(hmtx.offset, hmtx.offset + hmtx.length),
    numberOfHMetrics,
  );
}

/**
 * Takes the tables that do not depend on the subset from `reference`, a subset fontkit wrote of
 * this font; false when its layout is not the one this encoder writes.
 */
function takeConstantTables(face: TrueTypeFace, reference: Uint8Array): boolean {
  const tables = tableDirectory(reference);
  if (!tables) return false;
  const headerLength = 12 + 16 * tables.size;
  let expected = headerLength;
  for (const [tag, { offset, length }] of tables) {
    // each table right after the one before, in the directory's order
    if (offset !== expected) return false;
    expected += length;
    if (tag === 'loca' || tag === 'glyf' || tag === 'hmtx') face.tables.push(tag);
    else {
      if (tag === 'maxp') face.maxp = face.tables.length;
      if (tag === 'hhea') face.hhea = face.tables.length;
      face.tables.push(reference.slice(offset, offset + length));
    }
  }
  if (expected !== reference.length || face.maxp < 0 || face.hhea < 0) return false;
  if (!face.tables.includes('loca') || !face.tables.includes('glyf') || !face.tables.includes('hmtx')) return false;
  if ((face.tables[face.maxp] as Uint8Array).length < 6 || (face.tables[face.hhea] as Uint8Array).length < 36) return false;
  face.header = reference.slice(0, headerLength);
  return true;
}

/**
 * The fast subsets of the font in `data`, or undefined when fontkit must make them (see above).
 * `fontkitSubset` makes fontkit's own subset of the same font: one is made here to take the
 * constant tables from and to check this encoder against, and others when a subset needs one.
 */
export function trueTypeSubsets(data: Uint8Array, fontkitSubset: FontkitSubsets): { createSubset(): FontSubset } | undefined {
  const face = readFace(data);
  if (!face) return undefined;
  // a few glyphs from all over the font, so the check sees the counts it writes differ from glyph
  // 0's, and the first composite glyph, so it sees its components renumbered as fontkit does
  const sample = [face.numGlyphs - 1, face.numGlyphs >> 1, 1, firstComposite(face)].filter((id, index, all) => id > 0 && all.indexOf(id) === index);
  let expected: Uint8Array;
  let glyphs: readonly number[];
  try {
    const reference = fontkitSubset();
    for (const id of sample) reference.includeGlyph(id);
    expected = reference.encode();
    glyphs = reference.glyphs;
  } catch {
    return undefined;
  }
  if (!takeConstantTables(face, expected)) return undefined;
  const subsets = { createSubset: (): FontSubset => new TrueTypeSubset(face, fontkitSubset) };
  const check = subsets.createSubset();
  for (const id of sample) check.includeGlyph(id);
  const written = check.encode();
  if (!sameBytes(written, expected) || check.glyphs.join(',') !== glyphs.join(',')) return undefined;
  return subsets;
}

/** The first glyph made of others, or 0 when the font has none (or it cannot be read). */
function firstComposite(face: TrueTypeFace): number {
  for (let id = 1; id < face.numGlyphs; id++) {
    const components = face.componentsOf(id);
    if (components === null) return 0;
    if (components.length > 0) return id;
  }
  return 0;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}

class TrueTypeSubset implements FontSubset {
  private readonly included: number[] = [];
  /** By glyph id: its subset number plus one (0: not included). */
  private readonly numbers: Uint32Array;
  /** Set when an id the font does not have is included: fontkit's subset then does everything. */
  private fontkit: FontSubset | undefined;

  constructor(
    private readonly face: TrueTypeFace,
    private readonly fontkitSubset: FontkitSubsets,
  ) {
    this.numbers = new Uint32Array(face.numGlyphs);
    this.includeGlyph(0);
  }

  get glyphs(): readonly number[] {
    return this.fontkit ? this.fontkit.glyphs : this.included;
  }

  includeGlyph(glyphId: number): number {
    if (this.fontkit) return this.fontkit.includeGlyph(glyphId);
    const known = this.numbers[glyphId];
    if (known === undefined || !Number.isInteger(glyphId)) return this.handOver().includeGlyph(glyphId);
    if (known !== 0) return known - 1;
    this.included.push(glyphId);
    this.numbers[glyphId] = this.included.length;
    return this.included.length - 1;
  }

  /** From now on this subset is fontkit's, with the same glyphs in the same order. */
  private handOver(): FontSubset {
    const subset = (this.fontkit = this.fontkitSubset());
    for (const id of this.included) subset.includeGlyph(id);
    return subset;
  }

  encode(): Uint8Array {
    if (this.fontkit) return this.fontkit.encode();
    const { face, included, numbers } = this;
    const { loca } = face;
    // the glyphs, components included as they are met (as fontkit's _addGlyph does), and their bytes
    let glyfLength = 0;
    for (let index = 0; index < included.length; index++) {
      const id = included[index] as number;
      const components = face.componentsOf(id);
      if (components === null) return this.handOver().encode();
      for (let component = 0; component < components.length; component += 2) this.includeGlyph(components[component] as number);
      glyfLength += (loca[id + 1] as number) - (loca[id] as number);
    }
    const count = included.length;
    const lengths = { loca: (count + 1) * (face.longLoca ? 4 : 2), glyf: glyfLength, hmtx: 4 * count };

    let total = face.header.length;
    for (const table of face.tables) total += typeof table === 'string' ? lengths[table] : table.length;
    const out = new Uint8Array(total);
    const view = new DataView(out.buffer);
    out.set(face.header, 0);
    let at = face.header.length;
    for (let index = 0; index < face.tables.length; index++) {
      const table = face.tables[index] as (typeof face.tables)[number];
      const length = typeof table === 'string' ? lengths[table] : table.length;
      view.setUint32(12 + 16 * index + 8, at);
      view.setUint32(12 + 16 * index + 12, length);
      if (typeof table !== 'string') {
        out.set(table, at);
        if (index === face.maxp) view.setUint16(at + 4, count);
        if (index === face.hhea) view.setUint16(at + 34, count);
      } else if (table === 'glyf') {
        const { glyf } = face;
        let glyphAt = at;
        for (const id of included) {
          const start = loca[id] as number;
          const end = loca[id + 1] as number;
          out.set(glyf.subarray(start, end), glyphAt);
          const components = face.componentsOf(id) as Uint16Array;
          for (let component = 0; component < components.length; component += 2) {
            view.setUint16(glyphAt + (components[component + 1] as number), (numbers[components[component] as number] as number) - 1);
          }
          glyphAt += end - start;
        }
      } else if (table === 'loca') {
        let offset = 0;
        let entryAt = at;
        for (let index = 0; index <= count; index++) {
          if (face.longLoca) {
            view.setUint32(entryAt, offset);
            entryAt += 4;
          } else {
            view.setUint16(entryAt, offset >>> 1);
            entryAt += 2;
          }
          if (index < count) {
            const id = included[index] as number;
            offset += (loca[id + 1] as number) - (loca[id] as number);
          }
        }
      } else {
        const { metrics } = face;
        for (let index = 0; index < count; index++) {
          const from = 4 * (included[index] as number);
          out.set(metrics.subarray(from, from + 4), at + 4 * index);
        }
      }
      at += length;
    }
    return out;
  }
}

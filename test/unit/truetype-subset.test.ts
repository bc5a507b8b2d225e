/**
 * The TrueType subset encoder (src/adapters/truetype-subset.ts) must write the very bytes
 * fontkit's own subset writes, for the same glyphs included in the same order: checked here
 * against a real fontkit for the four bundled faces, random glyph sets, composite glyphs (also
 * nested ones and broken ones, in fonts patched for the purpose), and for the fonts it leaves to
 * fontkit.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import * as fontkit from 'fontkit';
import { afterEach, describe, expect, it } from 'vitest';
import { allowOwnSubsets, subsettingFont, type FontSubset } from '../../src/adapters/fontkit.js';
import { trueTypeSubsets } from '../../src/adapters/truetype-subset.js';
import { defaultFontFiles } from '../../src/node/package-paths.js';

const files = defaultFontFiles();
const faces = Object.entries(files).map(([style, path]) => ({ style, data: new Uint8Array(readFileSync(path)) }));
const regular = faces[0]!.data;

interface FontkitFont {
  numGlyphs: number;
  createSubset(): FontSubset;
  glyphForCodePoint(codePoint: number): { id: number };
}

function fontkitFont(data: Uint8Array): FontkitFont {
  return fontkit.create(data) as unknown as FontkitFont;
}

/** Fast subsets of `data`, checked against (and falling back to) a fontkit font of their own. */
function ownSubsets(data: Uint8Array) {
  const font = fontkitFont(data);
  const subsets = trueTypeSubsets(data, () => font.createSubset());
  if (!subsets) throw new Error('no fast subsets for this font');
  return subsets;
}

/** The bytes a subset with these includes encodes to (or the error it throws), its glyphs, and each include's number. */
function outcome(subset: FontSubset, ids: readonly number[]) {
  const numbers = ids.map((id) => subset.includeGlyph(id));
  let bytes: Buffer | string;
  try {
    bytes = Buffer.from(subset.encode());
  } catch (error) {
    bytes = String(error);
  }
  return { numbers, glyphs: [...subset.glyphs], bytes };
}

function expectSame(data: Uint8Array, subsets: { createSubset(): FontSubset }, ids: readonly number[]) {
  const theirs = outcome(fontkitFont(data).createSubset(), ids);
  const ours = outcome(subsets.createSubset(), ids);
  expect(ours.numbers).toEqual(theirs.numbers);
  expect(ours.glyphs).toEqual(theirs.glyphs);
  if (typeof theirs.bytes === 'string') expect(ours.bytes).toBe(theirs.bytes);
  else expect(Buffer.compare(ours.bytes as Buffer, theirs.bytes)).toBe(0);
  return ours;
}

/** Glyph i's byte range in glyf, read from the font file's own tables. */
function glyphRanges(data: Uint8Array) {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const tables = new Map<string, number>();
  for (let index = 0; index < view.getUint16(4); index++) {
    const at = 12 + 16 * index;
    tables.set(String.fromCharCode(...data.subarray(at, at + 4)), view.getUint32(at + 8));
  }
  const long = view.getInt16(tables.get('head')! + 50) === 1;
  const loca = tables.get('loca')!;
  const glyf = tables.get('glyf')!;
  const offset = (id: number) => glyf + (long ? view.getUint32(loca + 4 * id) : 2 * view.getUint16(loca + 2 * id));
  return { view, tables, range: (id: number) => ({ start: offset(id), end: offset(id + 1) }) };
}

/** Where a composite glyph's first component id is written in the file (its first component record). */
function firstComponentAt(data: Uint8Array, id: number): number {
  const { view, range } = glyphRanges(data);
  const { start } = range(id);
  expect(view.getInt16(start)).toBeLessThan(0);
  return start + 12;
}

afterEach(() => allowOwnSubsets(true));

describe.each(faces)('TrueType subsets of Liberation Serif $style', ({ data }) => {
  const font = fontkitFont(data);
  const subsets = ownSubsets(data);

  it('are the bytes of fontkit’s subsets for random glyphs in random order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: font.numGlyphs - 1 }), { maxLength: 300 }), (ids) => {
        expectSame(data, subsets, ids);
      }),
      { numRuns: 60, seed: 20241101 },
    );
  });

  it('take the components of composite glyphs as fontkit does', () => {
    // Vietnamese letters with stacked marks are composites: their parts come after all included glyphs
    const ids = [...'Kết luận: ặ ỗ ữ ấ ẫ ệ Ặ Ỗ Ữ'].map((char) => font.glyphForCodePoint(char.codePointAt(0)!).id);
    const ours = expectSame(data, subsets, ids);
    expect(ours.glyphs.length).toBeGreaterThan(new Set([0, ...ids]).size);
  });

  it('are the bytes of fontkit’s subset of glyph 0 alone', () => {
    expectSame(data, subsets, []);
    expectSame(data, subsets, [0, 0]);
  });

  it('are the bytes of fontkit’s subset of every glyph, in either order', () => {
    const all = Array.from({ length: font.numGlyphs }, (_, id) => id);
    expectSame(data, subsets, all);
    expectSame(data, subsets, all.reverse());
  });
});

describe('TrueType subsets', () => {
  it('encode again, with glyphs included after encoding, as fontkit does', () => {
    const subsets = ownSubsets(regular);
    const font = fontkitFont(regular);
    const composite = font.glyphForCodePoint('ặ'.codePointAt(0)!).id;
    const theirs = font.createSubset();
    const ours = subsets.createSubset();
    for (const subset of [theirs, ours]) {
      subset.includeGlyph(composite);
      subset.encode();
      subset.includeGlyph(40);
    }
    expect(ours.glyphs).toEqual(theirs.glyphs);
    expect(Buffer.compare(Buffer.from(ours.encode()), Buffer.from(theirs.encode()))).toBe(0);
  });

  it('follow components that are composites themselves', () => {
    const font = fontkitFont(regular);
    const outer = font.glyphForCodePoint('ặ'.codePointAt(0)!).id;
    const inner = font.glyphForCodePoint('ấ'.codePointAt(0)!).id;
    const data = regular.slice();
    new DataView(data.buffer).setUint16(firstComponentAt(data, outer), inner);
    const ours = expectSame(data, ownSubsets(data), [outer, 3]);
    expect(ours.glyphs.slice(0, 3)).toEqual([0, outer, 3]);
    expect(ours.glyphs).toContain(inner);
  });

  it('are fontkit’s for a component or glyph the font does not have', () => {
    const font = fontkitFont(regular);
    const outer = font.glyphForCodePoint('ặ'.codePointAt(0)!).id;
    const data = regular.slice();
    new DataView(data.buffer).setUint16(firstComponentAt(data, outer), font.numGlyphs + 5);
    const subsets = ownSubsets(data);
    expectSame(data, subsets, [5, outer]);
    expectSame(data, subsets, [5, font.numGlyphs + 1, 7]);
  });

  it('are not made for a font fontkit subsets otherwise', () => {
    // a COLR table (here prep, renamed) is one fontkit may draw glyphs from: left to fontkit
    const data = regular.slice();
    const { tables } = glyphRanges(data);
    expect(tables.has('prep')).toBe(true);
    const entry = [...tables.keys()].indexOf('prep');
    data.set(new TextEncoder().encode('COLR'), 12 + 16 * entry);
    expect(trueTypeSubsets(data, () => fontkitFont(data).createSubset())).toBeUndefined();
    expect(subsettingFont(data)).toBeTypeOf('object');
    expectSame(data, subsettingFont(data), [3, 1697, 40]);
    // a CFF font is not TrueType at all
    const otto = regular.slice();
    otto.set([0x4f, 0x54, 0x54, 0x4f], 0);
    expect(trueTypeSubsets(otto, () => fontkitFont(regular).createSubset())).toBeUndefined();
  });

  it('are not made when their bytes are not fontkit’s', () => {
    const bold = fontkitFont(faces[1]!.data);
    expect(trueTypeSubsets(regular, () => bold.createSubset())).toBeUndefined();
  });

  it('are fontkit’s own when switched off, with the same bytes', () => {
    const own = subsettingFont(regular);
    allowOwnSubsets(false);
    const fontkits = subsettingFont(regular);
    expect(fontkits).not.toBe(own);
    const ids = [...'Kết luận ặ ỗ ữ'].map((char) => fontkitFont(regular).glyphForCodePoint(char.codePointAt(0)!).id);
    const a = outcome(own.createSubset(), ids);
    const b = outcome(fontkits.createSubset(), ids);
    expect(a.glyphs).toEqual(b.glyphs);
    expect(Buffer.compare(a.bytes as Buffer, b.bytes as Buffer)).toBe(0);
  });
});

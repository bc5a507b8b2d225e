import { halfPointsToPt, type ParagraphSpec } from '../../layout/index.js';
import { fontStyleName, type FontStyleName } from '../../fonts/font-files.js';
import { pieceAt, pieceEnd, type ShapedWord } from './font-shaping.js';
import type { PdfFace, PdfFontFamily } from './pdf-fonts.js';
import { PX_PER_PT, PX_PER_TWIP } from './units.js';

/** What distinguishes two runs for measuring and drawing. */
export interface RunStyle {
  readonly face: FontStyleName;
  readonly underline: boolean;
}

/**
 * One code point of a paragraph, or one of its manual line breaks. Shared between paragraphs and
 * documents (see unitTables): never changed once made.
 */
export interface TextUnit {
  readonly text: string;
  /** A tab's advance depends on where it stands: it is worked out when lines are broken. */
  readonly kind: 'char' | 'space' | 'tab' | 'break';
  /**
   * A character that is white space to pdfkit (String.prototype.split(/\s+/)) but no plain space
   * or tab, such as U+00A0: drawn alone, or pdfkit would take it for a gap between words.
   */
  readonly blank: boolean;
  readonly style: RunStyle;
  /**
   * Advance in LibreOffice reference-device pixels (1/120 pt): LibreOffice shapes a run as a whole
   * and rounds each glyph's advance to its device's pixels.
   */
  readonly advancePx: number;
  /** The same advance unrounded, in font units: what pdfkit draws (tabs and breaks: 0). */
  readonly advanceUnits: number;
  /**
   * Room LibreOffice keeps free at the end of a line for an italic glyph's overhang
   * (SwTextGuess: a twelfth of the font's height, ascent + descent + line gap, in whole twips),
   * in pixels; 0 for upright text.
   */
  readonly italicReservePx: number;
}

export interface ShapedParagraph {
  spec: ParagraphSpec;
  /** The text's size: the layout's, in half-points, as the DOCX states it. */
  sizePt: number;
  units: TextUnit[];
  /**
   * The words the runs were shaped in (font-shaping.ts's pieces but spaces and tabs), in order,
   * for drawing to reuse: word i is units[pieceStarts[i]] onwards, a unit per code point of it.
   */
  pieces: ShapedWord[];
  pieceStarts: number[];
}

/**
 * The paragraph's text as units, each run shaped as one portion (LibreOffice shapes the DOCX's
 * runs so, and the layout joins runs that look alike). A line break takes the style of the text
 * before it; its style never shows.
 */
export function shapeParagraph(spec: ParagraphSpec, family: PdfFontFamily): ShapedParagraph {
  const sizePt = halfPointsToPt(spec.sizeHalfPoints);
  const units = unitList(spec);
  let lastStyle: RunStyle = { face: 'normal', underline: false };
  for (const run of spec.runs) {
    for (let i = 0; i < run.breaks; i++) add(units, { text: '\n', kind: 'break', blank: false, style: lastStyle, advancePx: 0, advanceUnits: 0, italicReservePx: 0 });
    if (run.text === undefined) continue;
    const style = { face: fontStyleName(run.bold, run.italic), underline: run.underline };
    lastStyle = style;
    shapeRun(units, run.text, style, sizePt, family);
  }
  units.items.length = units.count;
  return { spec, sizePt, units: units.items, pieces: units.pieces, pieceStarts: units.pieceStarts };
}

/** A paragraph's units as they are made: `count` of `items` are filled. */
interface UnitList {
  items: TextUnit[];
  count: number;
  pieces: ShapedWord[];
  pieceStarts: number[];
}

/**
 * Room for all of a paragraph's units at once: grown one unit at a time, the array was copied
 * over and over, the largest allocation of line breaking. A run's text has at least as many
 * UTF-16 units as code points, so the room is enough; what is left over is cut off at the end.
 */
function unitList(spec: ParagraphSpec): UnitList {
  let room = 0;
  for (const run of spec.runs) room += run.breaks + (run.text?.length ?? 0);
  // beyond this V8 makes a slow, dictionary-backed array of `new Array(n)`: grown as it goes
  return { items: room > 50_000 ? [] : new Array<TextUnit>(room), count: 0, pieces: [], pieceStarts: [] };
}

function add(units: UnitList, unit: TextUnit): void {
  units.items[units.count++] = unit;
}

/**
 * Adds the run's units to `units`, piece by piece: each word and each space or tab as the face
 * shapes it alone (font-shaping.ts), which gives every code point its advance in the whole run.
 */
function shapeRun(units: UnitList, text: string, style: RunStyle, sizePt: number, family: PdfFontFamily): void {
  const face = family.faces[style.face];
  const italic = style.face === 'italics' || style.face === 'bolditalics';
  const fontHeightTwips = Math.round(((face.ascent - face.descent + face.lineGap) / face.unitsPerEm) * sizePt * 20);
  const maker: UnitMaker = {
    known: unitTable(face, style, sizePt),
    style,
    pxPerUnit: (sizePt * PX_PER_PT) / face.unitsPerEm,
    italicReservePx: italic ? Math.floor(fontHeightTwips / 12) * PX_PER_TWIP : 0,
  };
  // the pieces of forEachPiece, walked without a callback (V8 would optimise one made per run anew)
  for (let start = 0; start < text.length; ) {
    const end = pieceEnd(text, start);
    const piece = pieceAt(face, text, start, end);
    const first = text.charCodeAt(start);
    // the words only: a space or tab is never drawn as a word of its own
    if (first !== SPACE && first !== TAB) {
      units.pieces.push(piece);
      units.pieceStarts.push(units.count);
    }
    addUnits(units, text, start, end, piece.advances, maker);
    start = end;
  }
}

/** What the units of one run share. */
interface UnitMaker {
  known: Map<number, TextUnit>;
  style: RunStyle;
  pxPerUnit: number;
  italicReservePx: number;
}

/** Adds the units of text[from, to), a piece whose code points advance by `advances`. */
function addUnits(units: UnitList, text: string, from: number, to: number, advances: readonly number[], maker: UnitMaker): void {
  const { known } = maker;
  let index = 0;
  for (let at = from; at < to; at++) {
    const codePoint = text.codePointAt(at) as number;
    if (codePoint > 0xffff) at++;
    const tab = codePoint === TAB;
    const advance = tab ? 0 : (advances[index] ?? 0);
    let unit = known.get(codePoint);
    if (unit === undefined || unit.advanceUnits !== advance) {
      const character = String.fromCodePoint(codePoint);
      unit = {
        text: character,
        kind: codePoint === SPACE ? 'space' : tab ? 'tab' : 'char',
        blank: codePoint !== SPACE && !tab && WHITE_SPACE.test(character),
        style: maker.style,
        advancePx: Math.round(advance * maker.pxPerUnit),
        advanceUnits: advance,
        italicReservePx: maker.italicReservePx,
      };
      // the first advance met is kept: a character advances the same almost everywhere
      if (!known.has(codePoint) && known.size < UNIT_TABLE_LIMIT) known.set(codePoint, unit);
    }
    add(units, unit);
    index++;
  }
}

const SPACE = 0x20;
const TAB = 0x09;
const WHITE_SPACE = /\s/;

/**
 * Units are shared, never changed once made: a character of one style and size, with the same
 * advance, is the same unit wherever it stands. Making one object per character of every document
 * was a third of what a render allocates, and the garbage collector's work with it. A table holds
 * at most one unit per character the face maps, per style and size (bounded all the same).
 */
const unitTables = new WeakMap<PdfFace, Map<string, Map<number, TextUnit>>>();
const UNIT_TABLE_LIMIT = 20_000;

function unitTable(face: PdfFace, style: RunStyle, sizePt: number): Map<number, TextUnit> {
  let tables = unitTables.get(face);
  if (tables === undefined) unitTables.set(face, (tables = new Map()));
  const key = `${sizePt} ${style.underline}`;
  let table = tables.get(key);
  if (table === undefined) tables.set(key, (table = new Map()));
  return table;
}

export function sameStyle(a: RunStyle, b: RunStyle): boolean {
  return a.face === b.face && a.underline === b.underline;
}

import * as fontkit from 'fontkit';
import { FONT_STYLES, type FontStyleName } from './font-files.js';
import { FontError } from './errors.js';
import { isTrueTypeVersion, sfntTables, tagAt } from './sfnt.js';

/** A parsed font file and its bytes. */
export interface LoadedFont {
  /** What messages call the file: its path, or the name it was given as bytes. */
  name: string;
  data: Uint8Array;
  font: fontkit.Font;
}

/** The four faces a document is set in. Canonical per four fonts (see fontFamily), so caches can key on it. */
export type LoadedFamily = Readonly<Record<FontStyleName, LoadedFont>>;

/** Tables every TrueType/OpenType font has and layout reads. */
const REQUIRED_TABLES = ['cmap', 'head', 'hhea', 'hmtx', 'maxp'];

/**
 * Parses a TTF or OpenType font, checking first what fontkit would otherwise fail on later with a
 * raw RangeError in the middle of a render (a truncated file, a web font, a broken head table), so
 * that each is a FontError naming the file and what is wrong with it. Does no IO.
 */
export function parseFont(data: Uint8Array, name: string): LoadedFont {
  checkContainer(data, name);
  let font: fontkit.Font;
  try {
    font = fontkit.create(data);
  } catch (error) {
    throw new FontError(name, `is not a TrueType/OpenType font: ${(error as Error).message}`, `không phải là phông chữ TrueType/OpenType: ${(error as Error).message}`);
  }
  if (!('layout' in font)) throw new FontError(name, 'is a font collection; give a single TTF file', 'là một bộ sưu tập phông chữ; hãy dùng một tệp TTF đơn');
  checkParsed(font, name);
  return { name, data, font };
}

/** The sfnt header and table directory: every table the directory lists lies within the file. */
function checkContainer(data: Uint8Array, name: string): void {
  if (data.byteLength < 12) {
    throw new FontError(name, `is ${data.byteLength} bytes long, too short to be a font`, `chỉ dài ${data.byteLength} byte, quá ngắn để là một phông chữ`);
  }
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const tag = tagAt(data, 0);
  if (tag === 'wOF2' || tag === 'wOFF') {
    const kind = tag === 'wOF2' ? 'WOFF2' : 'WOFF';
    throw new FontError(name, `is a ${kind} web font; give the TrueType (.ttf) or OpenType (.otf) file`, `là phông chữ web ${kind}; hãy dùng tệp TrueType (.ttf) hoặc OpenType (.otf)`);
  }
  if (tag === 'ttcf') throw new FontError(name, 'is a font collection; give a single TTF file', 'là một bộ sưu tập phông chữ; hãy dùng một tệp TTF đơn');
  if (!isTrueTypeVersion(view.getUint32(0)) && tag !== 'OTTO') {
    throw new FontError(name, 'is not a TrueType/OpenType font (its first bytes are not a font signature)', 'không phải là phông chữ TrueType/OpenType (các byte đầu không phải chữ ký của phông chữ)');
  }
  const tables = sfntTables(data);
  if (tables === undefined || tables.length === 0) {
    const count = view.getUint16(4);
    throw truncated(name, `its table directory (${count} tables) does not fit in its ${data.byteLength} bytes`, `danh mục bảng (${count} bảng) không vừa trong ${data.byteLength} byte`);
  }
  const present = new Set<string>();
  for (const { tag: table, offset, length } of tables) {
    if (offset + length > data.byteLength) {
      throw truncated(
        name,
        `its '${table}' table runs to byte ${offset + length}, past the end of the file (${data.byteLength} bytes)`,
        `bảng '${table}' kéo dài tới byte ${offset + length}, quá cuối tệp (${data.byteLength} byte)`,
      );
    }
    present.add(table);
  }
  const missing = REQUIRED_TABLES.filter((table) => !present.has(table));
  if (!present.has('glyf') && !present.has('CFF ') && !present.has('CFF2')) missing.push('glyf');
  if (missing.length > 0) {
    const list = missing.map((table) => `'${table}'`).join(', ');
    throw new FontError(name, `lacks the table${missing.length > 1 ? 's' : ''} ${list} every font needs`, `thiếu bảng ${list} mà phông chữ nào cũng cần`);
  }
}

function truncated(name: string, detail: string, detailVi: string): FontError {
  return new FontError(name, `is truncated or damaged: ${detail}`, `bị cắt cụt hoặc hỏng: ${detailVi}`);
}

/** Values fontkit reads lazily, read now: a broken one fails here, naming the file, not mid-render. */
function checkParsed(font: fontkit.Font, name: string): void {
  let unitsPerEm: number;
  try {
    unitsPerEm = font.unitsPerEm;
    // what every document draws: a letter, a digit, a Vietnamese letter, a space
    font.layout('Aa0 ệ');
    if (![font.ascent, font.descent, font.lineGap].every(Number.isFinite)) throw new Error('its ascent, descent or line gap is not a number');
  } catch (error) {
    throw new FontError(name, `cannot be read: ${(error as Error).message}`, `không đọc được: ${(error as Error).message}`);
  }
  // OpenType allows 16 to 16384; a 0 would divide every width by zero
  if (!(unitsPerEm >= 16 && unitsPerEm <= 16384)) {
    throw new FontError(name, `has unitsPerEm ${unitsPerEm} in its head table (a font has 16 to 16384)`, `có unitsPerEm ${unitsPerEm} trong bảng head (phông chữ hợp lệ có từ 16 đến 16384)`);
  }
}

const families = new WeakMap<LoadedFont, WeakMap<LoadedFont, WeakMap<LoadedFont, WeakMap<LoadedFont, LoadedFamily>>>>();

/**
 * The family of four parsed faces: the same object for the same four fonts, frozen, so that what
 * is derived from a family (the PDF writer's faces and shaping caches) is kept once per family.
 */
export function fontFamily(faces: Record<FontStyleName, LoadedFont>): LoadedFamily {
  const [normal, bold, italics, bolditalics] = FONT_STYLES.map((style) => faces[style]) as [LoadedFont, LoadedFont, LoadedFont, LoadedFont];
  const level = <K extends object, V>(map: WeakMap<K, V>, key: K, make: () => V): V => {
    let value = map.get(key);
    if (value === undefined) map.set(key, (value = make()));
    return value;
  };
  const byItalics = level(level(families, normal, () => new WeakMap()), bold, () => new WeakMap());
  return level(level(byItalics, italics, () => new WeakMap()), bolditalics, () => Object.freeze({ normal, bold, italics, bolditalics }));
}

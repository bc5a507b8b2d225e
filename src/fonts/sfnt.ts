/**
 * The container of TrueType and OpenType fonts (sfnt): its version and its table directory, read
 * from the bytes. The font loader checks fonts with it, the PDF writer renames tables in a copy
 * and writes subsets of one; none of them goes through a font parser for this.
 */

/** A table as the directory lists it. */
export interface SfntTable {
  tag: string;
  offset: number;
  length: number;
  /** Where the table's 16-byte record stands in the directory. */
  record: number;
}

/** The four-character tag at `at`. */
export function tagAt(data: Uint8Array, at: number): string {
  return String.fromCharCode(data[at] as number, data[at + 1] as number, data[at + 2] as number, data[at + 3] as number);
}

/**
 * The tables of the directory, in its order; undefined when the file is too short for its
 * directory. Whether the version is a font's, and whether each table lies within the file, is the
 * caller's to check: each says something else when they are not.
 */
export function sfntTables(data: Uint8Array): SfntTable[] | undefined {
  if (data.length < 12) return undefined;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const count = view.getUint16(4);
  if (12 + 16 * count > data.length) return undefined;
  const tables: SfntTable[] = [];
  for (let index = 0; index < count; index++) {
    const record = 12 + 16 * index;
    tables.push({ tag: tagAt(data, record), offset: view.getUint32(record + 8), length: view.getUint32(record + 12), record });
  }
  return tables;
}

/** The sfnt version of a TrueType font: 0x00010000, or 'true' (Apple's). */
export function isTrueTypeVersion(version: number): boolean {
  return version === 0x00010000 || version === 0x74727565;
}

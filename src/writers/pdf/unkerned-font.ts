import { isTrueTypeVersion, sfntTables, tagAt } from '../../fonts/sfnt.js';

/**
 * A copy of a TrueType/OpenType font with its kerning switched off, for pdfkit to draw with.
 *
 * LibreOffice sets the DOCX unkerned (see line-breaking.ts), so the PDF must be too. pdfkit can be
 * told so per text run (font features), but then it shapes every run from scratch, three times
 * per word; with kerning gone from the font itself, its default shaping matches and it caches
 * each word. Kerning is removed by renaming, not deleting: the legacy 'kern' table becomes 'xern'
 * and GPOS features tagged 'kern' become 'xern', which no shaper applies. Sizes and offsets stay
 * put; only the tables pdfkit embeds (glyf, hmtx, ...) reach the PDF, untouched.
 */
export function withoutKerning(font: Uint8Array): Uint8Array {
  const data = new Uint8Array(font);
  const view = new DataView(data.buffer);
  const version = view.getUint32(0);
  const tables = sfntTables(data);
  if (tables === undefined || !(isTrueTypeVersion(version) || version === 0x4f54544f) /* OTTO */) return data;
  for (const { tag, offset, record } of tables) {
    if (tag === 'kern') renameTag(data, record);
    if (tag === 'GPOS') renameGposKern(data, view, offset);
  }
  return data;
}

function renameGposKern(data: Uint8Array, view: DataView, gpos: number): void {
  const featureList = gpos + view.getUint16(gpos + 6);
  const count = view.getUint16(featureList);
  for (let index = 0; index < count; index++) {
    const record = featureList + 2 + 6 * index;
    if (tagAt(data, record) === 'kern') renameTag(data, record);
  }
}

/** 'kern' → 'xern': the same length, so no offset in the font moves. */
function renameTag(data: Uint8Array, at: number): void {
  data[at] = 0x78; // x
}

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
export function withoutKerning(font: Buffer): Buffer {
  const data = Buffer.from(font);
  const version = data.readUInt32BE(0);
  const isSfnt = version === 0x00010000 || version === 0x4f54544f /* OTTO */ || version === 0x74727565; /* true */
  if (!isSfnt) return data;
  const tables = data.readUInt16BE(4);
  for (let index = 0; index < tables; index++) {
    const record = 12 + 16 * index;
    const tag = data.toString('latin1', record, record + 4);
    if (tag === 'kern') data.write('xern', record, 'latin1');
    if (tag === 'GPOS') renameGposKern(data, data.readUInt32BE(record + 8));
  }
  return data;
}

function renameGposKern(data: Buffer, gpos: number): void {
  const featureList = gpos + data.readUInt16BE(gpos + 6);
  const count = data.readUInt16BE(featureList);
  for (let index = 0; index < count; index++) {
    const record = featureList + 2 + 6 * index;
    if (data.toString('latin1', record, record + 4) === 'kern') data.write('xern', record, 'latin1');
  }
}

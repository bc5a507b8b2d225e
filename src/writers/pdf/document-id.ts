import { createHash } from 'node:crypto';

/**
 * Sets the trailer's /ID to a hash of the file itself.
 *
 * pdfkit derives the ID from the Info dictionary alone (an MD5 of its values), so two different
 * documents with the same title and date would share it. The ID is written last, in the trailer,
 * as two 16-byte hex strings; they are zeroed, the whole file is hashed, and the first 16 bytes of
 * the SHA-256 are written in their place. Same length, so no offset in the file moves.
 */
export function stampDocumentId(pdf: Uint8Array): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const trailer = text.lastIndexOf('trailer');
  const pattern = /\/ID \[<([0-9a-fA-F]+)> <([0-9a-fA-F]+)>\]/g;
  pattern.lastIndex = trailer;
  const match = trailer >= 0 ? pattern.exec(text) : null;
  if (!match) throw new Error('ket-luan: the PDF has no trailer /ID to make reproducible');
  const [whole, first, second] = match as unknown as [string, string, string];
  const zeroed = `/ID [<${'0'.repeat(first.length)}> <${'0'.repeat(second.length)}>]`;
  const blank = text.slice(0, match.index) + zeroed + text.slice(match.index + whole.length);
  const id = createHash('sha256').update(Buffer.from(blank, 'latin1')).digest('hex').slice(0, first.length);
  const stamped = text.slice(0, match.index) + `/ID [<${id}> <${id}>]` + text.slice(match.index + whole.length);
  return new Uint8Array(Buffer.from(stamped, 'latin1'));
}

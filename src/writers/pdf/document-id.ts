import { sha256 } from '@noble/hashes/sha2';

/**
 * Sets the trailer's /ID to a hash of the file itself.
 *
 * pdfkit derives the ID from the Info dictionary alone (an MD5 of its values), so two different
 * documents with the same title and date would share it. The ID is written last, in the trailer,
 * as two 16-byte hex strings; they are zeroed, the whole file is hashed, and the first 16 bytes of
 * the SHA-256 are written in their place. Same length, so no offset in the file moves.
 * SHA-256 comes from Node's crypto in Node, the platform's Web Crypto elsewhere (native in
 * browsers) and, where a platform lacks both (a browser page not served securely), from
 * @noble/hashes (pdfkit's own): the same digest every way, so the core runs anywhere.
 */
export async function stampDocumentId(pdf: Uint8Array): Promise<Uint8Array> {
  // latin1 maps bytes to characters one to one, so string offsets are byte offsets
  const text = latin1(pdf.subarray(Math.max(0, pdf.length - 4096)));
  const base = Math.max(0, pdf.length - 4096);
  const trailer = text.lastIndexOf('trailer');
  const pattern = /\/ID \[<([0-9a-fA-F]+)> <([0-9a-fA-F]+)>\]/g;
  pattern.lastIndex = Math.max(trailer, 0);
  const match = trailer >= 0 ? pattern.exec(text) : null;
  if (!match) throw new Error('ket-luan: the PDF has no trailer /ID to make reproducible');
  const [, first, second] = match as unknown as [string, string, string];
  const firstAt = base + match.index + '/ID [<'.length;
  const secondAt = firstAt + first.length + '> <'.length;
  const out = new Uint8Array(pdf);
  out.fill(0x30 /* "0" */, firstAt, firstAt + first.length);
  out.fill(0x30, secondAt, secondAt + second.length);
  const id = hex(await sha256Of(out)).slice(0, first.length);
  for (let i = 0; i < id.length; i++) {
    out[firstAt + i] = id.charCodeAt(i);
    out[secondAt + i] = id.charCodeAt(i);
  }
  return out;
}

async function sha256Of(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const node = nodeCrypto();
  if (node !== undefined) return node.createHash('sha256').update(bytes).digest();
  const subtle = globalThis.crypto?.subtle;
  if (subtle === undefined) return sha256(bytes);
  return new Uint8Array(await subtle.digest('SHA-256', bytes));
}

/**
 * Node's own crypto where the core runs in Node, reached at run time rather than imported (the
 * core bundles for browsers, which have no node:crypto): it hashes the file where it is, while Web
 * Crypto's digest copies it and waits for a thread of the pool, a cost a batch paid per document.
 * process.getBuiltinModule is in Node 20.16, 22.3 and later; elsewhere Web Crypto serves.
 */
function nodeCrypto(): typeof import('node:crypto') | undefined {
  const platform = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return platform?.getBuiltinModule?.('node:crypto') as typeof import('node:crypto') | undefined;
}

/**
 * One character per byte. The WHATWG "latin1" decoder is windows-1252, which maps a few bytes to
 * other characters than ISO-8859-1, but always one byte to one UTF-16 unit, and leaves ASCII (all
 * that is searched here) as it is. Spreading the bytes into String.fromCharCode made an iterator
 * step per byte, a tenth of what a PDF allocated.
 */
const latin1Decoder = new TextDecoder('latin1');

function latin1(bytes: Uint8Array): string {
  return latin1Decoder.decode(bytes);
}

function hex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

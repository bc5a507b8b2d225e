/**
 * What the layout needs of a PNG file before any writer draws it: that it is one, and its size in
 * pixels (the IHDR chunk, which the format puts first). The writers embed the file as it is.
 */

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

interface PngSize {
  widthPx: number;
  heightPx: number;
}

/** The PNG's size, or undefined when the bytes are not a PNG file. */
export function pngSize(bytes: Uint8Array): PngSize | undefined {
  if (bytes.length < 33 || SIGNATURE.some((byte, index) => bytes[index] !== byte)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const type = String.fromCharCode(...bytes.subarray(12, 16));
  if (type !== 'IHDR') return undefined;
  const widthPx = view.getUint32(16);
  const heightPx = view.getUint32(20);
  if (widthPx === 0 || heightPx === 0) return undefined;
  return { widthPx, heightPx };
}

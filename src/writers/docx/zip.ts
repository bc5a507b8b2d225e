import { gzipSync, Zip, type ZipInputFile } from 'fflate';

/** One file of a package, compressed: what a zip entry holds apart from its name. */
export interface DeflatedFile {
  path: string;
  /** Bytes before compression. */
  size: number;
  crc: number;
  /** Raw DEFLATE data. */
  deflated: Uint8Array<ArrayBuffer>;
}

const encoder = new TextEncoder();
const GZIP_HEADER_BYTES = 10;
const GZIP_TRAILER_BYTES = 8;

/**
 * Compresses a file with fflate, as docx itself does. Node's own zlib is faster, but its output
 * may change with the Node version or the processor; fflate's is pinned with the lock file, so
 * a model gives the same bytes everywhere.
 * A gzip member is raw DEFLATE data between a 10-byte header (no name, comment or extra field
 * is asked for) and a trailer holding the CRC-32 and size, the same CRC-32 a zip entry records,
 * so one call gives all three.
 */
export function deflateFile(path: string, data: string | Uint8Array): DeflatedFile {
  const bytes = typeof data === 'string' ? encoder.encode(data) : data;
  const gzip = gzipSync(bytes);
  const trailer = gzip.length - GZIP_TRAILER_BYTES;
  return {
    path,
    size: bytes.length,
    crc: new DataView(gzip.buffer, gzip.byteOffset).getUint32(trailer, true),
    deflated: gzip.subarray(GZIP_HEADER_BYTES, trailer),
  };
}

/** A file whose modification time fflate can write in any time zone; the caller sets the real one. */
const PLACEHOLDER_MTIME = new Date(2000, 0, 1);

/**
 * A zip archive of already compressed files, in the order given, written by fflate's streaming
 * zipper: each entry's sizes and CRC follow its data in a data descriptor, which the Open
 * Packaging Conventions allow. Entry times are a placeholder, for setZipEntryTimes to set.
 */
export function zipDeflated(files: readonly DeflatedFile[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure ??= error;
    else chunks.push(chunk);
  });
  for (const file of files) {
    const entry: ZipInputFile = { filename: file.path, size: file.size, crc: file.crc, compression: 8, mtime: PLACEHOLDER_MTIME };
    zip.add(entry);
    entry.ondata?.(null, file.deflated, true);
  }
  zip.end();
  if (failure) throw failure;
  return concat(chunks);
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const chunk of chunks) length += chunk.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

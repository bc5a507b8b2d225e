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

/** Where an entry of a zip archive stands, and what its central header records. */
interface ZipEntryRecord {
  path: string;
  /** 8 for DEFLATE, 0 for stored. */
  method: number;
  crc: number;
  size: number;
  compressedSize: number;
  centralHeader: number;
  localHeader: number;
  /** Where the entry's (compressed) data starts. */
  data: number;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;

/** The entries of a plain zip archive (no zip64), in directory order, read from its headers. */
export function zipDirectory(zip: Uint8Array): ZipEntryRecord[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = findEndOfCentralDirectory(view);
  const count = view.getUint16(end + 10, true);
  const decoder = new TextDecoder();
  const entries: ZipEntryRecord[] = [];
  let central = view.getUint32(end + 16, true);
  for (let i = 0; i < count; i++) {
    if (central + 46 > view.byteLength || view.getUint32(central, true) !== CENTRAL_HEADER) throw new Error('ket-luan: unexpected zip layout');
    const nameLength = view.getUint16(central + 28, true);
    const local = view.getUint32(central + 42, true);
    if (local + 30 > view.byteLength || view.getUint32(local, true) !== LOCAL_HEADER) throw new Error('ket-luan: unexpected zip layout');
    entries.push({
      path: decoder.decode(zip.subarray(central + 46, central + 46 + nameLength)),
      method: view.getUint16(central + 10, true),
      crc: view.getUint32(central + 16, true),
      compressedSize: view.getUint32(central + 20, true),
      size: view.getUint32(central + 24, true),
      centralHeader: central,
      localHeader: local,
      data: local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true),
    });
    central += 46 + nameLength + view.getUint16(central + 30, true) + view.getUint16(central + 32, true);
  }
  return entries;
}

function findEndOfCentralDirectory(view: DataView): number {
  for (let at = view.byteLength - 22; at >= Math.max(0, view.byteLength - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw new Error('ket-luan: the DOCX package has no zip directory');
}

/**
 * The compressed files of a zip archive as they stand, without inflating them: what another
 * zip writer compressed can go into a new archive unchanged.
 */
export function deflatedFiles(zip: Uint8Array): DeflatedFile[] {
  return zipDirectory(zip).map((entry) => {
    if (entry.method !== 8) throw new Error(`ket-luan: ${entry.path} is not DEFLATE-compressed in the zip`);
    const deflated = zip.slice(entry.data, entry.data + entry.compressedSize);
    return { path: entry.path, size: entry.size, crc: entry.crc, deflated };
  });
}

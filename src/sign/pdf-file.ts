import { SigningError } from './errors.js';

/**
 * Just enough of a PDF reader and incremental-update writer to add a signature field and to fill
 * it: the files are ket-luan's own PDFs (classic cross-reference tables, one object per
 * `N 0 obj … endobj`, uncompressed dictionaries), and earlier updates made by this module.
 *
 * Changes are always appended as an incremental update (a new version of each changed object, a
 * cross-reference section for them and a trailer pointing back to the previous one); the bytes
 * before are never touched. That is what lets a signature cover "the whole file except the
 * signature", and it is how any signing tool fills a field.
 */

interface Trailer {
  size: number;
  root: number;
  info: number | undefined;
  /** The /ID array as written, e.g. "[<ab…> <ab…>]"; PDF/A requires it in every trailer. */
  id: string | undefined;
}

export interface PdfFile {
  bytes: Uint8Array;
  /** The file as one byte per character, to search with string methods. */
  text: string;
  trailer: Trailer;
  /** Where the last cross-reference section starts (the next update's /Prev). */
  startXref: number;
  /** Byte offset of the newest version of every object in use. */
  offsets: Map<number, number>;
}

const notReadable = (detail: string) =>
  new SigningError(
    `The PDF cannot be prepared for signing: ${detail}. Only PDFs written by ket-luan (or updated by it) can be.`,
    `Không chuẩn bị được PDF để ký: ${detail}. Chỉ ký được PDF do ket-luan tạo (hoặc cập nhật).`,
  );

export function readPdf(bytes: Uint8Array): PdfFile {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (!text.startsWith('%PDF-')) throw notReadable('it does not start with %PDF-');
  const tail = text.slice(-64);
  const startMatch = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!startMatch) throw notReadable('it does not end with startxref and %%EOF');
  const startXref = Number(startMatch[1]);

  const offsets = new Map<number, number>();
  let trailer: Trailer | undefined;
  const seen = new Set<number>();
  let section: number | undefined = startXref;
  while (section !== undefined) {
    if (seen.has(section) || section >= text.length) throw notReadable(`a cross-reference offset (${section}) is wrong`);
    seen.add(section);
    const parsed = readXrefSection(text, section);
    // Newer sections are read first: an object keeps the offset of its newest version.
    for (const [number, offset] of parsed.entries) if (!offsets.has(number)) offsets.set(number, offset);
    trailer ??= parsed.trailer;
    section = parsed.prev;
  }
  if (!trailer) throw notReadable('it has no trailer');
  return { bytes, text, trailer, startXref, offsets };
}

function readXrefSection(text: string, at: number): { entries: Map<number, number>; trailer: Trailer; prev: number | undefined } {
  if (!text.startsWith('xref', at)) throw notReadable('its cross-references are not a classic xref table');
  const trailerAt = text.indexOf('trailer', at);
  if (trailerAt < 0) throw notReadable('a cross-reference section has no trailer');
  const lines = text.slice(at + 4, trailerAt).split(/\r\n|\r|\n/).map((line) => line.trim()).filter((line) => line !== '');
  const entries = new Map<number, number>();
  let index = 0;
  while (index < lines.length) {
    const header = /^(\d+) (\d+)$/.exec(lines[index] as string);
    if (!header) throw notReadable(`unexpected cross-reference line "${lines[index]}"`);
    const first = Number(header[1]);
    const count = Number(header[2]);
    for (let i = 0; i < count; i++) {
      const entry = /^(\d{10}) (\d{5}) ([nf])$/.exec(lines[index + 1 + i] ?? '');
      if (!entry) throw notReadable('a cross-reference entry is malformed');
      if (entry[3] === 'n') entries.set(first + i, Number(entry[1]));
    }
    index += 1 + count;
  }
  const end = text.indexOf('startxref', trailerAt);
  const dict = text.slice(trailerAt + 7, end < 0 ? undefined : end);
  const number = (key: string) => {
    const match = new RegExp(`/${key}\\s+(\\d+)`).exec(dict);
    return match ? Number(match[1]) : undefined;
  };
  const ref = (key: string) => {
    const match = new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(dict);
    return match ? Number(match[1]) : undefined;
  };
  const size = number('Size');
  const root = ref('Root');
  if (size === undefined || root === undefined) throw notReadable('its trailer has no /Size or /Root');
  const id = /\/ID\s*(\[[^\]]*\])/.exec(dict)?.[1];
  return { entries, trailer: { size, root, info: ref('Info'), id }, prev: number('Prev') };
}

/** The text of an object between `N 0 obj` and `endobj`, trimmed. */
export function objectBody(pdf: PdfFile, number: number): string {
  const offset = pdf.offsets.get(number);
  if (offset === undefined) throw notReadable(`object ${number} is missing`);
  const header = new RegExp(`^${number}\\s+0\\s+obj`).exec(pdf.text.slice(offset, offset + 32));
  if (!header) throw notReadable(`object ${number} is not where the cross-references say`);
  const end = pdf.text.indexOf('endobj', offset);
  if (end < 0) throw notReadable(`object ${number} has no endobj`);
  return pdf.text.slice(offset + header[0].length, end).trim();
}

/** The object number of a reference `/Key N 0 R` in a dictionary's text. */
export function refIn(dict: string, key: string): number | undefined {
  const match = new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(dict);
  return match ? Number(match[1]) : undefined;
}

/** The object numbers of an array of references `/Key [a 0 R b 0 R]` in a dictionary's text. */
export function refsIn(dict: string, key: string): number[] | undefined {
  const match = new RegExp(`/${key}\\s*\\[([^\\]]*)\\]`).exec(dict);
  if (!match) return undefined;
  return [...(match[1] as string).matchAll(/(\d+)\s+0\s+R/g)].map((ref) => Number(ref[1]));
}

/**
 * A dictionary object's text with `entries` set: an entry already there is replaced (values up to
 * the next key, so only simple values: names, numbers, references, flat arrays), the others are
 * added before the closing `>>`.
 */
export function withEntries(dict: string, entries: Record<string, string>): string {
  if (!dict.startsWith('<<') || !dict.endsWith('>>')) throw notReadable('an object to update is not a dictionary');
  let body = dict.slice(2, -2);
  for (const [key, value] of Object.entries(entries)) {
    const existing = new RegExp(`/${key}(?![A-Za-z0-9])\\s*(\\[[^\\]]*\\]|\\d+\\s+0\\s+R|\\/[^\\s/<>\\[\\]()]+|[^/>\\n]*)`);
    if (existing.test(body)) body = body.replace(existing, `/${key} ${value}`);
    else body = `${body.replace(/\s*$/, '')}\n/${key} ${value}\n`;
  }
  return `<<${body}>>`;
}

export interface NewObject {
  number: number;
  /** The object's content between `N 0 obj` and `endobj`: a dictionary, or a dictionary and a stream. */
  body: string;
}

/**
 * The file with `objects` appended as an incremental update. The trailer keeps /Root, /Info and
 * /ID of the previous one and points back to its cross-references with /Prev.
 */
export function appendUpdate(pdf: PdfFile, objects: NewObject[], size: number): Uint8Array {
  const base = pdf.text.endsWith('\n') ? pdf.text : `${pdf.text}\n`;
  let update = '';
  const offsets = new Map<number, number>();
  for (const object of objects) {
    offsets.set(object.number, base.length + update.length);
    update += `${object.number} 0 obj\n${object.body}\nendobj\n`;
  }
  const xrefAt = base.length + update.length;
  update += 'xref\n';
  const numbers = [...offsets.keys()].sort((a, b) => a - b);
  // Consecutive numbers share a subsection, as PDF writers usually group them.
  let index = 0;
  while (index < numbers.length) {
    let stop = index + 1;
    while (stop < numbers.length && numbers[stop] === (numbers[stop - 1] as number) + 1) stop++;
    update += `${numbers[index]} ${stop - index}\n`;
    for (let i = index; i < stop; i++) update += `${String(offsets.get(numbers[i] as number)).padStart(10, '0')} 00000 n \n`;
    index = stop;
  }
  const { trailer } = pdf;
  update += 'trailer\n<<\n';
  update += `/Size ${size}\n/Root ${trailer.root} 0 R\n`;
  if (trailer.info !== undefined) update += `/Info ${trailer.info} 0 R\n`;
  if (trailer.id !== undefined) update += `/ID ${trailer.id}\n`;
  update += `/Prev ${pdf.startXref}\n>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(base + update, 'latin1'));
}

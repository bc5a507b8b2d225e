/**
 * Reads a real PDF back with poppler, for tests that check what a reader of the file gets.
 *
 * - pdfPages: `pdftotext -bbox-layout` → pages of words with their boxes, in PDF points from the
 *   page's top-left corner (poppler's coordinates), parsed with fast-xml-parser.
 * - pdfText: `pdftotext` plain text, what copy-and-paste or a search engine would see.
 * - pdfFonts: `pdffonts`, one row per font with its embedded/subset/ToUnicode flags.
 * - contentStreams: every Flate-compressed stream inflated, for looking at drawing operators.
 * - xmpPacket: the XMP metadata packet (PDF keeps it uncompressed).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { inflateSync } from 'node:zlib';
import { XMLParser } from 'fast-xml-parser';

const exec = promisify(execFile);
const POPPLER = process.env.POPPLER_DIR ?? '/usr/bin';

export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfPage {
  width: number;
  height: number;
  words: PdfWord[];
}

export interface PdfFont {
  name: string;
  type: string;
  encoding: string;
  embedded: boolean;
  subset: boolean;
  toUnicode: boolean;
}

/** Runs a poppler tool on the PDF bytes through a temporary file and returns its stdout. */
async function poppler(tool: string, args: string[], pdf: Uint8Array): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ket-luan-pdf-'));
  try {
    const file = join(dir, 'input.pdf');
    await writeFile(file, pdf);
    const { stdout } = await exec(join(POPPLER, tool), [...args, file, ...(tool === 'pdffonts' || tool === 'pdfinfo' ? [] : ['-'])], {
      maxBuffer: 256 * 1024 * 1024,
    });
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Every word of every page, in reading order of poppler's layout analysis. */
export async function pdfPages(pdf: Uint8Array): Promise<PdfPage[]> {
  const xhtml = await poppler('pdftotext', ['-bbox-layout'], pdf);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseAttributeValue: false,
    parseTagValue: false,
    isArray: (name) => ['page', 'flow', 'block', 'line', 'word'].includes(name),
  });
  const root = parser.parse(xhtml) as { html: { body: { doc: { page?: RawPage[] } } } };
  return (root.html.body.doc.page ?? []).map((page) => ({
    width: Number(page.width),
    height: Number(page.height),
    words: (page.flow ?? []).flatMap((flow) =>
      (flow.block ?? []).flatMap((block) =>
        (block.line ?? []).flatMap((line) =>
          (line.word ?? []).map((word) => ({
            text: String(word['#text'] ?? ''),
            xMin: Number(word.xMin),
            yMin: Number(word.yMin),
            xMax: Number(word.xMax),
            yMax: Number(word.yMax),
          })),
        ),
      ),
    ),
  }));
}

interface RawPage {
  width: string;
  height: string;
  flow?: { block?: { line?: { word?: Record<string, string>[] }[] }[] }[];
}

export async function pdfText(pdf: Uint8Array): Promise<string> {
  return poppler('pdftotext', ['-enc', 'UTF-8'], pdf);
}

/** pdffonts' table: name, type (may contain spaces), encoding, then the emb/sub/uni columns. */
export async function pdfFonts(pdf: Uint8Array): Promise<PdfFont[]> {
  const output = await poppler('pdffonts', [], pdf);
  const rows = output.split('\n').slice(2).filter((line) => line.trim() !== '');
  return rows.map((row) => {
    const match = /^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(row);
    if (!match) throw new Error(`Unexpected pdffonts row: ${row}`);
    const [, name, type, encoding, emb, sub, uni] = match as unknown as string[];
    return {
      name: name as string,
      type: type as string,
      encoding: encoding as string,
      embedded: emb === 'yes',
      subset: sub === 'yes',
      toUnicode: uni === 'yes',
    };
  });
}

/** Every FlateDecode stream of the file, inflated; streams that are not deflate data are skipped. */
export function contentStreams(pdf: Uint8Array): string[] {
  const bytes = Buffer.from(pdf);
  const text = bytes.toString('latin1');
  const streams: string[] = [];
  const marker = /stream\r?\n/g;
  let match: RegExpExecArray | null;
  while ((match = marker.exec(text)) !== null) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    try {
      streams.push(inflateSync(bytes.subarray(start, end)).toString('latin1'));
    } catch {
      // not compressed (XMP, ICC profile) or not Flate
    }
    marker.lastIndex = end;
  }
  return streams;
}

/** The XMP packet, decoded as UTF-8, or undefined when the file has none. */
export function xmpPacket(pdf: Uint8Array): string | undefined {
  const text = Buffer.from(pdf).toString('latin1');
  const start = text.indexOf('<x:xmpmeta');
  const end = text.indexOf('</x:xmpmeta>');
  if (start < 0 || end < 0) return undefined;
  return Buffer.from(text.slice(start, end + '</x:xmpmeta>'.length), 'latin1').toString('utf8');
}

/**
 * A PDF's pages as text (pdftotext), each page's own; in reading order, or with `raw` in the order
 * the content stream draws it (a table's cells one after the other), or with `layout` as poppler
 * places it on the page (every line a line of text). `cropTopPt` leaves out a
 * band at the top of every page (the page number); the text is NFC unless `normalize` is false.
 */
export async function pdfPageTexts(
  pdf: Uint8Array,
  options: { cropTopPt?: number; raw?: boolean; layout?: boolean; normalize?: boolean } = {},
): Promise<string[]> {
  const crop = options.cropTopPt ? ['-x', '0', '-y', String(Math.ceil(options.cropTopPt)), '-W', '10000', '-H', '10000'] : [];
  const mode = options.raw ? ['-raw'] : options.layout ? ['-layout'] : [];
  const stdout = await poppler('pdftotext', [...mode, ...crop, '-enc', 'UTF-8'], pdf);
  const pages = stdout.split('\f');
  if (pages[pages.length - 1]?.trim() === '') pages.pop();
  return options.normalize === false ? pages : pages.map((page) => page.normalize('NFC'));
}

/** The number of pages of a PDF, from pdfinfo. */
export async function pdfPageCount(pdf: Uint8Array): Promise<number> {
  const stdout = await poppler('pdfinfo', [], pdf);
  const match = /^Pages:\s+(\d+)/m.exec(stdout);
  if (!match) throw new Error(`pdfinfo gave no page count:\n${stdout}`);
  return Number(match[1]);
}

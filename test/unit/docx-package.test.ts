/**
 * The DOCX writer's own packaging helpers: compression with the CRC a zip entry records, the
 * zip container, and the body's text escaping (its meaning is checked against docx itself in
 * docx-writer.test.ts).
 */
import { inflateRawSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { bodyXml } from '../../src/writers/docx/body-xml.js';
import { deflatedFiles, deflateFile, zipDeflated } from '../../src/writers/docx/zip.js';

describe('deflateFile', () => {
  it('records the standard CRC-32 of the bytes (check value of "123456789": CBF43926)', () => {
    const file = deflateFile('a.txt', '123456789');
    expect(file.crc).toBe(0xcbf43926);
    expect(file.size).toBe(9);
    expect(file.path).toBe('a.txt');
  });

  it('counts the size in UTF-8 bytes and keeps the text through raw DEFLATE', () => {
    // Đ is 2 bytes in UTF-8, ả 3, n and g 1 each
    const file = deflateFile('word/document.xml', 'Đảng');
    expect(file.size).toBe(7);
    expect(Buffer.from(inflateRawSync(file.deflated)).toString('utf8')).toBe('Đảng');
  });

  it('takes bytes as they are', () => {
    const bytes = new Uint8Array([0, 255, 1, 254]);
    const file = deflateFile('bin', bytes);
    expect(file.size).toBe(4);
    expect([...inflateRawSync(file.deflated)]).toEqual([0, 255, 1, 254]);
  });
});

describe('zipDeflated', () => {
  it('writes a zip whose entries read back in order, with their CRCs checked', async () => {
    const texts: [string, string][] = [
      ['[Content_Types].xml', '<Types/>'],
      ['word/document.xml', '<w:document>Kết luận</w:document>'.repeat(50)],
      ['docProps/core.xml', ''],
    ];
    const zip = zipDeflated(texts.map(([path, text]) => deflateFile(path, text)));
    const jszip = await JSZip.loadAsync(zip, { checkCRC32: true });
    expect(Object.keys(jszip.files)).toEqual(texts.map(([path]) => path));
    for (const [path, text] of texts) expect(await jszip.file(path)!.async('string')).toBe(text);
    const unzipped = unzipSync(zip);
    expect(Object.keys(unzipped)).toEqual(texts.map(([path]) => path));
  });

  it('writes an empty archive for no files', () => {
    const zip = zipDeflated([]);
    // only the end-of-central-directory record: signature 50 4B 05 06, no entries
    expect(zip.length).toBe(22);
    expect([...zip.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x05, 0x06]);
  });
});

describe('deflatedFiles', () => {
  it('takes the compressed files out of a zip as they stand, for another zip', async () => {
    const files = [deflateFile('word/styles.xml', '<w:styles/>'.repeat(40)), deflateFile('[Content_Types].xml', 'Kết luận')];
    const again = deflatedFiles(zipDeflated(files));
    expect(again).toEqual(files.map((file) => ({ ...file, deflated: new Uint8Array(file.deflated) })));
    const jszip = await JSZip.loadAsync(zipDeflated(again), { checkCRC32: true });
    expect(await jszip.file('[Content_Types].xml')!.async('string')).toBe('Kết luận');
  });

  it('reads a zip written by another tool (JSZip, DEFLATE)', async () => {
    const zip = new JSZip();
    zip.file('a.xml', '<a>Đảng</a>');
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const [file] = deflatedFiles(bytes);
    expect(file?.path).toBe('a.xml');
    expect(file?.size).toBe(Buffer.byteLength('<a>Đảng</a>'));
    expect(Buffer.from(inflateRawSync(file!.deflated)).toString('utf8')).toBe('<a>Đảng</a>');
  });

  it('refuses what is not a zip, or a zip whose entries are stored uncompressed', async () => {
    expect(() => deflatedFiles(new Uint8Array(100))).toThrow(/no zip directory/);
    const stored = await new JSZip().file('a.xml', '<a/>').generateAsync({ type: 'uint8array', compression: 'STORE' });
    expect(() => deflatedFiles(stored)).toThrow(/a\.xml is not DEFLATE-compressed/);
  });
});

describe('bodyXml', () => {
  const defaults = { halfPoints: 28, spacing: { before: 0, after: 0, line: 340, lineRule: 'exact' as const }, indent: { left: 0, right: 0, firstLine: 0 }, alignment: 'both' as const };
  const paragraph = (text: string) => ({ spacing: defaults.spacing, indent: undefined, alignment: undefined, keepNext: false, keepLines: false, halfPoints: 28, runs: [{ bold: false, italic: false, underline: false, breaks: 0, text }] });

  it('escapes markup in text, keeps white space and drops control characters XML 1.0 cannot hold', () => {
    const xml = bodyXml([paragraph(' a & b <c> "d" \'e\'\u0001\u000b ')], defaults);
    const parsed = new XMLParser({ preserveOrder: false, ignoreAttributes: false, trimValues: false, processEntities: true }).parse(xml);
    expect(parsed['w:p']['w:r']['w:t']['#text']).toBe(' a & b <c> "d" \'e\' ');
    expect(parsed['w:p']['w:r']['w:t']['@_xml:space']).toBe('preserve');
  });

  it('writes a paragraph that differs from the defaults in nothing as a bare w:p', () => {
    expect(bodyXml([{ ...paragraph(''), runs: [] }], defaults)).toBe('<w:p></w:p>');
  });
});

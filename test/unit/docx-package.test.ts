/**
 * The DOCX writer's own packaging helpers: compression with the CRC a zip entry records, the
 * zip container, and the XML serialiser (checked against docx itself in docx-writer.test.ts).
 */
import { inflateRawSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { xmlString } from '../../src/writers/docx/xml-string.js';
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

describe('xmlString', () => {
  it('writes an element with nothing as self-closing', () => {
    expect(xmlString({ 'w:b': {} })).toBe('<w:b/>');
  });

  it('writes attributes-only elements as self-closing, numbers as they are', () => {
    expect(xmlString({ 'w:sz': { _attr: { 'w:val': 28 } } })).toBe('<w:sz w:val="28"/>');
  });

  it('writes children in order, and attributes given among them on the element', () => {
    expect(xmlString({ 'w:r': [{ 'w:rPr': [{ 'w:b': {} }] }, { 'w:br': {} }] })).toBe('<w:r><w:rPr><w:b/></w:rPr><w:br/></w:r>');
    expect(xmlString({ 'w:t': [{ _attr: { 'xml:space': 'preserve' } }, ' Nơi nhận: '] })).toBe('<w:t xml:space="preserve"> Nơi nhận: </w:t>');
  });

  it('escapes markup in text and attributes and drops control characters XML cannot hold', () => {
    expect(xmlString({ 'w:t': ['a & b <c> "d" \'e\'\u0001'] })).toBe('<w:t>a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;</w:t>');
    expect(xmlString({ x: { _attr: { v: '"&' } } })).toBe('<x v="&quot;&amp;"/>');
  });

  it('writes an element whose list holds no text as an open and close pair', () => {
    expect(xmlString({ 'w:body': [] })).toBe('<w:body></w:body>');
    expect(xmlString({ 'w:t': [''] })).toBe('<w:t></w:t>');
  });
});

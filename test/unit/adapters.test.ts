/**
 * The adapters (src/adapters/) use a few private members of pdfkit and fontkit for speed or
 * correctness, each with a public fallback. Switched off, the fallbacks must write the very same
 * files: this runs both and compares the bytes, for a plain and an archival PDF whose metadata
 * needs escaping.
 */
import { XMLParser } from 'fast-xml-parser';
import { afterEach, describe, expect, it } from 'vitest';
import { unzlibSync } from 'fflate';
import PDFDocumentClass from 'pdfkit';
import { allowOwnSubsets, subsettingFont } from '../../src/adapters/fontkit.js';
import { endStream, writtenStream } from '../../src/adapters/pdfkit.js';
import { allowPrivateAccess, privateAccessAllowed } from '../../src/adapters/private-access.js';
import { readFontFamily } from '../../src/node/font-files.js';
import { defaultFontFiles } from '../../src/node/package-paths.js';
import { writePdf } from '../../src/writers/pdf/index.js';
import { pdfFontFamily } from '../../src/writers/pdf/pdf-fonts.js';
import { sampleModelPdf } from '../fixtures/sample-model-pdf.js';
import { xmpPacket } from '../helpers/pdf-text.js';

function model() {
  const document = sampleModelPdf();
  return { ...document, metadata: { ...document.metadata, title: 'Kết luận <tháng 11> & nhiệm vụ tháng 12' } };
}

const fonts = readFontFamily(defaultFontFiles());

describe('private members behind adapters', () => {
  afterEach(() => {
    allowPrivateAccess(true);
    allowOwnSubsets(true);
  });

  it('are used by default', () => {
    expect(privateAccessAllowed()).toBe(true);
  });

  it.each([false, true])('write the same bytes through the public fallbacks (PDF/A: %s)', async (pdfa) => {
    const withPrivate = await writePdf(model(), { fonts, pdfa });
    allowPrivateAccess(false);
    const withPublic = await writePdf(model(), { fonts, pdfa });
    expect(Buffer.compare(Buffer.from(withPublic), Buffer.from(withPrivate))).toBe(0);

    // the fallback's XMP is ours alone: one title, escaped, and valid XML
    const xmp = xmpPacket(withPublic) ?? '';
    expect(xmp.match(/<dc:title>/g)).toHaveLength(1);
    expect(xmp).toContain('Kết luận &lt;tháng 11&gt; &amp; nhiệm vụ tháng 12');
    expect(xmp.match(/<pdf:Producer>/g)).toHaveLength(1);
    expect(() => new XMLParser().parse(xmp)).not.toThrow();
    if (pdfa) expect(xmp).toContain('<pdfaid:part>2</pdfaid:part>');
  });

  it('write the same PDF with fontkit making the font subsets', async () => {
    const own = await writePdf(model(), { fonts });
    allowOwnSubsets(false);
    const fontkits = await writePdf(model(), { fonts });
    expect(Buffer.compare(Buffer.from(fontkits), Buffer.from(own))).toBe(0);
  });

  it('make TrueType subsets with the same encoder whether private access is on or off', () => {
    const { data } = pdfFontFamily(fonts).faces.normal.drawing;
    const own = subsettingFont(data);
    allowPrivateAccess(false);
    expect(subsettingFont(data)).toBe(own);
  });

  it('make fontkit subsets from a font of their own when private access is off', () => {
    const { data } = pdfFontFamily(fonts).faces.normal.drawing;
    allowOwnSubsets(false);
    const remembering = subsettingFont(data);
    allowPrivateAccess(false);
    const plain = subsettingFont(data);
    expect(plain).not.toBe(remembering);
    expect(subsettingFont(data)).toBe(plain);
  });
});

describe('writtenStream', () => {
  /** A finished PDF holding one deflated stream of `content`, and that stream's reference. */
  async function pdfWithStream(content: string) {
    const doc = new PDFDocumentClass({ compress: true, font: null } as unknown as ConstructorParameters<typeof PDFDocumentClass>[0]);
    const chunks: Uint8Array[] = [];
    doc.on('data', (chunk: Uint8Array) => { chunks.push(chunk); });
    const ended = new Promise<void>((resolve) => doc.on('end', () => resolve()));
    const ref = endStream(doc, {}, new TextEncoder().encode(content), undefined);
    doc.end();
    await ended;
    return { pdf: new Uint8Array(Buffer.concat(chunks)), ref };
  }

  it('finds the deflated bytes of a stream in the finished file', async () => {
    const content = 'Kết luận '.repeat(500);
    const { pdf, ref } = await pdfWithStream(content);
    const deflated = writtenStream(pdf, ref);
    expect(deflated).toBeDefined();
    expect(new TextDecoder().decode(unzlibSync(deflated!))).toBe(content);
  });

  it('finds nothing for an object the file does not hold', async () => {
    const { pdf, ref } = await pdfWithStream('x');
    expect(writtenStream(pdf, { ...ref, id: 9999 } as typeof ref)).toBeUndefined();
    expect(writtenStream(pdf.subarray(0, 20), ref)).toBeUndefined();
  });
});

/**
 * The adapters (src/adapters/) use a few private members of pdfkit and fontkit for speed or
 * correctness, each with a public fallback. Switched off, the fallbacks must write the very same
 * files: this runs both and compares the bytes, for a plain and an archival PDF whose metadata
 * needs escaping.
 */
import { XMLParser } from 'fast-xml-parser';
import { afterEach, describe, expect, it } from 'vitest';
import { subsettingFont } from '../../src/adapters/fontkit.js';
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
  afterEach(() => allowPrivateAccess(true));

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

  it('make subsets from a font of their own when private access is off', () => {
    const { data } = pdfFontFamily(fonts).faces.normal.drawing;
    const remembering = subsettingFont(data);
    allowPrivateAccess(false);
    const plain = subsettingFont(data);
    expect(plain).not.toBe(remembering);
    expect(subsettingFont(data)).toBe(plain);
  });
});

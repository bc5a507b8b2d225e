/**
 * Sign-ready PDFs, checked on the real files: the signature field read back from the file's
 * objects and compared with where poppler finds the position line and the signer's name
 * (pdftotext -bbox); signatures made with a P12 that openssl makes here and verified by poppler's
 * pdfsig; images found by colour in pages rendered by pdftoppm.
 *
 * Expected places are worked out from the profile's millimetres and the page the test reads, never
 * taken from the code under test. 1 mm = 72 / 25.4 pt.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import * as core from '../src/core.js';
import { isSigningError, loadTemplates, renderConclusion, type RenderOptions } from '../src/index.js';
import { signPdf, SigningError } from '../src/sign/index.js';
import JSZip from 'jszip';
import { zipEntries } from './helpers/docx-text.js';
import { convertWithLibreOffice } from './helpers/libreoffice.js';
import { pdfFonts, pdfPages, xmpPacket, type PdfPage, type PdfWord } from './helpers/pdf-text.js';
import { makeP12, pdfsig, pixelBox, png, renderPage, signatureFields, type FieldRead } from './helpers/signing.js';

const read = (relative: string) => readFileSync(fileURLToPath(new URL(relative, import.meta.url)), 'utf8');
const input = (name: string) => JSON.parse(read(`fixtures/inputs/${name}.json`)) as unknown;
const PROFILE = JSON.parse(read('../templates/ket-luan-hd36/profile.json')) as {
  page: { margin: { leftMm: number } };
  footer: {
    recipientsColumnMm: number;
    signatureColumnMm: number;
    signSpaceMm: number;
    signatureImage: { maxWidthMm: number; maxHeightMm: number };
    sealImage: { widthMm: number; overlap: number; offsetYMm: number };
  };
};
const mm = (value: number) => (value * 72) / 25.4;
const SIGNED_AT = new Date('2024-12-03T09:30:00Z');
const PASSPHRASE = 'mật khẩu 123';

/** The signature column, from the profile: after the left margin and the recipients column. */
const COLUMN = {
  xMin: mm(PROFILE.page.margin.leftMm + PROFILE.footer.recipientsColumnMm),
  xMax: mm(PROFILE.page.margin.leftMm + PROFILE.footer.recipientsColumnMm + PROFILE.footer.signatureColumnMm),
};

async function render(name: string, options: Omit<RenderOptions, 'format'>): Promise<Uint8Array> {
  return renderConclusion(input(name), { format: 'pdf', ...options });
}

/** The position line and the name: the last page whose words include the signer's name. */
function signatureLines(pages: PdfPage[], position: string, name: string): { pageIndex: number; position: PdfWord[]; name: PdfWord[] } {
  const first = name.split(' ')[0] as string;
  for (let index = pages.length - 1; index >= 0; index--) {
    const words = (pages[index] as PdfPage).words.filter((word) => word.xMin >= COLUMN.xMin - 1);
    const nameAt = words.findIndex((word, at) => word.text === first && words.slice(at, at + name.split(' ').length).map((w) => w.text).join(' ') === name);
    if (nameAt < 0) continue;
    const positionWords = words.filter((word) => position.split(' ').includes(word.text) && word.yMax <= (words[nameAt] as PdfWord).yMin);
    const nameWords = words.slice(nameAt, nameAt + name.split(' ').length);
    return { pageIndex: index, position: positionWords, name: nameWords };
  }
  throw new Error(`no page shows ${name}`);
}

const bottomOf = (words: PdfWord[]) => Math.max(...words.map((word) => word.yMax));
const topOf = (words: PdfWord[]) => Math.min(...words.map((word) => word.yMin));

let p12: Uint8Array;
let legacyP12: Uint8Array;

beforeAll(async () => {
  [p12, legacyP12] = await Promise.all([makeP12(PASSPHRASE), makeP12(PASSPHRASE, { legacy: true })]);
}, 60_000);

describe('signature field', () => {
  const cases: [string, string, number][] = [
    ['one-page', 'the block on page 1', 0],
    ['signature-at-page-end', 'the block at the foot of page 1', 0],
    ['signature-pushed-to-next-page', 'the block right after a page break', 1],
    ['six-pages-nested', 'the block on a later page', 5],
  ];

  it.each(cases)('%s (%s): the field covers the signing space between the position line and the name', async (name, _what, expectedPage) => {
    const pdf = await render(name, { signatureField: true });
    const fields = signatureFields(pdf);
    expect(fields).toHaveLength(1);
    const field = fields[0] as FieldRead;
    const conclusion = input(name) as { signature: { name: string; position?: string } };
    const lines = signatureLines(await pdfPages(pdf), conclusion.signature.position ?? 'BÍ THƯ', conclusion.signature.name);

    expect(lines.pageIndex).toBe(expectedPage);
    expect(field.pageIndex).toBe(lines.pageIndex);
    expect(field.name).toBe('ChuKy');
    expect(field.signed).toBe(false);
    expect(field.flags & 4).toBe(4); // printed
    expect(field.flags & (1 | 2 | 32)).toBe(0); // never invisible, hidden or not viewed
    // between the lines: below the position line's words, above the name's, as tall as the space
    expect(field.box.yMin).toBeGreaterThanOrEqual(bottomOf(lines.position) - 0.01);
    expect(field.box.yMin - bottomOf(lines.position)).toBeLessThan(2);
    expect(field.box.yMax).toBeLessThanOrEqual(topOf(lines.name) + 0.01);
    expect(topOf(lines.name) - field.box.yMax).toBeLessThan(2);
    expect(field.box.yMax - field.box.yMin).toBeCloseTo(mm(PROFILE.footer.signSpaceMm), 0);
    // as wide as the signature column
    expect(field.box.xMin).toBeCloseTo(COLUMN.xMin, 0);
    expect(field.box.xMax).toBeCloseTo(COLUMN.xMax, 0);
  });

  it('takes the name given, and refuses one a signing tool could not address', async () => {
    const pdf = await render('one-page', { signatureField: { name: 'BiThu_2024' } });
    expect(signatureFields(pdf).map((field) => field.name)).toEqual(['BiThu_2024']);
    await expect(render('one-page', { signatureField: { name: 'Bí thư.1' } })).rejects.toThrow(/signatureField\.name/);
  });

  it('is not there unless asked for, and the PDF is then byte for byte the unsigned one', async () => {
    const plain = await render('one-page', {});
    expect(signatureFields(plain)).toHaveLength(0);
    const withField = await render('one-page', { signatureField: true });
    // the field is an incremental update: the file before it is untouched
    expect(Buffer.from(withField.subarray(0, plain.length)).equals(Buffer.from(plain))).toBe(true);
  });

  it('is refused for DOCX output, which carries the images only', async () => {
    await expect(renderConclusion(input('one-page'), { format: 'docx', signatureField: true })).rejects.toThrow(/PDF output only/);
  });
});

describe('digital signature', () => {
  it('pdfsig: valid, covering the whole file but the signature, in the field; reproducible with signedAt', async () => {
    const options = { sign: { p12, passphrase: PASSPHRASE, reason: 'Ban hành kết luận', location: 'Bảo Cường', signedAt: SIGNED_AT } };
    const signed = await render('one-page', options);
    const report = await pdfsig(signed);
    expect(report.valid, report.output).toBe(true);
    expect(report.totalDocumentSigned, report.output).toBe(true);
    expect(report.fieldName).toBe('ChuKy');
    expect(report.subFilter).toBe('adbe.pkcs7.detached');
    expect(report.signingTime).toBe('Dec 03 2024 09:30:00');
    expect(signatureFields(signed).map((field) => field.signed)).toEqual([true]);
    expect(Buffer.from(await render('one-page', options)).equals(Buffer.from(signed))).toBe(true);
  });

  it('pdfsig: changing one byte of the signed file makes the signature invalid', async () => {
    const signed = await render('one-page', { sign: { p12, passphrase: PASSPHRASE, signedAt: SIGNED_AT } });
    for (const at of [200, Math.floor(signed.length / 2), signed.length - 40]) {
      const tampered = new Uint8Array(signed);
      // a byte inside the signature's own hex would not be covered: pick one outside /Contents <…>
      const contents = Buffer.from(signed).indexOf('/Contents <');
      const end = Buffer.from(signed).indexOf('>', contents);
      const position = at > contents && at < end ? end + 5 : at;
      tampered[position] = (tampered[position] as number) ^ 0x01;
      const report = await pdfsig(tampered);
      expect(report.valid, `byte ${position}: ${report.output}`).toBe(false);
    }
  });

  it('reads the P12 forms OpenSSL writes: the default (AES, PBKDF2) and -legacy (3DES, SHA-1)', async () => {
    const signed = await render('one-page', { sign: { p12: legacyP12, passphrase: PASSPHRASE, signedAt: SIGNED_AT } });
    expect((await pdfsig(signed)).valid).toBe(true);
  });

  it('writes ETSI.CAdES.detached (PAdES) when asked', async () => {
    const signed = await render('one-page', { sign: { p12, passphrase: PASSPHRASE, signedAt: SIGNED_AT, subFilter: 'ETSI.CAdES.detached' } });
    const report = await pdfsig(signed);
    expect(report.subFilter).toBe('ETSI.CAdES.detached');
    expect(report.valid, report.output).toBe(true);
  });

  it('signs a field on a later page, and a field a previous render left empty', async () => {
    const signed = await render('six-pages-nested', { sign: { p12, passphrase: PASSPHRASE, signedAt: SIGNED_AT } });
    expect((await pdfsig(signed)).valid).toBe(true);
    const empty = await render('one-page', { signatureField: true });
    const later = await signPdf(empty, { p12, passphrase: PASSPHRASE, signedAt: SIGNED_AT });
    expect((await pdfsig(later)).valid).toBe(true);
    await expect(signPdf(later, { p12, passphrase: PASSPHRASE })).rejects.toThrow(/already signed/);
  });

  it('a wrong passphrase or a broken P12 is a clear error in English and Vietnamese, and nothing is returned', async () => {
    const wrong = render('one-page', { sign: { p12, passphrase: 'sai' } });
    await expect(wrong).rejects.toBeInstanceOf(SigningError);
    await expect(wrong).rejects.toThrow(/passphrase is wrong.*KET_LUAN_P12_PASSPHRASE/);
    await wrong.catch((error: SigningError) => expect(error.messageVi).toMatch(/sai mật khẩu/));
    await wrong.catch((error: unknown) => {
      expect(isSigningError(error)).toBe(true);
      expect((error as SigningError).code).toBe('KET_LUAN_SIGNING');
    });

    const broken = render('one-page', { sign: { p12: p12.subarray(0, 300), passphrase: PASSPHRASE } });
    await expect(broken).rejects.toThrow(/sign\.p12: the certificate file cannot be opened: it is not a PKCS#12 file/);
    await broken.catch((error: SigningError) => expect(error.messageVi).toMatch(/không mở được tệp chứng thư số/));

    await expect(render('one-page', { sign: { p12: '/no/such/file.p12' } })).rejects.toThrow(/sign\.p12: cannot read \/no\/such\/file\.p12: no such file/);
  });

  it('ket-luan/core takes the images and the P12 as bytes and signs to the same bytes as the main entry', async () => {
    const fontsDir = fileURLToPath(new URL('../fonts/liberation-serif/', import.meta.url));
    const face = (file: string) => new Uint8Array(readFileSync(join(fontsDir, file)));
    const fonts = {
      normal: face('LiberationSerif-Regular.ttf'),
      bold: face('LiberationSerif-Bold.ttf'),
      italics: face('LiberationSerif-Italic.ttf'),
      bolditalics: face('LiberationSerif-BoldItalic.ttf'),
    };
    const signatureImage = png(90, 30, () => [10, 30, 180, 200]);
    const sign = { p12, passphrase: PASSPHRASE, signedAt: SIGNED_AT };
    const fromCore = await core.renderConclusion(input('one-page'), { format: 'pdf', templates: loadTemplates(), fonts, signatureImage, sign });
    expect((await pdfsig(fromCore)).valid).toBe(true);
    expect(fromCore).toEqual(await render('one-page', { signatureImage, sign }));
    await expect(core.renderConclusion(input('one-page'), { format: 'docx', templates: loadTemplates(), fonts, sign })).rejects.toThrow(/apply to PDF output only/);
  });

  it('an external signer gets exactly the bytes the signature covers, and its CMS is what the file carries', async () => {
    // The external signer here is the P12 signer itself behind the callback interface, as a USB
    // token's driver or a signing service would stand behind it.
    const received: Uint8Array[] = [];
    const viaP12 = await render('one-page', { signatureField: true });
    const reference = await signPdf(viaP12, { p12, passphrase: PASSPHRASE, signedAt: SIGNED_AT });
    const signer = {
      async sign(content: Uint8Array, signingTime?: Date): Promise<Uint8Array> {
        received.push(content);
        const { openP12 } = await import('../src/sign/p12.js');
        const { cmsSignedData } = await import('../src/sign/cms.js');
        return cmsSignedData(content, await openP12(p12, PASSPHRASE), signingTime ?? new Date());
      },
    };
    const signed = await signPdf(viaP12, { signer, signedAt: SIGNED_AT });
    expect(Buffer.from(signed).equals(Buffer.from(reference))).toBe(true);
    expect((await pdfsig(signed)).valid).toBe(true);
    // what the signer saw: the file without the hex signature between /Contents < and >
    const text = Buffer.from(signed).toString('latin1');
    const range = /\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\s*\]/.exec(text)!.slice(1).map(Number) as [number, number, number, number];
    const covered = Buffer.concat([Buffer.from(signed.subarray(range[0], range[1])), Buffer.from(signed.subarray(range[2], range[2] + range[3]))]);
    expect(received).toHaveLength(1);
    expect(Buffer.from(received[0] as Uint8Array).equals(covered)).toBe(true);
    expect(range[2] + range[3]).toBe(signed.length);

    const failing = { sign: async () => Promise.reject(new Error('token removed')) };
    await expect(signPdf(viaP12, { signer: failing })).rejects.toThrow(/sign\.signer: the signer failed: token removed/);
    const notCms = { sign: async () => new Uint8Array([1, 2, 3]) };
    await expect(signPdf(viaP12, { signer: notCms })).rejects.toThrow(/DER bytes of a CMS SignedData/);
  });
});

describe('signature and seal images', () => {
  // Opaque edges, transparent inside: the coloured pixels' box is the image's box, and the page
  // shows through the middle.
  const BLUE: [number, number, number, number] = [20, 40, 200, 255];
  const RED: [number, number, number, number] = [220, 20, 20, 255];
  const CLEAR: [number, number, number, number] = [0, 0, 0, 0];
  const signature = png(300, 100, (x, y) => (x < 4 || y < 4 || x >= 296 || y >= 96 ? BLUE : CLEAR));
  const seal = png(200, 200, (x, y) => {
    const r = Math.hypot(x + 0.5 - 100, y + 0.5 - 100);
    return r >= 88 && r <= 100 ? RED : CLEAR;
  });
  const isBlue = ([r, g, b]: [number, number, number]) => b > 150 && r < 100 && g < 120;
  const isRed = ([r, g, b]: [number, number, number]) => r > 150 && g < 90 && b < 90;

  /** The signing space, as the field of the same render marks it. */
  async function spaceOf(name: string): Promise<FieldRead> {
    return signatureFields(await render(name, { signatureField: true }))[0] as FieldRead;
  }

  it('the signature is centred in the signing space, fitted into the profile box; the page shows through', async () => {
    const space = await spaceOf('one-page');
    const pdf = await render('one-page', { signatureImage: signature });
    const page = await renderPage(pdf, space.pageIndex, 150);
    const box = pixelBox(page, isBlue)!;
    // 300 × 100 px fitted into maxWidth × maxHeight: the width limits (50 mm → 16.7 mm tall)
    const { maxWidthMm, maxHeightMm } = PROFILE.footer.signatureImage;
    const scale = Math.min(maxWidthMm / 300, maxHeightMm / 100);
    const centreX = (space.box.xMin + space.box.xMax) / 2;
    const centreY = (space.box.yMin + space.box.yMax) / 2;
    const tolerance = 0.8; // pt: one pixel at 150 dpi is 0.48 pt, plus anti-aliasing
    expect(box.xMin).toBeCloseTo(centreX - mm(300 * scale) / 2, 0);
    expect(Math.abs(box.xMax - (centreX + mm(300 * scale) / 2))).toBeLessThan(tolerance);
    expect(Math.abs(box.yMin - (centreY - mm(100 * scale) / 2))).toBeLessThan(tolerance);
    expect(Math.abs(box.yMax - (centreY + mm(100 * scale) / 2))).toBeLessThan(tolerance);
    const [r, g, b] = page.rgb(Math.round(centreX * page.scale), Math.round(centreY * page.scale));
    expect(Math.min(r, g, b)).toBeGreaterThan(240); // transparent: white paper, not a black box
  });

  it('the seal has its real width and covers the left part of the signature, drawn over it', async () => {
    const space = await spaceOf('signature-pushed-to-next-page');
    const pdf = await render('signature-pushed-to-next-page', { signatureImage: signature, sealImage: seal });
    const page = await renderPage(pdf, space.pageIndex, 150);
    const red = pixelBox(page, isRed)!;
    const blue = pixelBox(page, isBlue)!;
    const { widthMm, overlap, offsetYMm } = PROFILE.footer.sealImage;
    const tolerance = 0.8;
    expect(Math.abs(red.xMax - red.xMin - mm(widthMm))).toBeLessThan(tolerance);
    expect(Math.abs(red.yMax - red.yMin - mm(widthMm))).toBeLessThan(tolerance);
    // its right edge lies `overlap` of the signature's width in from the signature's left edge
    expect(Math.abs(red.xMax - (blue.xMin + overlap * (blue.xMax - blue.xMin)))).toBeLessThan(tolerance);
    // centred on the signing space, shifted by the profile's offset
    expect(Math.abs((red.yMin + red.yMax) / 2 - ((space.box.yMin + space.box.yMax) / 2 + mm(offsetYMm)))).toBeLessThan(tolerance);
    // over the signature: where the ring crosses the signature's top edge, the pixel is red
    const crossingX = Math.round(((red.xMin + red.xMax) / 2) * page.scale);
    let found = false;
    for (let x = crossingX; x < red.xMax * page.scale && !found; x++) {
      const y = Math.round((blue.yMin + 0.5) * page.scale);
      if (isRed(page.rgb(x, y))) found = true;
    }
    expect(found).toBe(true);
  });

  it('DOCX: the same images, anchored in the signing space paragraph at the places the profile gives', async () => {
    const docx = await renderConclusion(input('one-page'), { format: 'docx', signatureImage: signature, sealImage: seal });
    const entries = await zipEntries(docx);
    const xml = entries.get('word/document.xml')!;
    // the signature cell: position line, the paragraph holding the anchors, then the name
    const cell = /<w:tc>(?:(?!<\/w:tc>).)*BÍ THƯ(?:(?!<\/w:tc>).)*<\/w:tc>/s.exec(xml)![0];
    const paragraphs = cell.split('</w:p>').slice(0, -1);
    const anchorsAt = paragraphs.findIndex((paragraph) => paragraph.includes('<wp:anchor'));
    expect(paragraphs[anchorsAt - 1]).toContain('BÍ THƯ');
    expect(paragraphs[anchorsAt + 1]).toContain((input('one-page') as { signature: { name: string } }).signature.name);

    const anchors = [...(paragraphs[anchorsAt] as string).matchAll(/<wp:anchor [^>]*relativeHeight="(\d+)"[^>]*>(.*?)<\/wp:anchor>/gs)].map((match) => {
      const body = match[2] as string;
      const number = (pattern: RegExp) => Number(pattern.exec(body)![1]);
      return {
        height: Number(match[1]),
        x: number(/<wp:positionH relativeFrom="column"><wp:posOffset>(-?\d+)</),
        y: number(/<wp:positionV relativeFrom="paragraph"><wp:posOffset>(-?\d+)</),
        cx: number(/<wp:extent cx="(\d+)"/),
        cy: number(/<wp:extent cx="\d+" cy="(\d+)"/),
        embed: /r:embed="([^"]+)"/.exec(body)![1] as string,
        wrapNone: body.includes('<wp:wrapNone/>'),
      };
    });
    expect(anchors).toHaveLength(2);
    const [sig, sl] = anchors as [(typeof anchors)[0], (typeof anchors)[0]];
    const emu = (valueMm: number) => valueMm * 36_000;
    const twip = 635; // EMU: lengths are rounded to whole twips, as the PDF's are
    const { maxWidthMm, maxHeightMm } = PROFILE.footer.signatureImage;
    const scale = Math.min(maxWidthMm / 300, maxHeightMm / 100);
    const column = PROFILE.footer.signatureColumnMm;
    const space = PROFILE.footer.signSpaceMm;
    expect(Math.abs(sig.cx - emu(300 * scale))).toBeLessThanOrEqual(twip);
    expect(Math.abs(sig.cy - emu(100 * scale))).toBeLessThanOrEqual(twip);
    expect(Math.abs(sig.x - emu((column - 300 * scale) / 2))).toBeLessThanOrEqual(twip);
    expect(Math.abs(sig.y - emu((space - 100 * scale) / 2))).toBeLessThanOrEqual(twip);
    const { widthMm, overlap, offsetYMm } = PROFILE.footer.sealImage;
    expect(Math.abs(sl.cx - emu(widthMm))).toBeLessThanOrEqual(twip);
    expect(Math.abs(sl.x + sl.cx - (sig.x + overlap * sig.cx))).toBeLessThanOrEqual(2 * twip);
    expect(Math.abs(sl.y - emu((space - widthMm) / 2 + offsetYMm))).toBeLessThanOrEqual(twip);
    expect(sl.height).toBeGreaterThan(sig.height); // the seal over the signature
    expect(sig.wrapNone && sl.wrapNone).toBe(true); // in front of the text, taking no room

    // each picture is its own PNG part, byte for byte the one given
    const rels = entries.get('word/_rels/document.xml.rels')!;
    const zip = await JSZip.loadAsync(docx);
    for (const [anchor, image] of [[sig, signature], [sl, seal]] as const) {
      const target = new RegExp(`Id="${anchor.embed}" Type="[^"]*/image" Target="([^"]+)"`).exec(rels)![1] as string;
      expect(new Uint8Array(await zip.file(`word/${target}`)!.async('uint8array'))).toEqual(image);
    }
  });

  it('DOCX printed by LibreOffice and the PDF put the images at the same places', async () => {
    const options = { signatureImage: signature, sealImage: seal };
    const fromPdf = await render('signature-at-page-end', options);
    const fromDocx = await convertWithLibreOffice(await renderConclusion(input('signature-at-page-end'), { format: 'docx', ...options }));
    const [pdfPage, docxPage] = await Promise.all([renderPage(fromPdf, 0, 150), renderPage(fromDocx, 0, 150)]);
    for (const colour of [isBlue, isRed]) {
      const a = pixelBox(pdfPage, colour)!;
      const b = pixelBox(docxPage, colour)!;
      for (const side of ['xMin', 'yMin', 'xMax', 'yMax'] as const) expect(Math.abs(a[side] - b[side]), side).toBeLessThan(1);
    }
  }, 120_000);

  it('a file that is not a PNG is refused, naming the option', async () => {
    await expect(render('one-page', { sealImage: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]) })).rejects.toThrow(/sealImage: is not a PNG file/);
    await expect(render('one-page', { signatureImage: '/no/such/signature.png' })).rejects.toThrow(/signatureImage: cannot read/);
  });
});

describe('PDF/A-2b and signing together', () => {
  // What can be checked here without a PDF/A validator (veraPDF is neither in Debian's archive nor
  // on npm): the rules of ISO 19005-2 that a signed, image-bearing file could break.
  it('still declares PDF/A-2b and keeps to the rules a signature, a field and images touch', async () => {
    const transparentSeal = png(120, 120, (x, y) => (Math.hypot(x - 60, y - 60) < 55 ? [200, 10, 10, 160] : [0, 0, 0, 0]));
    const signed = await render('one-page', {
      pdfa: true,
      signatureImage: png(90, 30, () => [10, 30, 180, 200]),
      sealImage: transparentSeal,
      sign: { p12, passphrase: PASSPHRASE, signedAt: SIGNED_AT, subFilter: 'ETSI.CAdES.detached', reason: 'Ban hành', location: 'Bảo Cường' },
    });
    expect((await pdfsig(signed)).valid).toBe(true);
    const text = Buffer.from(signed).toString('latin1');
    // declared: the XMP identification schema, untouched by the updates
    expect(xmpPacket(signed)).toMatch(/pdfaid:part[^0-9]*2/);
    expect(xmpPacket(signed)).toMatch(/pdfaid:conformance[^A-Z]*B/);
    expect(text).toMatch(/\/OutputIntents \[\d+ 0 R\]/);
    // every font embedded
    const fonts = await pdfFonts(signed);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((font) => font.embedded)).toBe(true);
    // every trailer (the original and each update) carries the same /ID
    const ids = [...text.matchAll(/trailer\s*<<[\s\S]*?\/ID \[<([0-9a-f]+)>/g)].map((match) => match[1]);
    expect(ids.length).toBe(3);
    expect(new Set(ids).size).toBe(1);
    // no encryption, JavaScript, actions, XFA, or appearances left to the reader
    for (const forbidden of ['/Encrypt', '/JavaScript', '/JS ', '/AA ', '/XFA', '/NeedAppearances true', '/Interpolate true', '/Launch']) {
      expect(text, forbidden).not.toContain(forbidden);
    }
    // the widget: printed, never hidden, with its own appearance stream
    const widget = /<<[^]*?\/FT \/Sig[^]*?>>\nendobj/.exec(text.slice(text.lastIndexOf('/FT /Sig') - 400))![0];
    expect(widget).toMatch(/\/F 4\b/);
    expect(widget).toMatch(/\/AP << \/N \d+ 0 R >>/);
    // the signature value a hex string, the byte range the whole file but that string
    const range = /\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\s*\]/.exec(text)!.slice(1).map(Number);
    expect(range[0]).toBe(0);
    expect(text[range[1] as number]).toBe('<');
    expect(text[(range[2] as number) - 1]).toBe('>');
    expect((range[2] as number) + (range[3] as number)).toBe(signed.length);
    // file structure: %%EOF ends the file, each xref keyword on a line of its own
    expect(text.endsWith('%%EOF') || text.endsWith('%%EOF\n')).toBe(true);
    expect([...text.matchAll(/\nxref\n\d+ \d+\n/g)].length).toBe(3);
  });
});


/**
 * A template maintainer's round trip, through the real command: copy the defaults with
 * `ket-luan templates init`, change a phrase, a font size and a margin, render with
 * `--templates`, and see each change in both the DOCX and the PDF.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ketLuan, ROOT } from './helpers/cli.js';
import { pdfPages, type PdfPage } from './helpers/pdf-text.js';
import { docxPart } from './helpers/docx-text.js';

const MONTHLY = join(ROOT, 'examples', 'monthly', 'data', '2025-01', 'cho-chu.json');
const NEW_CLOSING = 'Yêu cầu các chi bộ nghiêm túc thực hiện Kết luận này./.';
const MM_TO_PT = 72 / 25.4;

let dir: string;
const outputs: Record<'before' | 'after', { documentXml: string; stylesXml: string; pages: PdfPage[] }> = {} as never;

async function render(args: string[], out: string) {
  const run = await ketLuan(['render', MONTHLY, '-o', out, '--quiet', ...args], dir);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const docx = readFileSync(join(out, 'cho-chu.docx'));
  return {
    documentXml: await docxPart(docx),
    stylesXml: await docxPart(docx, 'word/styles.xml'),
    pages: await pdfPages(readFileSync(join(out, 'cho-chu.pdf'))),
  };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ket-luan-maintainer-'));
  const init = await ketLuan(['templates', 'init', 'my-templates'], dir);
  expect(init.code).toBe(0);

  const profile = join(dir, 'my-templates', 'ket-luan-hd36');
  writeFileSync(join(profile, 'closing.hbs'), `${NEW_CLOSING}\n`);
  const layout = JSON.parse(readFileSync(join(profile, 'profile.json'), 'utf8'));
  layout.body.paragraph.sizePt = 13;
  layout.body.point.sizePt = 13;
  layout.body.closing.sizePt = 13;
  layout.page.margin.leftMm = 35;
  writeFileSync(join(profile, 'profile.json'), JSON.stringify(layout, null, 2));

  outputs.before = await render([], join(dir, 'before'));
  outputs.after = await render(['--templates', 'my-templates'], join(dir, 'after'));
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const words = (pages: PdfPage[]) => pages.flatMap((p) => p.words);
const pdfString = (pages: PdfPage[]) => words(pages).map((w) => w.text).join(' ');

describe('a changed phrase', () => {
  it('replaces the closing sentence in the DOCX', () => {
    expect(outputs.before.documentXml).not.toContain(NEW_CLOSING);
    expect(outputs.after.documentXml).toContain(NEW_CLOSING);
  });

  it('replaces the closing sentence in the PDF', () => {
    expect(pdfString(outputs.before.pages)).not.toContain(NEW_CLOSING);
    expect(pdfString(outputs.after.pages)).toContain(NEW_CLOSING);
  });
});

describe('a changed font size (body 14 pt → 13 pt)', () => {
  it('writes 26 half-points for the body runs in the DOCX', () => {
    const sizeOfRunWith = ({ documentXml, stylesXml }: { documentXml: string; stylesXml: string }, text: string) => {
      const run = documentXml.split(/<w:r[ >]/).find((r) => r.includes(text));
      const own = run && /<w:sz w:val="(\d+)"/.exec(run)?.[1];
      // A run without its own size takes the document default.
      return Number(own ?? /<w:rPrDefault>.*?<w:sz w:val="(\d+)"/s.exec(stylesXml)?.[1] ?? NaN);
    };
    expect(sizeOfRunWith(outputs.before, 'Tết Nguyên đán')).toBe(28);
    expect(sizeOfRunWith(outputs.after, 'Tết Nguyên đán')).toBe(26);
  });

  it('draws the body words smaller in the PDF, by 13/14', () => {
    const heightOf = (pages: PdfPage[]) => words(pages).find((w) => w.text === 'Nguyên')!;
    const before = heightOf(outputs.before.pages);
    const after = heightOf(outputs.after.pages);
    expect((after.yMax - after.yMin) / (before.yMax - before.yMin)).toBeCloseTo(13 / 14, 2);
  });
});

describe('a changed margin (left 30 mm → 35 mm)', () => {
  it('writes the left margin in twips in the DOCX', () => {
    const left = (xml: string) => Number(/<w:pgMar [^>]*w:left="(\d+)"/.exec(xml)?.[1]);
    expect(left(outputs.before.documentXml)).toBe(Math.round((30 / 25.4) * 1440));
    expect(left(outputs.after.documentXml)).toBe(Math.round((35 / 25.4) * 1440));
  });

  it('starts every line of the PDF at the new margin', () => {
    const leftmost = (pages: PdfPage[]) => Math.min(...words(pages).map((w) => w.xMin));
    expect(leftmost(outputs.before.pages)).toBeCloseTo(30 * MM_TO_PT, 0);
    expect(leftmost(outputs.after.pages)).toBeCloseTo(35 * MM_TO_PT, 0);
  });
});

/**
 * The DOCX as LibreOffice lays it out: converted to PDF by soffice, then read back with poppler
 * (pdftotext -bbox-layout for word positions, pdftoppm for the rule's pixels).
 *
 * Positions are in PDF points from the top-left of the page; expected values are worked out from
 * the fixture (1 mm = 72 / 25.4 pt ≈ 2.835 pt).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentModel } from '../src/model/document.js';
import { writeDocx } from '../src/writers/docx/index.js';
import { ISSUER_TEXT, PARTY_RULE_MM, sampleModel } from './fixtures/sample-model.js';
import { convertWithLibreOffice } from './helpers/libreoffice.js';

const exec = promisify(execFile);
const PT_PER_MM = 72 / 25.4;
const mm = (value: number) => value * PT_PER_MM;

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

interface Page {
  words: Word[];
}

/** pdftotext -bbox-layout's XHTML → pages of words (its flows/blocks/lines are ignored). */
function parseBbox(xhtml: string): Page[] {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseAttributeValue: true, isArray: () => true });
  const root = parser.parse(xhtml) as Record<string, unknown[]>;
  const pages: Page[] = [];
  const walkPage = (node: unknown, words: Word[]) => {
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (!Array.isArray(value)) continue;
      for (const item of value) {
        if (key === 'word') {
          const w = item as Record<string, unknown>;
          words.push({
            text: String(w['#text']),
            xMin: Number(w.xMin),
            yMin: Number(w.yMin),
            xMax: Number(w.xMax),
            yMax: Number(w.yMax),
          });
        } else walkPage(item, words);
      }
    }
  };
  const findPages = (node: unknown) => {
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (!Array.isArray(value)) continue;
      for (const item of value) {
        if (key === 'page') {
          const words: Word[] = [];
          walkPage(item, words);
          pages.push({ words });
        } else findPages(item);
      }
    }
  };
  findPages(root);
  return pages;
}

/** Words grouped into visual lines by their top edge, left to right. */
function lines(words: Word[]): { y: number; text: string; words: Word[] }[] {
  const byY = new Map<number, Word[]>();
  for (const word of words) {
    const key = Math.round(word.yMin * 2) / 2;
    byY.set(key, [...(byY.get(key) ?? []), word]);
  }
  return [...byY.entries()]
    .sort(([a], [b]) => a - b)
    .map(([y, ws]) => {
      const sorted = [...ws].sort((a, b) => a.xMin - b.xMin);
      return { y, text: sorted.map((w) => w.text).join(' '), words: sorted };
    });
}

/** The longest run of dark pixels on any row of a binary PGM (P5) within the top `bandPx` rows. */
function longestDarkRun(pgm: Uint8Array, bandPx: number): { length: number; start: number; row: number } {
  const header = new TextDecoder('latin1').decode(pgm.subarray(0, 64));
  const match = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(header);
  if (match === null) throw new Error('not a binary PGM');
  const width = Number(match[1]);
  const height = Number(match[2]);
  const pixels = pgm.subarray(match[0].length);
  let best = { length: 0, start: 0, row: 0 };
  for (let y = 0; y < Math.min(height, bandPx); y++) {
    let run = 0;
    for (let x = 0; x < width; x++) {
      if ((pixels[y * width + x] ?? 255) < 128) {
        run += 1;
        if (run > best.length) best = { length: run, start: x - run + 1, row: y };
      } else run = 0;
    }
  }
  return best;
}


// LibreOffice and poppler are required (`.ci/run` installs them): without them this fails, never skips.
describe('DOCX through LibreOffice', () => {
  const model = sampleModel();
  const { topMm, leftMm, rightMm } = model.page.margin;
  let pages: Page[];
  let pageOnePgm: Uint8Array;
  const DPI = 254; // 10 pixels per millimetre

  beforeAll(async () => {
    const pdf = await convertWithLibreOffice(await writeDocx(model));
    const dir = await mkdtemp(join(tmpdir(), 'ket-luan-poppler-'));
    try {
      const pdfPath = join(dir, 'sample.pdf');
      await writeFile(pdfPath, pdf);
      const { stdout } = await exec('pdftotext', ['-bbox-layout', pdfPath, '-'], { maxBuffer: 64 * 1024 * 1024 });
      pages = parseBbox(stdout);
      await exec('pdftoppm', ['-r', String(DPI), '-gray', '-f', '1', '-l', '1', '-singlefile', pdfPath, join(dir, 'page1')]);
      pageOnePgm = new Uint8Array(await readFile(join(dir, 'page1.pgm')));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('runs onto exactly two pages', () => {
    expect(pages).toHaveLength(2);
  });

  /** Words of the header's left column: from the left margin (30 mm) to 30 + 80 = 110 mm, above the title. */
  function issuerColumn(): Word[] {
    const page = pages[0];
    if (!page) throw new Error('no page 1');
    const title = page.words.find((w) => w.text === 'KẾT');
    if (!title) throw new Error('no title on page 1');
    return page.words.filter((w) => w.xMin >= mm(leftMm) - 1 && w.xMax <= mm(leftMm + 80) + 1 && w.yMax <= title.yMin);
  }

  it('keeps the 14 pt bold issuer line on one line in its 80 mm column', () => {
    const left = issuerColumn();
    const columnLines = lines(left).map((l) => l.text);
    expect(columnLines).toContain(ISSUER_TEXT);
    expect(columnLines).toEqual(['ĐẢNG BỘ HUYỆN ĐỊNH HÓA', ISSUER_TEXT, '*', 'Số 45-KL/ĐU']);
  });

  it('honours exact line spacing: the issuer column advances 17 pt a line', () => {
    const ys = lines(issuerColumn()).map((l) => l.words[0]?.yMin ?? 0);
    for (let i = 1; i < ys.length; i++) expect((ys[i] ?? 0) - (ys[i - 1] ?? 0)).toBeCloseTo(17, 1);
  });

  it('numbers page 2 at the top, centred, and leaves page 1 unnumbered', () => {
    const [one, two] = pages;
    if (!one || !two) throw new Error('expected two pages');
    const inTopMargin = (page: Page) => page.words.filter((w) => w.yMax <= mm(topMm));
    expect(inTopMargin(one)).toEqual([]);
    const numbers = inTopMargin(two);
    expect(numbers.map((w) => w.text)).toEqual(['2']);
    const number = numbers[0];
    if (!number) throw new Error('no number');
    // header distance 10 mm = 28.35 pt from the top edge
    expect(Math.abs(number.yMin - mm(10))).toBeLessThan(1.5);
    // centred between the margins: (30 + (210 − 15)) / 2 = 112.5 mm
    expect(Math.abs((number.xMin + number.xMax) / 2 - mm((leftMm + 210 - rightMm) / 2))).toBeLessThan(1.5);
  });

  it('starts the body at the same height on both pages (the header does not push it down)', () => {
    const [one, two] = pages;
    if (!one || !two) throw new Error('expected two pages');
    const firstBelowMargin = (page: Page) => Math.min(...page.words.filter((w) => w.yMin >= mm(topMm) - 1).map((w) => w.yMin));
    expect(Math.abs(firstBelowMargin(one) - firstBelowMargin(two))).toBeLessThan(0.5);
  });

  it('keeps the signature block together and with the closing sentence', () => {
    const two = pages[1];
    if (!two) throw new Error('no page 2');
    const texts = lines(two.words).map((l) => l.text);
    const joined = texts.join('\n');
    for (const expected of ['Nơi nhận:', 'T/M BAN THƯỜNG VỤ', 'Ma Đình Dũng', '- Lưu VPĐU.']) expect(joined).toContain(expected);
    expect(joined).toContain('triển khai thực hiện./.');
  });

  it('draws the Party rule lengthMm long, centred in the 85 mm right column', () => {
    const pxPerMm = DPI / 25.4;
    const rule = longestDarkRun(pageOnePgm, Math.round((topMm + 30) * pxPerMm));
    // 72.72 mm, within a pixel or two of anti-aliasing and line caps
    expect(Math.abs(rule.length / pxPerMm - PARTY_RULE_MM)).toBeLessThan(0.4);
    // the right column spans 110 to 195 mm; its centre is 152.5 mm
    const centre = (rule.start + rule.length / 2) / pxPerMm;
    expect(Math.abs(centre - (leftMm + 80 + 85 / 2))).toBeLessThan(0.4);
    // and it lies under the Party name: below the top margin, above the date line
    expect(rule.row / pxPerMm).toBeGreaterThan(topMm);
  });

  describe('at a page break', () => {
    /**
     * The sample cut to one page of text and pushed down by a spacer so that the signature block
     * straddles the foot of page 1. `keeps` false drops the model's keepWithNext/keepTogether.
     */
    function straddling(keeps: boolean): DocumentModel {
      const m = sampleModel();
      const closing = m.blocks[m.blocks.length - 2];
      const footer = m.blocks[m.blocks.length - 1];
      if (closing?.kind !== 'paragraph' || footer?.kind !== 'columns') throw new Error('fixture changed shape');
      closing.style.keepWithNext = keeps;
      footer.keepTogether = keeps;
      // header, three title lines, two body paragraphs; then 130 mm of room puts the block's
      // 60-odd mm across the page foot (found by scanning 100–190 mm with LibreOffice 7.4)
      m.blocks = [...m.blocks.slice(0, 6), { kind: 'spacer', role: 'push', heightMm: 130 }, closing, footer];
      return m;
    }

    async function pageTexts(model: DocumentModel): Promise<string[]> {
      const pdf = await convertWithLibreOffice(await writeDocx(model));
      const dir = await mkdtemp(join(tmpdir(), 'ket-luan-poppler-'));
      try {
        await writeFile(join(dir, 'x.pdf'), pdf);
        const { stdout } = await exec('pdftotext', ['-layout', join(dir, 'x.pdf'), '-']);
        return stdout.split('\f').filter((page) => page.trim() !== '');
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }

    const pageOf = (pagesText: string[], text: string) => pagesText.findIndex((page) => page.includes(text)) + 1;
    const MARKERS = ['thực hiện./.', 'Nơi nhận:', 'T/M BAN THƯỜNG VỤ', '- Lưu VPĐU.', 'Ma Đình Dũng'];

    it('splits the block without keeps (the control: the scenario really straddles the break)', async () => {
      const texts = await pageTexts(straddling(false));
      const where = MARKERS.map((marker) => pageOf(texts, marker));
      expect(new Set(where).size).toBeGreaterThan(1);
    });

    it('moves the whole block, with the closing sentence, to page 2 with keepTogether and keepWithNext', async () => {
      const texts = await pageTexts(straddling(true));
      expect(MARKERS.map((marker) => pageOf(texts, marker))).toEqual([2, 2, 2, 2, 2]);
    });
  });
});

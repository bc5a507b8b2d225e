/**
 * The PDF writer, checked on the real file it writes: read back with poppler (pdftotext,
 * pdffonts), its drawing operators inflated, its XMP parsed, and — when LibreOffice is installed —
 * its pagination compared with LibreOffice's rendering of the DOCX writer's file for the same model.
 *
 * Expected positions are worked out from the fixture's millimetres, never taken from the writer:
 * 1 mm = 72 / 25.4 pt ≈ 2.8346 pt; PDF points, origin at the page's top-left as poppler reports.
 * Tolerances: 0.5 pt where the DOCX rounds millimetres to twips (1 twip = 0.05 pt, so at most
 * 0.025 pt per value), 1.5 pt for centring (glyph side bearings).
 */
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Block, ColumnContent, DocumentModel, Run } from '../src/model/document.js';
import { writeDocx } from '../src/writers/docx/index.js';
import { checkGlyphCoverage } from '../src/compose/glyph-coverage.js';
import { MissingGlyphError } from '../src/fonts/errors.js';
import { readFontFamily } from '../src/node/font-files.js';
import { defaultFontFiles } from '../src/node/package-paths.js';
import { BoundedCache } from '../src/fonts/bounded-cache.js';
import { codePointAdvances } from '../src/writers/pdf/font-shaping.js';
import { writePdf, writePdfWithPlacements } from '../src/writers/pdf/index.js';
import { pdfFontFamily, type PdfFace } from '../src/writers/pdf/pdf-fonts.js';
import { shapeParagraph } from '../src/writers/pdf/paragraph-shaping.js';
import type { ParagraphSpec, RunSpec } from '../src/layout/spec.js';
import {
  BODY_LINE_PT,
  FOOTER_LEFT_MM,
  FOOTER_RIGHT_MM,
  HEADER_LEFT_MM,
  HEADER_RIGHT_MM,
  ISSUER,
  NUMBER,
  PAGE,
  PAGE_NUMBER,
  PARTY,
  PARTY_RULE_MM,
  PARTY_RULE_PT,
  PLACE_DATE,
  SIGN_SPACE_MM,
  SIGNER,
  SUPERIOR,
  modelText,
  run,
  sampleModelPdf,
} from './fixtures/sample-model-pdf.js';
import { convertWithLibreOffice } from './helpers/libreoffice.js';
import { contentStreams, pdfFonts, pdfPages, pdfText, xmpPacket, type PdfPage, type PdfWord } from './helpers/pdf-text.js';

const PT_PER_MM = 72 / 25.4;
const mm = (value: number) => value * PT_PER_MM;

// The page, from the fixture: A4 with margins 20/20/30/15 mm.
const PAGE_WIDTH = mm(PAGE.widthMm); // 595.276 pt
const PAGE_HEIGHT = mm(PAGE.heightMm); // 841.890 pt
const LEFT = mm(PAGE.margin.leftMm); // 85.039 pt
const RIGHT = mm(PAGE.widthMm - PAGE.margin.rightMm); // 195 mm = 552.756 pt
const TOP = mm(PAGE.margin.topMm); // 56.693 pt
const BOTTOM = mm(PAGE.heightMm - PAGE.margin.bottomMm); // 277 mm = 785.197 pt
const TWIPS_SLACK = 0.5;
const CENTRE_SLACK = 1.5;

// The header columns: 80 mm from the left margin, then 85 mm.
const LEFT_COLUMN_CENTRE = LEFT + mm(HEADER_LEFT_MM) / 2; // 85.039 + 113.386 = 198.425 pt
const RIGHT_COLUMN_START = LEFT + mm(HEADER_LEFT_MM); // 311.811 pt
const RIGHT_COLUMN_CENTRE = RIGHT_COLUMN_START + mm(HEADER_RIGHT_MM) / 2; // 311.811 + 120.472 = 432.283 pt
const TEXT_CENTRE = (LEFT + RIGHT) / 2; // 318.898 pt

const fonts = readFontFamily(defaultFontFiles());

let model: DocumentModel;
let pdf: Uint8Array;
let pages: PdfPage[];

beforeAll(async () => {
  model = sampleModelPdf();
  pdf = await writePdf(model, { fonts });
  pages = await pdfPages(pdf);
});

/** The words of a line of known text on a page: the first run of consecutive words spelling it. */
function findLine(page: PdfPage, text: string): PdfWord[] {
  const target = text.split(/\s+/);
  for (let start = 0; start + target.length <= page.words.length; start++) {
    const words = page.words.slice(start, start + target.length);
    if (words.every((word, index) => word.text === target[index])) return words;
  }
  throw new Error(`"${text}" not found on the page`);
}

const centreX = (words: PdfWord[]) => (Math.min(...words.map((w) => w.xMin)) + Math.max(...words.map((w) => w.xMax))) / 2;
const isPageNumber = (word: PdfWord) => /^\d+$/.test(word.text) && word.yMax < TOP;

describe('writePdf: the page and its text', () => {
  it('draws A4 pages, more than one for this model', () => {
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) {
      expect(page.width).toBeCloseTo(PAGE_WIDTH, 2);
      expect(page.height).toBeCloseTo(PAGE_HEIGHT, 2);
    }
  });

  it('contains every word of the input, composed (NFC), with no combining marks', () => {
    const expected = modelText(model).normalize('NFC').split(/\s+/).filter(Boolean);
    const found = new Map<string, number>();
    for (const word of pages.flatMap((page) => page.words)) {
      expect(word.text).toBe(word.text.normalize('NFC'));
      expect(word.text).not.toMatch(/\p{M}/u);
      found.set(word.text, (found.get(word.text) ?? 0) + 1);
    }
    const take = (word: string) => {
      const count = found.get(word) ?? 0;
      if (count > 0) found.set(word, count - 1);
      return count > 0;
    };
    // A line may end after the hyphen inside a word ("127-" / "KH/ĐU,"), as in LibreOffice.
    const parts = (word: string) => word.split(/(?<=[-–—])(?=.)/);
    const missing = expected.filter((word) => !take(word) && !(parts(word).length > 1 && parts(word).every(take)));
    expect(missing).toEqual([]);
  });

  it('keeps every word inside the margins (the page number sits in the top margin)', () => {
    for (const [index, page] of pages.entries()) {
      for (const word of page.words.filter((w) => !isPageNumber(w))) {
        const where = `page ${index + 1}, "${word.text}"`;
        expect(word.xMin, where).toBeGreaterThanOrEqual(LEFT - TWIPS_SLACK);
        expect(word.xMax, where).toBeLessThanOrEqual(RIGHT + TWIPS_SLACK);
        expect(word.yMin, where).toBeGreaterThanOrEqual(TOP - TWIPS_SLACK);
        expect(word.yMax, where).toBeLessThanOrEqual(BOTTOM + TWIPS_SLACK);
      }
    }
  });

  it('sets the lines of a paragraph exactly lineHeightPt apart', () => {
    const first = findLine(pages[0] as PdfPage, 'Ngày 29/10/2024,');
    const last = findLine(pages[0] as PdfPage, 'luận như sau:');
    const tops = [...new Set((pages[0] as PdfPage).words.filter((w) => w.yMin >= (first[0] as PdfWord).yMin - 0.01 && w.yMin <= (last[0] as PdfWord).yMin + 0.01).map((w) => w.yMin.toFixed(3)))].map(Number);
    expect(tops.length).toBeGreaterThanOrEqual(3);
    for (let index = 1; index < tops.length; index++) expect((tops[index] as number) - (tops[index - 1] as number)).toBeCloseTo(BODY_LINE_PT, 2);
  });
});

describe('writePdf: the header, the rule and the page numbers', () => {
  it('centres each header line in its column, in order from the top', () => {
    const page = pages[0] as PdfPage;
    const left = [SUPERIOR, ISSUER, '*', NUMBER].map((text) => findLine(page, text));
    const right = [PARTY, PLACE_DATE].map((text) => findLine(page, text));
    for (const words of left) expect(Math.abs(centreX(words) - LEFT_COLUMN_CENTRE)).toBeLessThanOrEqual(CENTRE_SLACK);
    for (const words of right) expect(Math.abs(centreX(words) - RIGHT_COLUMN_CENTRE)).toBeLessThanOrEqual(CENTRE_SLACK);
    const tops = (lines: PdfWord[][]) => lines.map((words) => (words[0] as PdfWord).yMin);
    expect(tops(left)).toEqual([...tops(left)].sort((a, b) => a - b));
    expect(tops(right)).toEqual([...tops(right)].sort((a, b) => a - b));
    // The first lines of both columns start level with the top margin.
    expect(Math.abs((left[0]?.[0] as PdfWord).yMin - (right[0]?.[0] as PdfWord).yMin)).toBeLessThan(2);
  });

  it('draws the Party rule: 60 mm long, centred in the right column, between the name and the date', () => {
    const segments = contentStreams(pdf).flatMap(strokedSegments);
    const expectedLength = mm(PARTY_RULE_MM); // 170.079 pt
    const rules = segments.filter((s) => Math.abs(s.x2 - s.x1 - expectedLength) < TWIPS_SLACK && s.y1 === s.y2);
    expect(rules).toHaveLength(1);
    const rule = rules[0] as Segment;
    expect(rule.width).toBeCloseTo(PARTY_RULE_PT, 3);
    expect(Math.abs((rule.x1 + rule.x2) / 2 - RIGHT_COLUMN_CENTRE)).toBeLessThanOrEqual(TWIPS_SLACK);
    const page = pages[0] as PdfPage;
    const partyBottom = Math.max(...findLine(page, PARTY).map((w) => w.yMax));
    const dateTop = Math.min(...findLine(page, PLACE_DATE).map((w) => w.yMin));
    expect(rule.y1).toBeGreaterThan(partyBottom);
    expect(rule.y1).toBeLessThan(dateTop);
  });

  it('numbers the pages from 2, centred, 10 mm from the top edge; page 1 has none', () => {
    expect((pages[0] as PdfPage).words.filter((w) => w.yMax < TOP)).toEqual([]);
    for (const [index, page] of pages.entries()) {
      if (index === 0) continue;
      const numbers = page.words.filter(isPageNumber);
      expect(numbers.map((w) => w.text)).toEqual([String(index + 1)]);
      const number = numbers[0] as PdfWord;
      expect(Math.abs(centreX([number]) - TEXT_CENTRE)).toBeLessThanOrEqual(CENTRE_SLACK);
      // The top of the digits: 10 mm = 28.35 pt, plus at most the font's line gap (0.6 pt at 14 pt).
      expect(number.yMin).toBeGreaterThanOrEqual(mm(PAGE_NUMBER.fromTopMm) - TWIPS_SLACK);
      expect(number.yMin).toBeLessThanOrEqual(mm(PAGE_NUMBER.fromTopMm) + 2);
    }
  });
});

describe('writePdfWithPlacements: where blocks landed', () => {
  it('gives the signature space its box: in the right footer column, between the position and the signer', async () => {
    const { pdf: placedPdf, placements } = await writePdfWithPlacements(sampleModelPdf(), { fonts });
    expect(Buffer.from(placedPdf).equals(Buffer.from(pdf))).toBe(true);
    const spaces = placements.filter((placed) => placed.role === 'sign-space');
    expect(spaces).toHaveLength(1);
    const space = spaces[0]!;
    expect(space.page).toBe(pages.length);
    expect(space.xPt).toBeCloseTo(LEFT + mm(FOOTER_LEFT_MM), 1);
    expect(space.widthPt).toBeCloseTo(mm(FOOTER_RIGHT_MM), 1);
    // whole twips, as the DOCX says it
    expect(space.heightPt).toBe(Math.round((SIGN_SPACE_MM / 25.4) * 1440) / 20);
    const page = pages[space.page - 1] as PdfPage;
    const above = findLine(page, 'BÍ THƯ');
    const below = findLine(page, SIGNER);
    expect(Math.max(...above.map((w) => w.yMax))).toBeLessThanOrEqual(space.yPt + TWIPS_SLACK);
    expect(Math.min(...below.map((w) => w.yMin))).toBeGreaterThanOrEqual(space.yPt + space.heightPt - TWIPS_SLACK);
  });

  it('gives a paragraph split over pages one box per page, each inside the text area', async () => {
    const { placements } = await writePdfWithPlacements(sampleModelPdf(), { fonts });
    for (const placed of placements) {
      expect(placed.yPt, placed.role).toBeGreaterThanOrEqual(TOP - TWIPS_SLACK);
      expect(placed.yPt + placed.heightPt, placed.role).toBeLessThanOrEqual(BOTTOM + TWIPS_SLACK);
      expect(placed.xPt + placed.widthPt, placed.role).toBeLessThanOrEqual(RIGHT + TWIPS_SLACK);
    }
    const bodyPages = new Set(placements.filter((placed) => placed.role === 'body').map((placed) => placed.page));
    expect(bodyPages.size).toBeGreaterThanOrEqual(2);
  });
});

describe('writePdf: the file', () => {
  it('embeds every font it uses', async () => {
    const fonts = await pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThanOrEqual(3); // regular, bold, italic
    for (const font of fonts) {
      expect(font.embedded, font.name).toBe(true);
      expect(font.toUnicode, font.name).toBe(true);
    }
  });

  it('draws a word that is only part of a shaped piece (cut at a line end, or by a no-break space) once, whole', async () => {
    const cut = sampleModelPdf();
    const template = cut.blocks.find((block) => block.kind === 'paragraph' && block.role === 'body');
    if (template?.kind !== 'paragraph') throw new Error('the sample model has a body paragraph');
    // longer than a line: both LibreOffice and the writer cut it where the line is full
    const long = 'Kếtluận'.repeat(20);
    const text = `Dự toán 10\u00A0000 triệu đồng cho ${long} và hết.`;
    cut.blocks.splice(cut.blocks.indexOf(template) + 1, 0, { ...structuredClone(template), runs: [run(text)] });
    const written = await writePdf(cut, { fonts });
    const extracted = (await pdfText(written)).replace(/\s+/g, '');
    // each part drawn once: the piece drawn whole for a part of it would repeat the word
    expect(extracted).toContain(text.replace(/\s+/g, ''));
    // and the long word was indeed cut over lines
    const pagesCut = await pdfPages(written);
    const lines = pagesCut.flatMap((page) => page.words).filter((word) => word.text.includes('Kếtluận'));
    expect(lines.length).toBeGreaterThan(1);
  });

  it('writes the same bytes for the same model', async () => {
    const again = await writePdf(sampleModelPdf(), { fonts });
    expect(Buffer.compare(Buffer.from(again), Buffer.from(pdf))).toBe(0);
  });

  it('carries the metadata, dated with the document', async () => {
    const xmp = xmpPacket(pdf);
    expect(xmp).toContain(model.metadata.title);
    expect(xmp).toContain('2024-10-29T00:00:00Z');
    expect(xmp).not.toContain('pdfaid');
  });

  it('writes PDF/A-2b with XMP metadata (pdfaid:part 2, conformance B) when asked', async () => {
    const archival = await writePdf(sampleModelPdf(), { fonts, pdfa: true });
    const xmp = xmpPacket(archival);
    expect(xmp).toBeDefined();
    const parsed: unknown = new XMLParser({ ignoreAttributes: false, processEntities: true }).parse(xmp as string);
    const descriptions = [field(parsed, 'x:xmpmeta', 'rdf:RDF', 'rdf:Description')].flat();
    const pdfaid = descriptions.find((description) => field(description, 'pdfaid:part') !== undefined);
    expect(field(pdfaid, 'pdfaid:part')).toBe(2);
    expect(field(pdfaid, 'pdfaid:conformance')).toBe('B');
    const dc = descriptions.find((description) => field(description, 'dc:title') !== undefined);
    expect(field(dc, 'dc:title', 'rdf:Alt', 'rdf:li', '#text')).toBe(model.metadata.title);
    const text = Buffer.from(archival).toString('latin1');
    expect(text).toContain('/OutputIntents');
    expect(text).toContain('/GTS_PDFA1');
    for (const font of await pdfFonts(archival)) expect(font.embedded).toBe(true);
  });
});

describe('checkGlyphCoverage: text the PDF cannot draw', () => {
  it('refuses a character the font lacks, naming it and the font file', () => {
    const broken = sampleModelPdf();
    const target = firstBodyParagraph(broken);
    target.runs = [...target.runs, run(' Ban Thường vụ 一 lần')];
    expect(() => checkGlyphCoverage(broken, fonts)).toThrow(MissingGlyphError);
    expect(() => checkGlyphCoverage(broken, fonts)).toThrow(/U\+4E00 "一"/);
    expect(() => checkGlyphCoverage(broken, fonts)).toThrow(/LiberationSerif-Regular\.ttf/);
  });

  it('checks each run against the face of its own style', () => {
    const broken = sampleModelPdf();
    firstBodyParagraph(broken).runs.push(run('😀', { bold: true }));
    expect(() => checkGlyphCoverage(broken, fonts)).toThrow(/U\+1F600 "😀"/);
    expect(() => checkGlyphCoverage(broken, fonts)).toThrow(/LiberationSerif-Bold\.ttf/);
  });
});

describe('writePdf against LibreOffice rendering the DOCX of the same model', () => {
  /**
   * Page by page, the text in reading order with white space removed: word boundaries are not
   * compared, since LibreOffice draws a tab as a gap with no character while the PDF writer draws
   * spaces there, and pdftotext splits words by both.
   */
  async function expectSamePages(document: DocumentModel, ours: PdfPage[]): Promise<void> {
    const reference = await pdfPages(await convertWithLibreOffice(await writeDocx(document)));
    expect(ours.length).toBe(reference.length);
    for (const [index, page] of ours.entries()) {
      const text = readingOrder(page).join('');
      const theirs = readingOrder(reference[index] as PdfPage).join('');
      expect(text.slice(0, 30), `start of page ${index + 1}`).toBe(theirs.slice(0, 30));
      expect(text.slice(-30), `end of page ${index + 1}`).toBe(theirs.slice(-30));
      expect(text, `text of page ${index + 1}`).toBe(theirs);
    }
  }

  it('has the same pages, each starting and ending with the same text', async () => {
    await expectSamePages(model, pages);
  });

  it('breaks lines and pages the same way where LibreOffice has its own rules', async () => {
    const tricky = trickyModel();
    await expectSamePages(tricky, await pdfPages(await writePdf(tricky, { fonts })));
  });
});

/**
 * A model that meets LibreOffice's less obvious rules: italic runs (LibreOffice keeps room for the
 * slant at the end of the line), bold runs inside words, breaks after hyphens and before an em dash,
 * a tab, identical rules in a row (their borders merge), more than 25 blocks (LibreOffice deals
 * blocks to pages 25 at a time and pulls a paragraph back only if two of its lines fit), a
 * keep-with-next chain, and a recipients list too long for one page, so that the closing block
 * moves to a page of its own and is then split across pages like a table row.
 */
function trickyModel(): DocumentModel {
  const document = sampleModelPdf();
  const body = firstBodyParagraph(document);
  const words = modelText(document).split(/\s+/).filter((word) => word.length > 1);
  const sentence = (start: number, count: number) => words.slice(start % words.length, (start % words.length) + count).join(' ');
  const blocks: Block[] = [];
  for (let index = 0; index < 34; index++) {
    const runs: Run[] = [
      run(`${index + 1}. `, { bold: true }),
      run(`${sentence(index * 7, 8 + (index % 5) * 6)} `),
      run(sentence(index * 11, 3 + (index % 4)), { italic: index % 3 === 0 }),
      run(` Kế hoạch số 127-KH/ĐU — nhiệm kỳ 2025-2027\tvà ${sentence(index * 5, index % 6)}.`),
    ];
    blocks.push({ ...body, runs, style: { ...body.style, keepWithNext: index % 9 === 8, spaceAfterPt: index % 4 === 0 ? 0 : 6 } });
    if (index % 11 === 5) {
      const rule = { kind: 'rule', role: 'rule', lengthMm: 40, thicknessPt: 0.5, spaceBeforePt: 2, spaceAfterPt: 2 } as const;
      blocks.push({ ...rule }, { ...rule });
    }
  }
  const header = document.blocks[0] as Block;
  const footer = document.blocks[document.blocks.length - 1] as Block;
  if (footer.kind !== 'columns') throw new Error('the fixture ends with its signature block');
  const recipients = footer.columns[0]?.blocks ?? [];
  const recipient = recipients[1] as Block & ColumnContent;
  for (let index = 0; index < 60; index++) {
    if (recipient.kind === 'paragraph') recipients.push({ ...recipient, runs: [run(`- Chi bộ số ${index + 1};`)] });
  }
  return { ...document, blocks: [header, ...blocks, footer] };
}

/** A value deep inside parsed XML, or undefined. */
function field(value: unknown, ...path: string[]): unknown {
  return path.reduce<unknown>((current, key) => (current !== null && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined), value);
}

/** Words top to bottom, then left to right, page numbers left out. */
function readingOrder(page: PdfPage): string[] {
  // Rows by the words' vertical centre: the two files' fonts declare different ascents.
  const words = page.words.filter((w) => !isPageNumber(w)).map((w) => ({ ...w, centre: (w.yMin + w.yMax) / 2 }));
  words.sort((a, b) => (Math.abs(a.centre - b.centre) < 3 ? a.xMin - b.xMin : a.centre - b.centre));
  return words.map((w) => w.text);
}

function firstBodyParagraph(document: DocumentModel) {
  const found = document.blocks.find((block) => block.kind === 'paragraph' && block.role === 'body');
  if (!found || found.kind !== 'paragraph') throw new Error('the fixture has no body paragraph');
  return found;
}

interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
}

/**
 * Straight segments stroked in a content stream: "x y m", "x y l", then "S", with the line width
 * last set by "w". pdfkit flips the y axis once per page, so y grows downwards as in poppler.
 */
function strokedSegments(stream: string): Segment[] {
  const segments: Segment[] = [];
  const operands: number[] = [];
  let width = 1;
  let start: [number, number] | undefined;
  let path: Segment[] = [];
  for (const token of stream.split(/\s+/)) {
    if (/^-?\d*\.?\d+$/.test(token)) {
      operands.push(Number(token));
      continue;
    }
    if (token === 'w') width = operands[operands.length - 1] ?? width;
    else if (token === 'm') start = [operands[operands.length - 2] ?? 0, operands[operands.length - 1] ?? 0];
    else if (token === 'l' && start) {
      const end: [number, number] = [operands[operands.length - 2] ?? 0, operands[operands.length - 1] ?? 0];
      path.push({ x1: start[0], y1: start[1], x2: end[0], y2: end[1], width });
      start = end;
    } else if (token === 'S') {
      segments.push(...path);
      path = [];
    } else if (token === 'n' || token === 'f' || token === 'BT') path = [];
    operands.length = 0;
  }
  return segments;
}

describe('measuring text word by word', () => {
  // The PDF writer shapes each word and each blank on its own, once per process (font-shaping.ts).
  // That must give every code point the advance it gets when fontkit shapes the whole run at once,
  // as LibreOffice shapes a run; the reference here is fontkit's own layout of the whole text.
  const family = pdfFontFamily(fonts);
  const wholeRunAdvances = (face: PdfFace, text: string): number[] => {
    const run = face.drawing.font.layout(text) as unknown as { glyphs: { codePoints: number[] }[]; positions: { xAdvance: number }[] };
    const length = [...text].length;
    const advances = new Array<number>(length).fill(0);
    let cursor = 0;
    run.glyphs.forEach((glyph, index) => {
      advances[Math.min(cursor, length - 1)]! += run.positions[index]!.xAdvance;
      cursor += glyph.codePoints.length;
    });
    return advances;
  };
  const tones = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
  const letters = [...'aăâeêioôơuưyAĂÂEÊIOÔƠUƯYđĐ'].flatMap((vowel) => tones.map((tone) => (vowel + tone).normalize('NFC'))).join(' ');
  const texts = [
    letters,
    letters.normalize('NFD'),
    modelText(sampleModelPdf()),
    'fi fl ffi  two  spaces\tand a tab, x\u0301 q\u0323 “quoted” – — … 15/11/2024 ',
    ' leading space',
    // a right-to-left word inside a left-to-right run: shaped alone, its glyphs come last first
    'Điều שלום khoản',
  ];

  it('keeps its caches bounded by the memory they take', () => {
    const cache = new BoundedCache<number>(100);
    cache.set('a', 1, 40);
    cache.set('b', 2, 40);
    expect([cache.get('a'), cache.get('b'), cache.size]).toEqual([1, 2, 80]);
    cache.set('c', 3, 30); // 110 bytes would be over: emptied first
    expect([cache.get('a'), cache.get('b'), cache.get('c'), cache.size]).toEqual([undefined, undefined, 3, 30]);
    cache.set('d', 4, 70); // exactly 100: still fits
    expect([cache.get('c'), cache.get('d')]).toEqual([3, 4]);
    cache.set('huge', 5, 101); // larger than the whole budget: never kept, nothing emptied
    expect([cache.get('huge'), cache.get('c'), cache.size]).toEqual([undefined, 3, 100]);
  });

  it('stays within its budget however many different words it meets', () => {
    const face = pdfFontFamily(fonts).faces.normal;
    for (let index = 0; index < 200_000; index++) codePointAdvances(face, `từ${index} số ${index * 7} chữ`);
    expect(face.words.size).toBeLessThanOrEqual(4_000_000);
    expect(face.words.size).toBeGreaterThan(0);
  });

  it('shares a character\'s unit between paragraphs only where its face, size, underline and advance are the same', () => {
    const spec = (runs: RunSpec[], sizeHalfPoints = 28): ParagraphSpec => ({
      kind: 'paragraph', content: 'text', role: 'body', spacing: { beforeTwips: 0, afterTwips: 0, lineTwips: 240 },
      indent: undefined, align: undefined, keepWithNext: false, keepLines: false, sizeHalfPoints, runs, boxTwips: 9000,
    });
    const run = (text: string, extra: Partial<RunSpec> = {}): RunSpec => ({ bold: false, italic: false, underline: false, breaks: 0, text, ...extra });
    const one = shapeParagraph(spec([run('office f')]), family).units;
    const again = shapeParagraph(spec([run('f office')]), family).units;
    // the same letter f in one size and style: one unit, whichever paragraph made it first
    expect(again[0]).toBe(one[7]);
    expect(again[0]!.advanceUnits).toBe(codePointAdvances(family.faces.normal, 'f')[0]);
    // within "office" the ligature, if the font has one, puts its advance on the first f: the
    // units then differ where the advances do, and never carry another context's advance
    const ligatureAdvances = codePointAdvances(family.faces.normal, 'office');
    one.slice(0, 6).forEach((unit, index) => expect(unit.advanceUnits).toBe(ligatureAdvances[index]));
    // another size, underline or face: another unit, with its own rounding to LibreOffice's pixels
    const larger = shapeParagraph(spec([run('f')], 30), family).units[0]!;
    const underlined = shapeParagraph(spec([run('f', { underline: true })]), family).units[0]!;
    const bold = shapeParagraph(spec([run('f', { bold: true })]), family).units[0]!;
    for (const other of [larger, underlined, bold]) expect(other).not.toBe(one[7]);
    expect(larger.advancePx).toBe(Math.round((one[7]!.advanceUnits * 15 * 120) / family.faces.normal.unitsPerEm));
    expect(underlined.style).toEqual({ face: 'normal', underline: true });
    expect(bold.style.face).toBe('bold');
    // a character beyond U+FFFF is one unit, as the code point it is
    expect(shapeParagraph(spec([run('a\u{1D400}b')]), family).units.map((unit) => unit.text)).toEqual(['a', '\u{1D400}', 'b']);
  });

  it.each(['normal', 'bold', 'italics', 'bolditalics'] as const)('gives the advances of the whole run: %s', (style) => {
    const face = family.faces[style];
    for (const text of texts) expect(codePointAdvances(face, text)).toEqual(wholeRunAdvances(face, text));
  });
});

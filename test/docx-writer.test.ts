/**
 * The DOCX writer, checked on the XML it really writes.
 *
 * Every expected number is worked out here from the fixture's millimetres and points
 * (1 in = 25.4 mm = 1440 twips, 1 pt = 20 twips = 2 half-points = 8 eighths), never read back
 * from the writer's own conversion code.
 */
import {
  BorderStyle,
  Document,
  Packer,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
  type FileChild,
  type IBorderOptions,
} from 'docx';
import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DocumentModel } from '../src/model/document.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeConclusion } from '../src/node/render.js';
import type { DocxDefaults } from '../src/writers/docx/defaults.js';
import { layoutDocument } from '../src/layout/index.js';
import { bodyXml } from '../src/writers/docx/body-xml.js';
import { docxDocument, docxLayout } from '../src/writers/docx/document.js';
import { writeDocx } from '../src/writers/docx/index.js';
import { toDocxParagraph } from '../src/writers/docx/paragraphs.js';
import { isTable, type BodySpec, type ParagraphSpec, type RunSpec, type TableSpec } from '../src/writers/docx/spec.js';
import { ISSUER_TEXT, PARTY_TEXT, sampleModel } from './fixtures/sample-model.js';
import { docxPart, zipEntries } from './helpers/docx-text.js';
import { canonicalXml } from './helpers/layout-snapshot.js';

// ---------------------------------------------------------------------------------------------
// A small element tree over fast-xml-parser's order-preserving output, so assertions can say
// "the paragraph after the table" and read attributes by their real names (w:val, w:w …).

interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
});

type OrderedNode = Record<string, unknown>;

/** Each element's parent, so a run can find its paragraph and any element its part's root. */
const parents = new WeakMap<El, El>();

function toElements(nodes: OrderedNode[]): El[] {
  const out: El[] = [];
  for (const node of nodes) {
    const name = Object.keys(node).find((key) => key !== ':@');
    if (name === undefined || name === '#text' || name.startsWith('?')) continue;
    const rawChildren = (node[name] as OrderedNode[]) ?? [];
    const el: El = {
      name,
      attrs: (node[':@'] as Record<string, string>) ?? {},
      children: toElements(rawChildren),
      text: rawChildren.map((child) => (typeof child['#text'] === 'string' ? child['#text'] : '')).join(''),
    };
    for (const c of el.children) parents.set(c, el);
    out.push(el);
  }
  return out;
}

function parseXml(xml: string): El {
  const root = toElements(parser.parse(xml) as OrderedNode[])[0];
  if (root === undefined) throw new Error('empty XML');
  return root;
}

function children(el: El, name: string): El[] {
  return el.children.filter((child) => child.name === name);
}

function child(el: El, name: string): El | undefined {
  return el.children.find((c) => c.name === name);
}

function req(el: El | undefined, what: string): El {
  if (el === undefined) throw new Error(`missing ${what}`);
  return el;
}

function descendants(el: El, name: string): El[] {
  const found: El[] = [];
  const walk = (node: El) => {
    for (const c of node.children) {
      if (c.name === name) found.push(c);
      walk(c);
    }
  };
  walk(el);
  return found;
}

/** The styles part of the package each document or header part came from, by the part's root. */
const stylesOfPart = new WeakMap<El, El>();

function rootOf(el: El): El {
  let at = el;
  for (let up = parents.get(at); up !== undefined; up = parents.get(at)) at = up;
  return at;
}

function stylesFor(el: El): El {
  return req(stylesOfPart.get(rootOf(el)), 'the styles of the part');
}

/** A paragraph's style and what it is based on, nearest first: its w:pStyle, else the default paragraph style. */
function styleChain(styles: El, paragraph: El): El[] {
  const all = children(styles, 'w:style');
  const byId = new Map(all.map((style) => [style.attrs['w:styleId'], style]));
  const defaultStyle = all.find((style) => style.attrs['w:type'] === 'paragraph' && ['1', 'true', 'on'].includes(style.attrs['w:default'] ?? ''));
  const chain: El[] = [];
  let id = directPPr(paragraph, 'w:pStyle')?.attrs['w:val'] ?? defaultStyle?.attrs['w:styleId'];
  while (id !== undefined && chain.length < 20) {
    const style = byId.get(id);
    if (style === undefined) break;
    chain.push(style);
    id = child(style, 'w:basedOn')?.attrs['w:val'];
  }
  return chain;
}

/** Elements whose attributes are separate properties, inherited one by one; any other element is inherited whole. */
const MERGED_BY_ATTRIBUTE = new Set(['w:spacing', 'w:ind', 'w:rFonts', 'w:lang']);

/** A property as it takes effect, from the outermost layer (document defaults) to the innermost (direct formatting). */
function resolve(layers: (El | undefined)[], name: string): El | undefined {
  const found = layers.flatMap((props) => (props ? [child(props, name)] : [])).filter((el): el is El => el !== undefined);
  const innermost = found[found.length - 1];
  if (innermost === undefined || !MERGED_BY_ATTRIBUTE.has(name)) return innermost;
  return { ...innermost, attrs: Object.assign({}, ...found.map((el) => el.attrs)) };
}

/**
 * A paragraph property as it takes effect: written on the paragraph, else on its style (or the
 * style that one is based on), else in the document defaults (w:pPrDefault).
 */
function pPr(paragraph: El, name: string): El | undefined {
  const styles = stylesFor(paragraph);
  const defaults = descendants(styles, 'w:pPrDefault')[0];
  const chain = styleChain(styles, paragraph).reverse();
  return resolve([defaults && child(defaults, 'w:pPr'), ...chain.map((style) => child(style, 'w:pPr')), child(paragraph, 'w:pPr')], name);
}

/**
 * A run property as it takes effect: written on the run, else on its paragraph's style chain,
 * else in the document defaults (w:rPrDefault).
 */
function rPr(run: El, name: string): El | undefined {
  const paragraph = req(parents.get(run), 'paragraph of the run');
  const styles = stylesFor(run);
  const defaults = descendants(styles, 'w:rPrDefault')[0];
  const chain = styleChain(styles, paragraph).reverse();
  return resolve([defaults && child(defaults, 'w:rPr'), ...chain.map((style) => child(style, 'w:rPr')), child(run, 'w:rPr')], name);
}

/** What a paragraph would get for a property if it did not write it itself. */
function inheritedPPr(paragraph: El, name: string): El | undefined {
  const styles = stylesFor(paragraph);
  const defaults = descendants(styles, 'w:pPrDefault')[0];
  return resolve([defaults && child(defaults, 'w:pPr'), ...styleChain(styles, paragraph).reverse().map((style) => child(style, 'w:pPr'))], name);
}

/** What a run would get for a property if it did not write it itself. */
function inheritedRPr(run: El, name: string): El | undefined {
  const styles = stylesFor(run);
  const defaults = descendants(styles, 'w:rPrDefault')[0];
  const chain = styleChain(styles, req(parents.get(run), 'paragraph of the run')).reverse();
  return resolve([defaults && child(defaults, 'w:rPr'), ...chain.map((style) => child(style, 'w:rPr'))], name);
}

/** A property written on the paragraph itself. */
function directPPr(paragraph: El, name: string): El | undefined {
  const props = child(paragraph, 'w:pPr');
  return props && child(props, name);
}

/** A property written on the run itself. */
function directRPr(run: El, name: string): El | undefined {
  const props = child(run, 'w:rPr');
  return props && child(props, name);
}

function paragraphText(paragraph: El): string {
  return descendants(paragraph, 'w:t')
    .map((t) => t.text)
    .join('');
}

/** On/off elements are on when present without w:val or with a true value. */
function isOn(el: El | undefined): boolean {
  if (el === undefined) return false;
  const val = el.attrs['w:val'];
  return val === undefined || val === 'true' || val === '1' || val === 'on';
}

function isExplicitlyOff(el: El | undefined): boolean {
  const val = el?.attrs['w:val'];
  return val === 'false' || val === '0' || val === 'off';
}

// ---------------------------------------------------------------------------------------------

interface Rendered {
  bytes: Uint8Array;
  zip: JSZip;
  document: El;
  body: El;
  styles: El;
  settings: El;
  core: El;
  rels: El;
  part(path: string): Promise<El>;
}

async function render(model: DocumentModel): Promise<Rendered> {
  const bytes = await writeDocx(model);
  const zip = await JSZip.loadAsync(bytes);
  const read = async (path: string) => {
    const file = zip.file(path);
    if (file === null) throw new Error(`no ${path} in the package`);
    return parseXml(await file.async('string'));
  };
  const styles = await read('word/styles.xml');
  const part = async (path: string) => {
    const root = await read(path);
    stylesOfPart.set(root, styles);
    return root;
  };
  const document = await part('word/document.xml');
  return {
    bytes,
    zip,
    document,
    body: req(child(document, 'w:body'), 'w:body'),
    styles,
    settings: await part('word/settings.xml'),
    core: await part('docProps/core.xml'),
    rels: await part('word/_rels/document.xml.rels'),
    part,
  };
}

function findParagraph(root: El, text: string): El {
  const found = descendants(root, 'w:p').find((p) => paragraphText(p) === text);
  if (found === undefined) throw new Error(`no paragraph reading ${JSON.stringify(text)}`);
  return found;
}

function runWithText(paragraph: El, text: string): El {
  const found = children(paragraph, 'w:r').find((r) => descendants(r, 'w:t').some((t) => t.text === text));
  if (found === undefined) throw new Error(`no run reading ${JSON.stringify(text)}`);
  return found;
}

function sectPr(r: Rendered): El {
  return req(child(r.body, 'w:sectPr'), 'w:sectPr');
}

async function headerPart(r: Rendered, type: 'default' | 'first'): Promise<El> {
  const ref = children(sectPr(r), 'w:headerReference').find((h) => h.attrs['w:type'] === type);
  const id = req(ref, `${type} header reference`).attrs['r:id'];
  const rel = children(r.rels, 'Relationship').find((x) => x.attrs.Id === id);
  return r.part(`word/${req(rel, `relationship ${id}`).attrs.Target}`);
}

const BODY_SENTENCE_WITH_BREAK_START = 'Thu ngân sách trên địa bàn đạt 92% kế hoạch năm';

// ---------------------------------------------------------------------------------------------

describe('writeDocx', () => {
  let r: Rendered;
  beforeAll(async () => {
    r = await render(sampleModel());
  });

  it('sets A4 page size and the margins in twips', () => {
    const pgSz = req(child(sectPr(r), 'w:pgSz'), 'w:pgSz');
    // 210 mm / 25.4 × 1440 = 11905.5 → 11906; 297 mm → 16837.8 → 16838
    expect(pgSz.attrs['w:w']).toBe('11906');
    expect(pgSz.attrs['w:h']).toBe('16838');
    expect(pgSz.attrs['w:orient']).toBe('portrait');
    const pgMar = req(child(sectPr(r), 'w:pgMar'), 'w:pgMar');
    // 20 mm → 1133.86 → 1134; 30 mm → 1700.79 → 1701; 15 mm → 850.39 → 850; header 10 mm → 566.93 → 567
    expect(pgMar.attrs['w:top']).toBe('1134');
    expect(pgMar.attrs['w:bottom']).toBe('1134');
    expect(pgMar.attrs['w:left']).toBe('1701');
    expect(pgMar.attrs['w:right']).toBe('850');
    expect(pgMar.attrs['w:header']).toBe('567');
  });

  it('puts the font family in every rFonts slot, the colour and the language on the document defaults', () => {
    const defaults = req(descendants(r.styles, 'w:rPrDefault')[0], 'w:rPrDefault');
    const fonts = req(descendants(defaults, 'w:rFonts')[0], 'default w:rFonts');
    for (const slot of ['w:ascii', 'w:hAnsi', 'w:cs', 'w:eastAsia']) expect(fonts.attrs[slot]).toBe('Times New Roman');
    expect(req(descendants(defaults, 'w:color')[0], 'default w:color').attrs['w:val']).toBe('000000');
    expect(req(descendants(defaults, 'w:lang')[0], 'default w:lang').attrs['w:val']).toBe('vi-VN');
  });

  it('gives every run the font, colour and its paragraph size', () => {
    const runs = descendants(r.body, 'w:r');
    expect(runs.length).toBeGreaterThan(20);
    for (const run of runs) {
      const fonts = req(rPr(run, 'w:rFonts'), 'run w:rFonts');
      for (const slot of ['w:ascii', 'w:hAnsi', 'w:cs', 'w:eastAsia']) expect(fonts.attrs[slot]).toBe('Times New Roman');
      expect(rPr(run, 'w:color')?.attrs['w:val']).toBe('000000');
    }
    // sizes are half-points: 14 pt → 28, 15 pt → 30, 16 pt → 32, 12 pt → 24
    const issuer = runWithText(findParagraph(r.body, ISSUER_TEXT), ISSUER_TEXT);
    expect(rPr(issuer, 'w:sz')?.attrs['w:val']).toBe('28');
    expect(rPr(issuer, 'w:szCs')?.attrs['w:val']).toBe('28');
    expect(isOn(rPr(issuer, 'w:b'))).toBe(true);
    const party = runWithText(findParagraph(r.body, PARTY_TEXT), PARTY_TEXT);
    expect(rPr(party, 'w:sz')?.attrs['w:val']).toBe('30');
    expect(isOn(rPr(party, 'w:b'))).toBe(true);
    const title = runWithText(findParagraph(r.body, 'KẾT LUẬN'), 'KẾT LUẬN');
    expect(rPr(title, 'w:sz')?.attrs['w:val']).toBe('32');
    const recipient = runWithText(findParagraph(r.body, '- Lưu VPĐU.'), '- Lưu VPĐU.');
    expect(rPr(recipient, 'w:sz')?.attrs['w:val']).toBe('24');
    expect(rPr(recipient, 'w:b')).toBeUndefined();
    const date = runWithText(findParagraph(r.body, 'Chợ Chu, ngày 29 tháng 10 năm 2024'), 'Chợ Chu, ngày 29 tháng 10 năm 2024');
    expect(isOn(rPr(date, 'w:i'))).toBe(true);
    const label = runWithText(findParagraph(r.body, 'Nơi nhận:'), 'Nơi nhận:');
    expect(rPr(label, 'w:u')?.attrs['w:val']).toBe('single');
    expect(rPr(label, 'w:b')).toBeUndefined();
  });

  it('writes body paragraphs justified with exact line spacing, spacing and first-line indent', () => {
    const body = descendants(r.body, 'w:p').find((p) => paragraphText(p).startsWith('Ngày 28/10/2024'));
    const paragraph = req(body, 'first body paragraph');
    expect(pPr(paragraph, 'w:jc')?.attrs['w:val']).toBe('both');
    const spacing = req(pPr(paragraph, 'w:spacing'), 'w:spacing');
    // 17 pt × 20 = 340 twips, exact; 6 pt after × 20 = 120
    expect(spacing.attrs['w:line']).toBe('340');
    expect(spacing.attrs['w:lineRule']).toBe('exact');
    expect(spacing.attrs['w:before']).toBe('0');
    expect(spacing.attrs['w:after']).toBe('120');
    // 12.7 mm = 0.5 in = 720 twips
    const ind = req(pPr(paragraph, 'w:ind'), 'w:ind');
    expect(ind.attrs['w:firstLine']).toBe('720');
    expect(ind.attrs['w:left']).toBe('0');

    const party = findParagraph(r.body, PARTY_TEXT);
    // 18 pt × 20 = 360
    expect(pPr(party, 'w:spacing')?.attrs['w:line']).toBe('360');
    expect(pPr(party, 'w:spacing')?.attrs['w:lineRule']).toBe('exact');
    expect(pPr(party, 'w:jc')?.attrs['w:val']).toBe('center');
    // the title's 6 pt before × 20 = 120
    expect(pPr(findParagraph(r.body, 'KẾT LUẬN'), 'w:spacing')?.attrs['w:before']).toBe('120');
  });

  it('switches widow control off explicitly for every paragraph, body, cells and headers', async () => {
    const paragraphs = descendants(r.body, 'w:p');
    expect(paragraphs.length).toBeGreaterThan(30);
    for (const p of paragraphs) expect(isExplicitlyOff(pPr(p, 'w:widowControl'))).toBe(true);
    for (const type of ['default', 'first'] as const) {
      for (const p of descendants(await headerPart(r, type), 'w:p')) expect(isExplicitlyOff(pPr(p, 'w:widowControl'))).toBe(true);
    }
  });

  it('writes a LineBreak as <w:br/> between the texts of one paragraph, and bold runs inside a sentence', () => {
    const paragraph = req(
      descendants(r.body, 'w:p').find((p) => paragraphText(p).startsWith(BODY_SENTENCE_WITH_BREAK_START)),
      'paragraph with a line break',
    );
    // the break may share a run with a text (a run holds a sequence of w:t and w:br)
    const sequence = children(paragraph, 'w:r').flatMap((run) =>
      run.children.filter((c) => c.name === 'w:br' || c.name === 'w:t').map((c) => (c.name === 'w:br' ? 'br' : 't')),
    );
    expect(sequence).toEqual(['t', 'br', 't']);

    const point = req(
      descendants(r.body, 'w:p').find((p) => paragraphText(p).startsWith('1. Tiếp tục')),
      'point 1',
    );
    expect(isOn(rPr(runWithText(point, '1. '), 'w:b'))).toBe(true);
    expect(isOn(rPr(runWithText(point, '(xong trước ngày 15/11/2024)'), 'w:b'))).toBe(true);
    expect(rPr(runWithText(point, '.'), 'w:b')).toBeUndefined();
  });

  it('maps keepLines, a left indent and a rule standing in the text area', async () => {
    const model = sampleModel();
    const closing = model.blocks[model.blocks.length - 2];
    if (closing?.kind !== 'paragraph') throw new Error('fixture changed shape');
    closing.style.keepLines = true;
    closing.style.leftIndentMm = 5;
    model.blocks.splice(4, 0, { kind: 'rule', role: 'title-rule', lengthMm: 30, thicknessPt: 0.5, spaceBeforePt: 0, spaceAfterPt: 3 });
    const other = await render(model);

    const paragraph = findParagraph(
      other.body,
      'Trên đây là Kết luận của Ban Thường vụ Đảng ủy, yêu cầu các chi bộ, cơ quan, đoàn thể nghiêm túc triển khai thực hiện./.',
    );
    expect(isOn(pPr(paragraph, 'w:keepLines'))).toBe(true);
    // 5 mm / 25.4 × 1440 = 283.46 → 283
    expect(pPr(paragraph, 'w:ind')?.attrs['w:left']).toBe('283');

    const rule = req(
      children(other.body, 'w:p').find((p) => pPr(p, 'w:pBdr') !== undefined),
      'rule in the text area',
    );
    // 0.5 pt × 8 = 4 eighths
    expect(child(req(pPr(rule, 'w:pBdr'), 'w:pBdr'), 'w:top')?.attrs['w:sz']).toBe('4');
    // the text area is what the section says it is: page 11906 − left 1701 − right 850 = 9355 twips
    // (not 165 mm rounded on its own, 9354); rule 30 mm → 1700.8 → 1701; 9355 − 1701 = 7654 = 3827 × 2
    const ind = req(pPr(rule, 'w:ind'), 'w:ind');
    expect(Number(ind.attrs['w:left']) + Number(ind.attrs['w:right'])).toBe(7654);
    expect(Math.abs(Number(ind.attrs['w:left']) - Number(ind.attrs['w:right']))).toBeLessThanOrEqual(1);
    // 3 pt after × 20 = 60
    expect(pPr(rule, 'w:spacing')?.attrs['w:after']).toBe('60');
  });

  it('says font and colour only in the document defaults, and nothing a paragraph or run would inherit anyway', async () => {
    const parts = [r.body, await headerPart(r, 'default'), await headerPart(r, 'first')];
    const runs = parts.flatMap((part) => descendants(part, 'w:r'));
    for (const run of runs) {
      expect(directRPr(run, 'w:rFonts')).toBeUndefined();
      expect(directRPr(run, 'w:color')).toBeUndefined();
      const size = directRPr(run, 'w:sz');
      if (size) expect(size.attrs['w:val']).not.toBe(inheritedRPr(run, 'w:sz')?.attrs['w:val']);
    }
    // the most common size (14 pt, 28 half-points) is the default, so most runs say none
    expect(runs.filter((run) => directRPr(run, 'w:sz') === undefined).length).toBeGreaterThan(runs.length / 2);
    for (const paragraph of parts.flatMap((part) => descendants(part, 'w:p'))) {
      for (const name of ['w:spacing', 'w:ind', 'w:jc', 'w:widowControl']) {
        const direct = directPPr(paragraph, name);
        if (direct) expect(direct.attrs, name).not.toEqual(inheritedPPr(paragraph, name)?.attrs);
      }
      const mark = directPPr(paragraph, 'w:rPr');
      if (mark) for (const name of ['w:rFonts', 'w:color']) expect(child(mark, name), name).toBeUndefined();
    }
  });

  it('turns hyphenation off and does not stretch lines ending in a manual break', () => {
    expect(isExplicitlyOff(child(r.settings, 'w:autoHyphenation'))).toBe(true);
    const compat = req(child(r.settings, 'w:compat'), 'w:compat');
    expect(isOn(child(compat, 'w:doNotExpandShiftReturn'))).toBe(true);
  });

  describe('columns blocks', () => {
    const tables = () => children(r.body, 'w:tbl');
    // 80 mm → 4535.4 → 4535; 85 mm → 4818.9 → 4819; the table is their sum, 9354
    const COLUMN_TWIPS = ['4535', '4819'];

    it('become borderless fixed tables with explicit DXA widths and zero cell margins', () => {
      expect(tables()).toHaveLength(2);
      for (const table of tables()) {
        const tblPr = req(child(table, 'w:tblPr'), 'w:tblPr');
        expect(child(tblPr, 'w:tblW')?.attrs).toMatchObject({ 'w:w': '9354', 'w:type': 'dxa' });
        expect(child(tblPr, 'w:tblLayout')?.attrs['w:type']).toBe('fixed');
        const borders = req(child(tblPr, 'w:tblBorders'), 'w:tblBorders');
        const sides = borders.children.map((b) => b.name).sort();
        expect(sides).toEqual(['w:bottom', 'w:insideH', 'w:insideV', 'w:left', 'w:right', 'w:top']);
        for (const side of borders.children) expect(side.attrs['w:val']).toBe('none');
        const margins = req(child(tblPr, 'w:tblCellMar'), 'w:tblCellMar');
        expect(margins.children).toHaveLength(4);
        for (const side of margins.children) expect(side.attrs['w:w']).toBe('0');

        const grid = children(req(child(table, 'w:tblGrid'), 'w:tblGrid'), 'w:gridCol').map((c) => c.attrs['w:w']);
        expect(grid).toEqual(COLUMN_TWIPS);

        const cells = descendants(table, 'w:tc');
        expect(cells).toHaveLength(2);
        cells.forEach((cell, index) => {
          const tcPr = req(child(cell, 'w:tcPr'), 'w:tcPr');
          expect(child(tcPr, 'w:tcW')?.attrs).toMatchObject({ 'w:w': COLUMN_TWIPS[index], 'w:type': 'dxa' });
          for (const side of req(child(tcPr, 'w:tcBorders'), 'w:tcBorders').children) expect(side.attrs['w:val']).toBe('none');
          for (const side of req(child(tcPr, 'w:tcMar'), 'w:tcMar').children) expect(side.attrs['w:w']).toBe('0');
        });
      }
    });

    it('keep the signature block together: cantSplit, keepNext on all but the last paragraph of each cell', () => {
      const [header, footer] = tables();
      const footerRow = req(child(req(footer, 'footer table'), 'w:tr'), 'footer row');
      expect(isOn(child(req(child(footerRow, 'w:trPr'), 'w:trPr'), 'w:cantSplit'))).toBe(true);
      for (const cell of children(footerRow, 'w:tc')) {
        const paragraphs = children(cell, 'w:p');
        expect(paragraphs.length).toBeGreaterThan(2);
        paragraphs.forEach((p, index) => {
          expect(isOn(pPr(p, 'w:keepNext'))).toBe(index < paragraphs.length - 1);
        });
      }
      // the header table may split and ties nothing together
      const headerRow = req(child(req(header, 'header table'), 'w:tr'), 'header row');
      expect(isOn(descendants(headerRow, 'w:cantSplit')[0])).toBe(false);
      for (const p of descendants(headerRow, 'w:p')) expect(isOn(pPr(p, 'w:keepNext'))).toBe(false);
    });

    it('write spaceBefore/After as exact-height empty paragraphs outside the table', () => {
      const flow = r.body.children.filter((c) => c.name === 'w:p' || c.name === 'w:tbl');
      const [headerIndex, footerIndex] = flow.flatMap((c, i) => (c.name === 'w:tbl' ? [i] : []));

      // header: spaceBefore 0 → nothing before; spaceAfter 12 pt × 20 = 240 twips after
      expect(headerIndex).toBe(0);
      const afterHeader = req(flow[(headerIndex ?? 0) + 1], 'paragraph after the header');
      expect(pPr(afterHeader, 'w:spacing')?.attrs).toMatchObject({ 'w:line': '240', 'w:lineRule': 'exact' });
      expect(descendants(afterHeader, 'w:r')).toHaveLength(0);

      // footer: 12 pt gap before, kept with the table; the closing sentence keeps with the gap
      const gap = req(flow[(footerIndex ?? 0) - 1], 'gap before the footer');
      expect(pPr(gap, 'w:spacing')?.attrs).toMatchObject({ 'w:line': '240', 'w:lineRule': 'exact' });
      expect(isOn(pPr(gap, 'w:keepNext'))).toBe(true);
      const closing = req(flow[(footerIndex ?? 0) - 2], 'closing sentence');
      expect(paragraphText(closing)).toMatch(/triển khai thực hiện\.\/\.$/);
      expect(isOn(pPr(closing, 'w:keepNext'))).toBe(true);

      // spaceAfter 0 still ends the body with a paragraph (Word needs one after a table), 1 twip tall
      const last = req(flow[flow.length - 1], 'last paragraph');
      expect(flow.length - 1).toBe((footerIndex ?? 0) + 1);
      expect(pPr(last, 'w:spacing')?.attrs).toMatchObject({ 'w:line': '1', 'w:lineRule': 'exact' });
    });

    it('draw the rule as a top border exactly lengthMm long, centred by the indents', () => {
      const rightCell = req(descendants(tables()[0] ?? r.body, 'w:tc')[1], 'header right cell');
      const rule = req(
        children(rightCell, 'w:p').find((p) => pPr(p, 'w:pBdr') !== undefined),
        'rule paragraph',
      );
      const top = req(child(req(pPr(rule, 'w:pBdr'), 'w:pBdr'), 'w:top'), 'top border');
      // 0.75 pt × 8 = 6 eighths of a point
      expect(top.attrs).toMatchObject({ 'w:val': 'single', 'w:sz': '6', 'w:color': '000000', 'w:space': '0' });
      const ind = req(pPr(rule, 'w:ind'), 'w:ind');
      const left = Number(ind.attrs['w:left']);
      const right = Number(ind.attrs['w:right']);
      // column 85 mm = 4819 twips; rule 72.72 mm / 25.4 × 1440 = 4122.7 → 4123; 4819 − 4123 = 696 = 348 + 348
      expect(left + right).toBe(696);
      expect(Math.abs(left - right)).toBeLessThanOrEqual(1);
      const spacing = req(pPr(rule, 'w:spacing'), 'w:spacing');
      // 1 pt before = 20, 5 pt after = 100, a hairline exact line
      expect(spacing.attrs).toMatchObject({ 'w:before': '20', 'w:after': '100', 'w:lineRule': 'exact' });
      expect(Number(spacing.attrs['w:line'])).toBeLessThanOrEqual(20);
      expect(descendants(rule, 'w:r')).toHaveLength(0);
      // it sits between the Party name and the date
      const texts = children(rightCell, 'w:p').map((p) => (p === rule ? 'RULE' : paragraphText(p)));
      expect(texts).toEqual([PARTY_TEXT, 'RULE', 'Chợ Chu, ngày 29 tháng 10 năm 2024']);
    });

    it('write the signature spacer as an empty paragraph exactly heightMm tall', () => {
      const rightCell = req(descendants(tables()[1] ?? r.body, 'w:tc')[1], 'signature cell');
      const paragraphs = children(rightCell, 'w:p');
      expect(paragraphs.map(paragraphText)).toEqual(['T/M BAN THƯỜNG VỤ', 'BÍ THƯ', '', 'Ma Đình Dũng']);
      const spacer = req(paragraphs[2], 'spacer');
      // 28 mm / 25.4 × 1440 = 1587.4 → 1587
      expect(pPr(spacer, 'w:spacing')?.attrs).toMatchObject({ 'w:line': '1587', 'w:lineRule': 'exact', 'w:before': '0', 'w:after': '0' });
    });
  });

  describe('page numbers', () => {
    it('put a centred PAGE field in the default header and an empty first-page header with titlePg', async () => {
      expect(isOn(child(sectPr(r), 'w:titlePg'))).toBe(true);
      const numbered = await headerPart(r, 'default');
      const paragraph = req(descendants(numbered, 'w:p')[0], 'header paragraph');
      expect(pPr(paragraph, 'w:jc')?.attrs['w:val']).toBe('center');
      const fieldChars = descendants(paragraph, 'w:fldChar').map((f) => f.attrs['w:fldCharType']);
      expect(fieldChars[0]).toBe('begin');
      expect(fieldChars[fieldChars.length - 1]).toBe('end');
      const instruction = descendants(paragraph, 'w:instrText').map((i) => i.text.trim());
      expect(instruction).toEqual(['PAGE']);
      // 14 pt → 28 half-points, on the field's runs
      for (const run of children(paragraph, 'w:r')) expect(rPr(run, 'w:sz')?.attrs['w:val']).toBe('28');

      const first = await headerPart(r, 'first');
      expect(descendants(first, 'w:r')).toHaveLength(0);
      expect(descendants(first, 'w:instrText')).toHaveLength(0);
    });

    it('number page 1 too when onFirstPage is true', async () => {
      const model = sampleModel();
      model.pageNumbers = { sizePt: 13, onFirstPage: true, fromTopMm: 12, align: 'right' };
      const other = await render(model);
      expect(isOn(child(sectPr(other), 'w:titlePg'))).toBe(false);
      const refs = children(sectPr(other), 'w:headerReference').map((h) => h.attrs['w:type']);
      expect(refs).toEqual(['default']);
      const paragraph = req(descendants(await headerPart(other, 'default'), 'w:p')[0], 'header paragraph');
      expect(pPr(paragraph, 'w:jc')?.attrs['w:val']).toBe('right');
      // 13 pt → 26 half-points; 12 mm / 25.4 × 1440 = 680.3 → 680
      expect(rPr(req(children(paragraph, 'w:r')[0], 'field run'), 'w:sz')?.attrs['w:val']).toBe('26');
      expect(child(sectPr(other), 'w:pgMar')?.attrs['w:header']).toBe('680');
    });

    it('write no header at all when the model has no page numbers', async () => {
      const model = sampleModel();
      model.pageNumbers = null;
      const other = await render(model);
      expect(children(sectPr(other), 'w:headerReference')).toHaveLength(0);
      expect(isOn(child(sectPr(other), 'w:titlePg'))).toBe(false);
    });
  });

  it('writes the metadata into core.xml with the document date as both timestamps', () => {
    const text = (name: string) => child(r.core, name)?.text;
    expect(text('dc:title')).toBe('Kết luận của Ban Thường vụ Đảng ủy tại Hội nghị thường kỳ tháng 11/2024');
    expect(text('dc:creator')).toBe('Đảng ủy thị trấn Chợ Chu');
    expect(text('dc:subject')).toBe('Kết luận');
    expect(text('cp:keywords')).toBe('kết luận, Ban Thường vụ');
    expect(text('dc:language')).toBe('vi-VN');
    // the fixture's date is 29 October 2024, midnight UTC
    expect(text('dcterms:created')).toBe('2024-10-29T00:00:00Z');
    expect(text('dcterms:modified')).toBe('2024-10-29T00:00:00Z');
  });

  describe('determinism', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('stamps every zip entry with the document date', () => {
      const names = Object.keys(r.zip.files);
      expect(names.length).toBeGreaterThan(10);
      for (const name of names) expect(r.zip.files[name]?.date.toISOString()).toBe('2024-10-29T00:00:00.000Z');
      expect(names).toContain('[Content_Types].xml');
    });

    it('gives byte-identical output for the same model rendered at different times', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2031-03-04T05:06:07.890Z'));
      const first = await writeDocx(sampleModel());
      vi.setSystemTime(new Date('2037-08-09T10:11:12.345Z'));
      const second = await writeDocx(sampleModel());
      vi.useRealTimers();
      const third = await writeDocx(sampleModel());
      expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
      expect(Buffer.from(first).equals(Buffer.from(third))).toBe(true);
      expect(Buffer.from(first).equals(Buffer.from(r.bytes))).toBe(true);
    });

    it('changes only with the model', async () => {
      const model = sampleModel();
      model.metadata.date = new Date(Date.UTC(2025, 0, 2));
      const other = await render(model);
      expect(child(other.core, 'dcterms:created')?.text).toBe('2025-01-02T00:00:00Z');
      expect(Buffer.from(other.bytes).equals(Buffer.from(r.bytes))).toBe(false);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// The body's XML is written directly from the specs (src/writers/docx/body-xml.ts), not through
// docx's Paragraph/TextRun/Table objects. It must mean what docx writes with those public
// classes for the same specs: the same elements, attributes and text in the same order, however
// either spells the XML (compared in canonical form).

const NO_BORDER: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };
const NO_MARGINS = { top: 0, bottom: 0, left: 0, right: 0, marginUnitType: WidthType.DXA };

/** A TableSpec the way docx's public classes build it: the reference for body-xml.ts's tables. */
function docxTable(spec: TableSpec, defaults: DocxDefaults): Table {
  const total = spec.widths.reduce((sum, width) => sum + width, 0);
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: total, type: WidthType.DXA },
    indent: { size: 0, type: WidthType.DXA },
    columnWidths: spec.widths,
    margins: NO_MARGINS,
    borders: {
      top: NO_BORDER,
      bottom: NO_BORDER,
      left: NO_BORDER,
      right: NO_BORDER,
      insideHorizontal: NO_BORDER,
      insideVertical: NO_BORDER,
    },
    rows: [
      new TableRow({
        ...(spec.cantSplit ? { cantSplit: true } : {}),
        children: spec.cells.map(
          (paragraphs, index) =>
            new TableCell({
              width: { size: spec.widths[index] ?? 0, type: WidthType.DXA },
              margins: NO_MARGINS,
              borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER },
              verticalAlign: VerticalAlignTable.TOP,
              children: paragraphs.map((paragraph) => toDocxParagraph(paragraph, defaults)),
            }),
        ),
      }),
    ],
  });
}

/** word/document.xml of a bare document with these body children, as docx writes it. */
async function documentXmlOf(children: FileChild[]): Promise<string> {
  return docxPart(await Packer.pack(new Document({ sections: [{ children }] }), 'uint8array'));
}

/** What stands in w:body before the section properties (which docx always writes last), in canonical form. */
function bodyOf(documentXml: string): string {
  const start = documentXml.indexOf('<w:body>') + '<w:body>'.length;
  return canonicalBody(documentXml.slice(start, documentXml.lastIndexOf('<w:sectPr')));
}

const canonicalBody = (xml: string) => canonicalXml(`<w:body>${xml}</w:body>`);

// whole numbers: the layout gives every length in whole units
const twips = fc.integer({ min: 0, max: 3000 });
const spacingArb = fc.record({ before: twips, after: twips, line: fc.integer({ min: 1, max: 3000 }), lineRule: fc.constantFrom('exact' as const, 'auto' as const) });
const indentArb = fc.record({ left: twips, right: twips, firstLine: twips });
const alignmentArb = fc.constantFrom('left' as const, 'center' as const, 'right' as const, 'both' as const);
const textArb = fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 8 }), fc.constantFrom('CURRENT', 'a & b <c> "d" \'e\'', 'Đảng ủy thị trấn', '  spaced  ', ''));
const runArb: fc.Arbitrary<RunSpec> = fc.record({
  bold: fc.boolean(),
  italic: fc.boolean(),
  underline: fc.boolean(),
  breaks: fc.integer({ min: 0, max: 2 }),
  text: fc.option(textArb, { nil: undefined }),
});
const defaultsArb: fc.Arbitrary<DocxDefaults> = fc.record({
  halfPoints: fc.constantFrom(24, 28),
  spacing: spacingArb,
  indent: indentArb,
  alignment: alignmentArb,
});
/** A paragraph that often shares a property group with the defaults, so both branches are taken. */
const paragraphArb = (defaults: DocxDefaults): fc.Arbitrary<ParagraphSpec> =>
  fc.record({
    spacing: fc.oneof(fc.constant(defaults.spacing), spacingArb),
    indent: fc.oneof(fc.constant(defaults.indent), indentArb, fc.constant(undefined)),
    alignment: fc.oneof(fc.constant(defaults.alignment), alignmentArb, fc.constant(undefined)),
    border: fc.option(fc.record({ size: fc.integer({ min: 2, max: 96 }), color: fc.constantFrom('000000', '1F4D78', 'c00000') }), { nil: undefined }),
    keepNext: fc.boolean(),
    keepLines: fc.boolean(),
    halfPoints: fc.oneof(fc.constant(defaults.halfPoints), fc.integer({ min: 2, max: 96 })),
    runs: fc.array(runArb, { maxLength: 4 }),
  });

describe('the body XML writeDocx writes itself', () => {
  it('means what docx writes for the same paragraphs', async () => {
    await fc.assert(
      fc.asyncProperty(
        defaultsArb.chain((defaults) => fc.tuple(fc.constant(defaults), fc.array(paragraphArb(defaults), { minLength: 1, maxLength: 4 }))),
        async ([defaults, paragraphs]) => {
          const reference = await documentXmlOf(paragraphs.map((p) => toDocxParagraph(p, defaults)));
          expect(canonicalBody(bodyXml(paragraphs, defaults))).toBe(bodyOf(reference));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('means what docx writes for the same tables', async () => {
    const tableArb = (defaults: DocxDefaults): fc.Arbitrary<TableSpec> =>
      fc.array(fc.integer({ min: 200, max: 6000 }), { minLength: 1, maxLength: 3 }).chain((widths) =>
        fc.record({
          kind: fc.constant('table' as const),
          widths: fc.constant(widths),
          cantSplit: fc.boolean(),
          cells: fc.tuple(...widths.map(() => fc.array(paragraphArb(defaults), { minLength: 1, maxLength: 3 }))),
        }),
      );
    await fc.assert(
      fc.asyncProperty(
        defaultsArb.chain((defaults) => fc.tuple(fc.constant(defaults), tableArb(defaults))),
        async ([defaults, table]) => {
          // a table is followed by a paragraph, as in the writer's output
          const after = { spacing: defaults.spacing, indent: undefined, alignment: undefined, keepNext: false, keepLines: false, halfPoints: 2, runs: [] };
          const reference = await documentXmlOf([docxTable(table, defaults), toDocxParagraph(after, defaults)]);
          expect(canonicalBody(bodyXml([table, after], defaults))).toBe(bodyOf(reference));
        },
      ),
      { numRuns: 40 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// writeDocx has docx write a reference package once per layout, and puts the body and the core
// properties into it itself (src/writers/docx/package-frame.ts). The package must be what docx
// writes for the whole document with its own Paragraph and Table objects: every part the same,
// the document part the same in meaning.

/** The body as docx's own objects, the reference for everything the writer prepares itself. */
function docxNativeBody(body: BodySpec[], defaults: DocxDefaults): FileChild[] {
  return body.map((spec) => (isTable(spec) ? docxTable(spec, defaults) : toDocxParagraph(spec, defaults)));
}

function exampleModel(): DocumentModel {
  const input = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'examples', 'cho-chu-2024-11.json'), 'utf8'));
  return composeConclusion(input).model;
}

const layoutVariants: [string, () => DocumentModel][] = [
  ['the sample', sampleModel],
  ['the example', exampleModel],
  ['no page numbers', () => ({ ...sampleModel(), pageNumbers: null })],
  ['page numbers on page 1 too, at the right', () => ({ ...sampleModel(), pageNumbers: { sizePt: 13, onFirstPage: true, fromTopMm: 12, align: 'right' } })],
  ['landscape A5, another font', () => ({ ...sampleModel(), page: { widthMm: 210, heightMm: 148, margin: { topMm: 15, bottomMm: 15, leftMm: 25, rightMm: 15 } }, font: { family: 'Liberation Serif', color: '1F4D78' } })],
  ['an empty body', () => ({ ...sampleModel(), blocks: [] })],
];

/** The package docx writes for the whole document, body included, with its own objects. */
async function referenceParts(model: DocumentModel): Promise<Map<string, string>> {
  const { layout, body } = docxLayout(layoutDocument(model));
  return zipEntries(await Packer.pack(docxDocument(layout, docxNativeBody(body, layout.defaults)), 'uint8array'));
}

function expectSameParts(ours: Map<string, string>, reference: Map<string, string>): void {
  for (const [path, xml] of reference) {
    // core.xml is always the writer's own, with the document's date (tested above)
    if (path === 'word/document.xml') expect(canonicalXml(ours.get(path) ?? ''), path).toBe(canonicalXml(xml));
    else if (path !== 'docProps/core.xml') expect(ours.get(path), path).toBe(xml);
  }
}

describe('the package writeDocx assembles', () => {
  it.each(layoutVariants)('is, part for part, what docx writes for the whole document: %s', async (_name, makeModel) => {
    const model = makeModel();
    const ours = await zipEntries(await writeDocx(model));
    expect([...ours.keys()]).toEqual([...(await referenceParts(model)).keys()]);
    expectSameParts(ours, await referenceParts(model));
  });

  it('gives each layout its own parts, however documents of several layouts follow one another', async () => {
    // layouts no other test uses, more than the writer keeps: frames are built, dropped and built again
    const leftMm = (i: number) => 21.25 + i;
    const fresh = Array.from({ length: 12 }, (_, i) => {
      const model = sampleModel();
      return { ...model, page: { ...model.page, margin: { ...model.page.margin, leftMm: leftMm(i) } } };
    });
    const models = [...fresh, ...layoutVariants.map(([, makeModel]) => makeModel())];
    const alone: Buffer[] = [];
    for (const model of models) alone.push(Buffer.from(await writeDocx(model)));
    const together = await Promise.all([...models, ...[...models].reverse()].map((model) => writeDocx(model)));
    for (const [i, bytes] of alone.entries()) {
      expect(Buffer.from(together[i]!).equals(bytes), `document ${i}`).toBe(true);
      expect(Buffer.from(together[2 * models.length - 1 - i]!).equals(bytes), `document ${i}, again`).toBe(true);
    }
    for (const [i, model] of fresh.entries()) {
      const pgMar = req(child(req(child((await render(model)).body, 'w:sectPr'), 'w:sectPr'), 'w:pgMar'), 'w:pgMar');
      // the left margin in twips: mm / 25.4 × 1440, rounded
      expect(pgMar.attrs['w:left']).toBe(String(Math.round((leftMm(i) * 1440) / 25.4)));
    }
    expectSameParts(await zipEntries(together[0]!), await referenceParts(fresh[0]!));
  });
});

/**
 * What a reader sees of the layout of every sample document, to compare the writers' output
 * before and after a change to them: for each PDF its SHA-256 and the text of each page as
 * `pdftotext -layout` places it (so every line break and page break shows), for each DOCX the
 * text of its paragraphs and, per XML part, a hash of the part's meaning (elements, attributes,
 * text and order, but not how the XML is spelt: attribute order, `<a/>` against `<a></a>`).
 *
 * scripts/layout-baseline.ts writes test/fixtures/layout-baseline.json from the current code;
 * test/layout-baseline.test.ts compares the current code with that file.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { renderConclusion } from '../../src/index.js';
import type { Block, ColumnContent, DocumentModel } from '../../src/model/document.js';
import { writeDocx } from '../../src/writers/docx/index.js';
import { readFontFamily } from '../../src/node/font-files.js';
import { defaultFontFiles } from '../../src/node/package-paths.js';
import { writePdf } from '../../src/writers/pdf/index.js';
import { paragraph, sampleModel, text, twoColumns } from '../fixtures/sample-model.js';
import { sampleModelPdf } from '../fixtures/sample-model-pdf.js';
import { docxParagraphs, zipEntries } from './docx-text.js';
import { pdfPageTexts } from './pdf-text.js';

const root = join(import.meta.dirname, '..', '..');

export interface LayoutSnapshot {
  pdfSha256: string;
  pdfPages: number;
  /** pdftotext -layout of each page; for long documents a hash of each page's text instead. */
  pdfPageTexts: string[];
  docxParagraphs: string[];
  /** Per part of the DOCX: SHA-256 of its canonical XML (see canonicalXml). */
  docxParts: Record<string, string>;
}

interface Case {
  name: string;
  /** Long documents keep hashes of their pages' and paragraphs' texts, not the texts. */
  long?: boolean;
  docx: () => Promise<Uint8Array>;
  pdf: () => Promise<Uint8Array>;
}

const readJson = (...path: string[]) => JSON.parse(readFileSync(join(root, ...path), 'utf8'));

function inputCase(name: string, input: unknown, long = false): Case {
  return { name, long, docx: () => renderConclusion(input, { format: 'docx' }), pdf: () => renderConclusion(input, { format: 'pdf' }) };
}

function modelCase(name: string, model: () => DocumentModel): Case {
  return { name, docx: () => writeDocx(model()), pdf: () => writePdf(model(), { fonts: readFontFamily(defaultFontFiles()) }) };
}

/** The example's point texts, repeated into one section of `count` points (as bench/run.ts does). */
export function manyPoints(count: number): unknown {
  const example = readJson('examples', 'cho-chu-2024-11.json');
  const texts = example.sections.flatMap((s: { content: { text: string }[] }) => s.content.map((c) => c.text));
  const content = Array.from({ length: count }, (_, i) => ({ text: texts[i % texts.length] }));
  return { ...example, sections: [{ heading: 'Nhiệm vụ', content }] };
}

/**
 * A model with the layout's corner cases in one document: adjacent equal rules (LibreOffice draws
 * only the first), a rule longer than its column and one thicker than a border may be, an empty
 * column, tabs, a keep-with-next chain at a page foot, a table row split across pages, spacers.
 */
export function cornerCaseModel(): DocumentModel {
  const model = sampleModel();
  const rule = (lengthMm: number, thicknessPt: number): ColumnContent => ({ kind: 'rule', role: 'rule', lengthMm, thicknessPt, spaceBeforePt: 2, spaceAfterPt: 3 });
  const long = 'Tiếp tục chỉ đạo các chi bộ tổ chức quán triệt, triển khai thực hiện nghị quyết, Kế hoạch 127-KH/ĐU, 128-KH/ĐU của Đảng ủy về công tác năm 2025 — và báo cáo kết quả về Văn phòng Đảng ủy trước ngày 30/11/2024.';
  const blocks: Block[] = [
    rule(40, 0.5),
    rule(40, 0.5),
    rule(400, 20),
    { kind: 'spacer', role: 'gap', heightMm: 0 },
    paragraph('tabs', [text('a\tb\tc'), text('\tđậm', { bold: true }), text('\t\tnghiêng', { italic: true })], { firstLineIndentMm: 10 }),
    twoColumns('empty-column', [50, []], [115, [paragraph('x', 'Cột phải'), rule(200, 1), rule(200, 1)]], { spaceBeforePt: 3 }),
    ...Array.from({ length: 30 }, (_, i) => paragraph('body', [text(`${i + 1}. ${long}`)], { align: 'justify', firstLineIndentMm: 12.7, spaceAfterPt: 6, keepWithNext: i % 7 > 3 })),
    twoColumns(
      'tall-row',
      [80, Array.from({ length: 40 }, (_, i) => paragraph('left', `${i + 1}. ${long.slice(0, 60 + i)}`, { spaceAfterPt: i % 3 }))],
      [85, [paragraph('right', long, { align: 'center', keepLines: true }), { kind: 'spacer', role: 'sign-space', heightMm: 30 }, paragraph('right', 'Ký tên', { align: 'right' })]],
      { spaceBeforePt: 12, spaceAfterPt: 6 },
    ),
    ...Array.from({ length: 12 }, (_, i) => paragraph('chain', [text(`Dòng ${i + 1} ${long}`, { underline: i % 2 === 0 })], { keepWithNext: true, align: i % 2 ? 'right' : 'justify' })),
    twoColumns('kept', [80, [paragraph('l', long)]], [85, [paragraph('r', long), { kind: 'spacer', role: 'sign-space', heightMm: 25 }]], { spaceBeforePt: 12, keepTogether: true }),
  ];
  return { ...model, blocks: [...model.blocks, ...blocks] };
}

export function layoutCases(): Case[] {
  const cases: Case[] = [inputCase('example', readJson('examples', 'cho-chu-2024-11.json'))];
  for (const file of readdirSync(join(root, 'test', 'fixtures', 'inputs')).filter((f) => f.endsWith('.json')).sort()) {
    cases.push(inputCase(`fixture ${file}`, readJson('test', 'fixtures', 'inputs', file)));
  }
  for (const month of readdirSync(join(root, 'examples', 'monthly', 'data')).sort()) {
    for (const file of readdirSync(join(root, 'examples', 'monthly', 'data', month)).sort()) {
      cases.push(inputCase(`monthly ${month}/${file}`, readJson('examples', 'monthly', 'data', month, file)));
    }
  }
  cases.push(modelCase('model sample-model', sampleModel), modelCase('model sample-model-pdf', sampleModelPdf), modelCase('model corner cases', cornerCaseModel));
  cases.push(inputCase('300 points', manyPoints(300), true));
  return cases;
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

export async function snapshot(c: Case): Promise<LayoutSnapshot> {
  const pdf = await c.pdf();
  const docx = await c.docx();
  const pages = (await pdfPageTexts(pdf, { layout: true, normalize: false })).map((page) => page.replace(/[ \t]+$/gm, ''));
  const parts = await zipEntries(docx);
  const docxParts: Record<string, string> = {};
  for (const [path, xml] of [...parts].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (path.endsWith('.xml') || path.endsWith('.rels')) docxParts[path] = sha256(canonicalXml(xml));
  }
  const paragraphs = docxParagraphs(parts.get('word/document.xml') ?? '');
  return {
    pdfSha256: sha256(pdf),
    pdfPages: pages.length,
    pdfPageTexts: c.long ? pages.map((page) => sha256(page)) : pages,
    docxParagraphs: c.long ? [sha256(paragraphs.join('\n'))] : paragraphs,
    docxParts,
  };
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: true,
});

type Node = Record<string, unknown>;

/**
 * An XML document written one way: attributes sorted, entities resolved and escaped alike, empty
 * elements as `<a></a>`; the XML declaration is kept as it stands. Element order and text are
 * meaning in WordprocessingML, so they are kept as they are.
 */
export function canonicalXml(xml: string): string {
  const write = (nodes: Node[]): string =>
    nodes
      .map((node) => {
        const name = Object.keys(node).find((key) => key !== ':@') as string;
        if (name === '#text') return escape(String(node[name]));
        const attributes = (node[':@'] ?? {}) as Record<string, string>;
        const attributeText = Object.keys(attributes)
          .sort()
          .map((key) => ` ${key}="${escape(String(attributes[key]))}"`)
          .join('');
        if (name.startsWith('?')) return `<${name}${attributeText}?>`;
        return `<${name}${attributeText}>${write((node[name] as Node[]) ?? [])}</${name}>`;
      })
      .join('');
  return write(parser.parse(xml) as Node[]);
}

function escape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

import {
  eighthPointMeasureValue,
  hexColorValue,
  hpsMeasureValue,
  measurementOrPercentValue,
  pointMeasureValue,
  signedTwipsMeasureValue,
  twipsMeasureValue,
} from 'docx';
import { sameIndent, sameSpacing, type DocxDefaults } from './defaults.js';
import { indentAttributes, type ParagraphSpec, type RunSpec, type TableSpec } from './spec.js';

/**
 * The body's paragraphs and tables as the XML objects docx's serialiser takes, built directly.
 *
 * docx builds a tree of small objects for every paragraph and run (ParagraphProperties,
 * RunProperties, one per attribute…) and walks it again to produce exactly these objects; for the
 * body that was most of writeDocx's time. Each object here is what docx's own Paragraph, TextRun
 * and Table produce for the options the writer would give them, element for element and attribute
 * for attribute, so the XML is unchanged; test/docx-writer.test.ts checks that against docx itself.
 * The body is serialised by xml-string.ts; docx writes everything else, once per layout
 * (package-frame.ts): the package, styles, settings, section and headers.
 *
 * Values go through the same checks docx applies (its exported *Value functions), so what docx
 * would refuse or round is refused or rounded alike.
 *
 * Shapes, as docx's serialiser reads them: `{ name: children[] }`, `{ name: { _attr } }` for an
 * element with attributes only, `{ name: EMPTY }` for an empty one, `[{ _attr }, 'text']` for text.
 */
export type Xml = { [name: string]: unknown };

const EMPTY: Xml = Object.freeze({});

/** A w:p with only what differs from the defaults, in CT_PPr / CT_RPr order, as paragraphs.ts describes. */
export function paragraphXml(spec: ParagraphSpec, defaults: DocxDefaults): Xml {
  const size = spec.halfPoints === defaults.halfPoints ? undefined : spec.halfPoints;
  const props: Xml[] = [];
  if (spec.keepNext) props.push({ 'w:keepNext': EMPTY });
  if (spec.keepLines) props.push({ 'w:keepLines': EMPTY });
  const top = spec.border?.top;
  if (top) {
    const attrs = { 'w:val': top.style, 'w:color': hexColorValue(top.color), 'w:sz': eighthPointMeasureValue(top.size), 'w:space': pointMeasureValue(top.space) };
    props.push({ 'w:pBdr': [{ 'w:top': { _attr: attrs } }] });
  }
  if (!sameSpacing(spec.spacing, defaults.spacing)) {
    const { after, before, line, lineRule } = spec.spacing;
    props.push({ 'w:spacing': { _attr: { 'w:after': after, 'w:before': before, 'w:line': line, 'w:lineRule': lineRule } } });
  }
  if (spec.indent !== undefined && !sameIndent(spec.indent, defaults.indent)) {
    const indent = indentAttributes(spec.indent);
    const first = 'hanging' in indent ? { 'w:hanging': twipsMeasureValue(indent.hanging) } : { 'w:firstLine': twipsMeasureValue(indent.firstLine) };
    const attrs = { 'w:left': signedTwipsMeasureValue(indent.left), 'w:right': signedTwipsMeasureValue(indent.right), ...first };
    props.push({ 'w:ind': { _attr: attrs } });
  }
  if (spec.alignment !== undefined && spec.alignment !== defaults.alignment) props.push({ 'w:jc': { _attr: { 'w:val': spec.alignment } } });
  if (size !== undefined) props.push({ 'w:rPr': sizeXml(size) });

  const children: Xml[] = props.length > 0 ? [{ 'w:pPr': props }] : [];
  for (const run of spec.runs) children.push(runXml(run, size));
  return { 'w:p': children.length > 0 ? children : EMPTY };
}

function runXml(run: RunSpec, size: number | undefined): Xml {
  if (run.children !== undefined) throw new Error('ket-luan: a body run holds text and breaks only');
  const props: Xml[] = [];
  if (run.bold) props.push({ 'w:b': EMPTY }, { 'w:bCs': EMPTY });
  if (run.italic) props.push({ 'w:i': EMPTY }, { 'w:iCs': EMPTY });
  if (size !== undefined) props.push(...sizeXml(size));
  if (run.underline) props.push({ 'w:u': { _attr: { 'w:val': 'single' } } });
  const children: unknown[] = props.length > 0 ? [{ 'w:rPr': props }] : [];
  for (let i = 0; i < run.breaks; i++) children.push({ 'w:br': EMPTY });
  if (run.text !== undefined) children.push({ 'w:t': [{ _attr: { 'xml:space': 'preserve' } }, run.text] });
  return { 'w:r': children.length > 0 ? children : EMPTY };
}

function sizeXml(size: number): Xml[] {
  const value = hpsMeasureValue(size);
  return [{ 'w:sz': { _attr: { 'w:val': value } } }, { 'w:szCs': { _attr: { 'w:val': value } } }];
}

/** Border sides and cell margins that are "nothing"; see columns.ts for why each is written. */
const NO_BORDER = { _attr: { 'w:val': 'none', 'w:color': 'auto', 'w:sz': 0 } };
const ZERO_MARGIN = { _attr: { 'w:type': 'dxa', 'w:w': 0 } };
const TABLE_BORDERS: Xml = {
  'w:tblBorders': ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => ({ [`w:${side}`]: NO_BORDER })),
};
const CELL_BORDERS: Xml = { 'w:tcBorders': ['top', 'left', 'bottom', 'right'].map((side) => ({ [`w:${side}`]: NO_BORDER })) };
const MARGINS = ['top', 'left', 'bottom', 'right'].map((side) => ({ [`w:${side}`]: ZERO_MARGIN }));
const TABLE_MARGINS: Xml = { 'w:tblCellMar': MARGINS };
const CELL_MARGINS: Xml = { 'w:tcMar': MARGINS };
const FIXED_LAYOUT: Xml = { 'w:tblLayout': { _attr: { 'w:type': 'fixed' } } };
const NO_INDENT: Xml = { 'w:tblInd': ZERO_MARGIN };
const ALIGN_TOP: Xml = { 'w:vAlign': { _attr: { 'w:val': 'top' } } };

/** The one-row borderless table of a ColumnsBlock, as columns.ts describes it. */
export function tableXml(spec: TableSpec, defaults: DocxDefaults): Xml {
  const total = spec.widths.reduce((sum, width) => sum + width, 0);
  const width = (name: string, twips: number): Xml => ({ [name]: { _attr: { 'w:type': 'dxa', 'w:w': measurementOrPercentValue(twips) } } });
  const cells = spec.cells.map((paragraphs, index) => {
    const tcPr = { 'w:tcPr': [width('w:tcW', spec.widths[index] ?? 0), CELL_BORDERS, CELL_MARGINS, ALIGN_TOP] };
    // a cell must end in a paragraph; columns.ts gives every cell at least one
    return { 'w:tc': [tcPr, ...paragraphs.map((paragraph) => paragraphXml(paragraph, defaults))] };
  });
  // docx leaves out a row without cells
  const rows = cells.length > 0 ? [{ 'w:tr': [...(spec.cantSplit ? [{ 'w:trPr': [{ 'w:cantSplit': EMPTY }] }] : []), ...cells] }] : [];
  return {
    'w:tbl': [
      { 'w:tblPr': [width('w:tblW', total), NO_INDENT, TABLE_BORDERS, FIXED_LAYOUT, TABLE_MARGINS] },
      { 'w:tblGrid': spec.widths.length > 0 ? spec.widths.map((twips) => ({ 'w:gridCol': { _attr: { 'w:w': twipsMeasureValue(twips) } } })) : EMPTY },
      ...rows,
    ],
  };
}

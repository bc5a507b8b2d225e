import { sameIndent, sameSpacing, type DocxDefaults } from './defaults.js';
import { isTable, type BodySpec, type ParagraphSpec, type RunSpec, type TableSpec } from './spec.js';

/**
 * The body's WordprocessingML, written directly from the specs, as it stands inside w:body
 * before the section properties. Each paragraph says only what differs from the document
 * defaults (defaults.ts), each property group (spacing, indents) whole, so no consumer has to
 * merge half a w:spacing with the style's other half. Children follow the schema's order
 * (CT_PPr, CT_RPr, CT_TblPr, CT_TcPr), which check-ooxml verifies on the rendered files.
 */
export function bodyXml(body: readonly BodySpec[], defaults: DocxDefaults): string {
  let xml = '';
  for (const spec of body) xml += isTable(spec) ? tableXml(spec, defaults) : paragraphXml(spec, defaults);
  return xml;
}

function paragraphXml(spec: ParagraphSpec, defaults: DocxDefaults): string {
  const size = spec.halfPoints === defaults.halfPoints ? undefined : spec.halfPoints;
  let props = '';
  if (spec.keepNext) props += '<w:keepNext/>';
  if (spec.keepLines) props += '<w:keepLines/>';
  if (spec.border) props += `<w:pBdr><w:top w:val="single" w:color="${attribute(spec.border.color)}" w:sz="${spec.border.size}" w:space="0"/></w:pBdr>`;
  if (!sameSpacing(spec.spacing, defaults.spacing)) {
    const { before, after, line, lineRule } = spec.spacing;
    props += `<w:spacing w:before="${before}" w:after="${after}" w:line="${line}" w:lineRule="${lineRule}"/>`;
  }
  if (spec.indent !== undefined && !sameIndent(spec.indent, defaults.indent)) {
    const { left, right, firstLine } = spec.indent;
    // w:firstLine is unsigned: a first line that starts left of the others is a w:hanging.
    const first = firstLine < 0 ? `w:hanging="${-firstLine}"` : `w:firstLine="${firstLine}"`;
    props += `<w:ind w:left="${left}" w:right="${right}" ${first}/>`;
  }
  if (spec.alignment !== undefined && spec.alignment !== defaults.alignment) props += `<w:jc w:val="${spec.alignment}"/>`;
  if (size !== undefined) props += `<w:rPr>${sizeXml(size)}</w:rPr>`;
  let xml = props === '' ? '<w:p>' : `<w:p><w:pPr>${props}</w:pPr>`;
  for (const run of spec.runs) xml += runXml(run, size);
  return `${xml}</w:p>`;
}

/** Font and colour come from the document defaults; only true flags are written, the defaults being plain. */
function runXml(run: RunSpec, size: number | undefined): string {
  if (run.children !== undefined) throw new Error('ket-luan: a body run holds text and breaks only');
  let props = '';
  if (run.bold) props += '<w:b/><w:bCs/>';
  if (run.italic) props += '<w:i/><w:iCs/>';
  if (size !== undefined) props += sizeXml(size);
  if (run.underline) props += '<w:u w:val="single"/>';
  let xml = props === '' ? '<w:r>' : `<w:r><w:rPr>${props}</w:rPr>`;
  for (let i = 0; i < run.breaks; i++) xml += '<w:br/>';
  if (run.text !== undefined) xml += `<w:t xml:space="preserve">${text(run.text)}</w:t>`;
  return `${xml}</w:r>`;
}

function sizeXml(halfPoints: number): string {
  return `<w:sz w:val="${halfPoints}"/><w:szCs w:val="${halfPoints}"/>`;
}

/**
 * The one-row borderless table of a ColumnsBlock. Each choice because some consumer gets it
 * wrong otherwise:
 * - every width is explicit DXA, in tblW, tblGrid and each tcW, with a fixed layout: LibreOffice
 *   and Google Docs lay a table out from the grid and ignore widths they have to infer;
 * - cell margins are zero at table and cell level, so a column's text box is exactly its width
 *   (Word's default 108-twip side margins would make the issuer line wrap);
 * - every border, including insideH/insideV and the cells' own, is "none": some consumers draw
 *   cell borders the table does not cancel;
 * - the table starts at the text area's edge (tblInd 0) and the cells' text at their top
 *   (vAlign top), said explicitly rather than left to defaults.
 */
function tableXml(spec: TableSpec, defaults: DocxDefaults): string {
  const total = spec.widths.reduce((sum, width) => sum + width, 0);
  let xml = `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${total}"/><w:tblInd w:type="dxa" w:w="0"/>${TABLE_BORDERS}<w:tblLayout w:type="fixed"/>${TABLE_MARGINS}</w:tblPr>`;
  xml += '<w:tblGrid>';
  for (const width of spec.widths) xml += `<w:gridCol w:w="${width}"/>`;
  xml += '</w:tblGrid>';
  if (spec.cells.length > 0) {
    xml += spec.cantSplit ? '<w:tr><w:trPr><w:cantSplit/></w:trPr>' : '<w:tr>';
    spec.cells.forEach((paragraphs, index) => {
      xml += `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${spec.widths[index] ?? 0}"/>${CELL_BORDERS}${CELL_MARGINS}<w:vAlign w:val="top"/></w:tcPr>`;
      for (const paragraph of paragraphs) xml += paragraphXml(paragraph, defaults);
      xml += '</w:tc>';
    });
    xml += '</w:tr>';
  }
  return `${xml}</w:tbl>`;
}

const sides = (names: string[], element: string) => names.map((side) => element.replace('SIDE', side)).join('');
const NO_BORDER = '<w:SIDE w:val="none" w:color="auto" w:sz="0"/>';
const ZERO_MARGIN = '<w:SIDE w:type="dxa" w:w="0"/>';
const TABLE_BORDERS = `<w:tblBorders>${sides(['top', 'left', 'bottom', 'right', 'insideH', 'insideV'], NO_BORDER)}</w:tblBorders>`;
const CELL_BORDERS = `<w:tcBorders>${sides(['top', 'left', 'bottom', 'right'], NO_BORDER)}</w:tcBorders>`;
const TABLE_MARGINS = `<w:tblCellMar>${sides(['top', 'left', 'bottom', 'right'], ZERO_MARGIN)}</w:tblCellMar>`;
const CELL_MARGINS = `<w:tcMar>${sides(['top', 'left', 'bottom', 'right'], ZERO_MARGIN)}</w:tcMar>`;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Markup characters as entities; control characters XML 1.0 cannot hold are dropped. */
function text(value: string): string {
  return value.replace(/[&<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => ESCAPES[c] ?? '');
}

function attribute(value: string): string {
  return value.replace(/[&<>"\x00-\x1F]/g, (c) => ESCAPES[c] ?? '');
}

import type { Column, ColumnsBlock, FontSetup } from '../../model/document.js';
import { flowParagraphSpec, type FlowContext } from './content.js';
import { exactHeightSpec } from './paragraphs.js';
import type { BodySpec, ParagraphSpec, TableSpec } from './spec.js';
import { mmToTwips, ptToTwips } from './units.js';

/**
 * A ColumnsBlock as a one-row borderless table, with the gaps around it as paragraphs.
 *
 * Layout choices, each because some consumer gets it wrong otherwise:
 * - Every width is explicit DXA, in tblW, tblGrid and each tcW, with a fixed layout: LibreOffice
 *   and Google Docs lay a table out from the grid and ignore widths they have to infer.
 * - Cell margins are zero at table and cell level, so a column's text box is exactly its width
 *   (Word's default 108-twip side margins would make the issuer line wrap).
 * - Every border, including insideH/insideV and the cells' own, is "none": docx fills any side not
 *   given with a single line, and some consumers draw cell borders the table does not cancel.
 * - spaceBefore/spaceAfter become empty exact-height paragraphs outside the table rather than
 *   spacing on the cells' first/last paragraphs: a cell's first block may be a rule or spacer with
 *   spacing of its own, Word and LibreOffice treat space-before at the top of a cell differently,
 *   and the table needs a paragraph after it anyway (Word requires one before the end of the body
 *   and merges two tables that touch). The paragraph after is therefore always written, a hairline
 *   when spaceAfterPt is 0. The gap before keeps with the table so it never strands at a page foot.
 * - The table starts at the text area's edge (w:tblInd 0) and the cells' text at their top
 *   (w:vAlign top), said explicitly rather than left to defaults.
 * - keepTogether: the row cannot split, and every paragraph of a cell but its last keeps with the
 *   next, which is how Word and LibreOffice are told to keep a row's lines on one page. The last
 *   is left alone: keepNext there would chain the table to whatever follows it.
 */
export function columnsSpecs(block: ColumnsBlock, font: FontSetup): BodySpec[] {
  const widths = block.columns.map((column) => mmToTwips(column.widthMm));
  const table: TableSpec = {
    kind: 'table',
    widths,
    cantSplit: block.keepTogether,
    cells: block.columns.map((column, index) => cellSpecs(column, { font, widthTwips: widths[index] ?? 0 }, block.keepTogether)),
  };
  const before = block.spaceBeforePt > 0 ? [exactHeightSpec(ptToTwips(block.spaceBeforePt), { keepNext: true })] : [];
  const after = exactHeightSpec(ptToTwips(block.spaceAfterPt));
  return [...before, table, after];
}

function cellSpecs(column: Column, ctx: FlowContext, keepTogether: boolean): ParagraphSpec[] {
  // A cell must hold at least one paragraph; an empty column is a hairline, not a default-size line.
  if (column.blocks.length === 0) return [exactHeightSpec(0)];
  const last = column.blocks.length - 1;
  return column.blocks.map((content, index) => flowParagraphSpec(content, ctx, { keepNext: keepTogether && index < last }));
}

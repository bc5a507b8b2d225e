import type { Column, ColumnsBlock, FontSetup } from '../model/document.js';
import { contentSpec, spaceSpec } from './paragraphs.js';
import type { BodySpec, ParagraphSpec, TableSpec } from './spec.js';
import { mmToTwips, ptToTwips } from './units.js';

/**
 * A ColumnsBlock as a one-row borderless table, with the gaps around it as paragraphs.
 *
 * - spaceBefore/spaceAfter become empty exact-height paragraphs outside the table rather than
 *   spacing on the cells' first/last paragraphs: a cell's first block may be a rule or spacer with
 *   spacing of its own, Word and LibreOffice treat space-before at the top of a cell differently,
 *   and the table needs a paragraph after it anyway (Word requires one before the end of the body
 *   and merges two tables that touch). The paragraph after is therefore always there, a hairline
 *   when spaceAfterPt is 0. The gap before keeps with the table so it never strands at a page foot.
 * - keepTogether: the row cannot split, and every paragraph of a cell but its last keeps with the
 *   next, which is how Word and LibreOffice are told to keep a row's lines on one page. The last
 *   is left alone: keeping it with the next would chain the table to whatever follows it.
 * - A cell must hold a paragraph: an empty column gets a hairline one, not a line of the default font.
 */
export function columnsSpecs(block: ColumnsBlock, font: FontSetup, textWidthTwips: number): BodySpec[] {
  const widthsTwips = block.columns.map((column) => mmToTwips(column.widthMm));
  const table: TableSpec = {
    kind: 'table',
    role: block.role,
    widthsTwips,
    cantSplit: block.keepTogether,
    cells: block.columns.map((column, index) => cellSpecs(column, block.role, font, widthsTwips[index] ?? 0, block.keepTogether)),
  };
  const before = block.spaceBeforePt > 0 ? [spaceSpec(`${block.role}:before`, ptToTwips(block.spaceBeforePt), textWidthTwips, true)] : [];
  const after = spaceSpec(`${block.role}:after`, ptToTwips(block.spaceAfterPt), textWidthTwips, false);
  return [...before, table, after];
}

function cellSpecs(column: Column, role: string, font: FontSetup, boxTwips: number, keepTogether: boolean): ParagraphSpec[] {
  if (column.blocks.length === 0) return [spaceSpec(`${role}:empty`, 0, boxTwips, false)];
  const last = column.blocks.length - 1;
  return column.blocks.map((content, index) => contentSpec(content, { font, boxTwips }, { keepWithNext: keepTogether && index < last }));
}

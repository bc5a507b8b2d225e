import {
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
} from 'docx';
import type { Column, ColumnsBlock, FontSetup } from '../../model/document.js';
import { toFlowParagraph, type FlowContext } from './content.js';
import { exactHeightParagraph } from './paragraphs.js';
import { mmToTwips, ptToTwips } from './units.js';

const NO_BORDER: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };
const NO_MARGINS = { top: 0, bottom: 0, left: 0, right: 0, marginUnitType: WidthType.DXA };

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
 * - keepTogether: the row cannot split, and every paragraph of a cell but its last keeps with the
 *   next, which is how Word and LibreOffice are told to keep a row's lines on one page. The last
 *   is left alone: keepNext there would chain the table to whatever follows it.
 */
export function toColumnsTable(block: ColumnsBlock, font: FontSetup): (Paragraph | Table)[] {
  const widths = block.columns.map((column) => mmToTwips(column.widthMm));
  const totalWidth = widths.reduce((sum, width) => sum + width, 0);

  const cells = block.columns.map(
    (column, index) =>
      new TableCell({
        width: { size: widths[index] ?? 0, type: WidthType.DXA },
        margins: NO_MARGINS,
        borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER },
        verticalAlign: VerticalAlignTable.TOP,
        children: cellParagraphs(column, { font, widthTwips: widths[index] ?? 0 }, block.keepTogether),
      }),
  );

  const table = new Table({
    layout: TableLayoutType.FIXED,
    width: { size: totalWidth, type: WidthType.DXA },
    indent: { size: 0, type: WidthType.DXA },
    columnWidths: widths,
    margins: NO_MARGINS,
    borders: {
      top: NO_BORDER,
      bottom: NO_BORDER,
      left: NO_BORDER,
      right: NO_BORDER,
      insideHorizontal: NO_BORDER,
      insideVertical: NO_BORDER,
    },
    rows: [new TableRow({ ...(block.keepTogether ? { cantSplit: true } : {}), children: cells })],
  });

  const before = block.spaceBeforePt > 0 ? [exactHeightParagraph(ptToTwips(block.spaceBeforePt), font, { keepNext: true })] : [];
  const after = exactHeightParagraph(ptToTwips(block.spaceAfterPt), font);
  return [...before, table, after];
}

function cellParagraphs(column: Column, ctx: FlowContext, keepTogether: boolean): Paragraph[] {
  // A cell must hold at least one paragraph; an empty column is a hairline, not a default-size line.
  if (column.blocks.length === 0) return [exactHeightParagraph(0, ctx.font)];
  const last = column.blocks.length - 1;
  return column.blocks.map((content, index) =>
    toFlowParagraph(content, ctx, { keepNext: keepTogether && index < last }),
  );
}

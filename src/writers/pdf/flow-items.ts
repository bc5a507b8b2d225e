import type { Block, ColumnContent, ColumnsBlock, ParagraphBlock, RuleBlock, SpacerBlock } from '../../model/document.js';
import { breakLines, type BrokenLine } from './line-breaking.js';
import { shapeParagraph, type ShapedParagraph } from './paragraph-shaping.js';
import type { PdfFontFamily } from './pdf-fonts.js';
import { mmToTwips, ptToTwips } from './units.js';

/**
 * The model's blocks as LibreOffice lays out the DOCX the DOCX writer makes of them: every size in
 * whole twips, rounded as that writer rounds. The mapping mirrors src/writers/docx:
 * - a paragraph is a paragraph with exact line height, spacing before/after and indents;
 * - a rule is an empty paragraph whose top border is the line: its one "line" is the border plus a
 *   1-twip hairline, between the spacing before and after;
 * - a spacer is an empty paragraph with an exact line height of heightMm;
 * - columns are a one-row borderless table with zero cell margins, preceded (when spaceBeforePt > 0)
 *   by an exact-height paragraph that keeps with it, and always followed by one (1 twip at least).
 * Cell content stacks like body text, except that space before the first paragraph of a cell and
 * after its last one are both kept.
 */

/** The thinnest exact line height the DOCX writer writes: 1 twip (its HAIRLINE_TWIPS). */
const HAIRLINE_TWIPS = 1;

export interface TextContent {
  kind: 'text';
  shaped: ShapedParagraph;
  lines: BrokenLine[];
  /** Width of the box the paragraph sits in (text area or table column), in twips. */
  boxTwips: number;
}

export interface RuleContent {
  kind: 'rule';
  block: RuleBlock;
  boxTwips: number;
  /** Width of the border line; 0 when it merges into the previous rule's border (not drawn). */
  borderTwips: number;
}

/** Vertical room only: spacers and the paragraphs the DOCX writer puts around tables. */
export interface SpaceContent {
  kind: 'space';
  /** The model's spacer, for its role and images; absent for the gaps around tables. */
  block?: SpacerBlock;
  /** Width of the box the room is in (text area or table column), in twips. */
  boxTwips?: number;
}

/** Anything LibreOffice treats as a paragraph: lines that may be split between pages. */
export interface LinesItem {
  kind: 'lines';
  lineTwips: number[];
  beforeTwips: number;
  afterTwips: number;
  keepWithNext: boolean;
  keepLines: boolean;
  content: TextContent | RuleContent | SpaceContent;
}

export interface CellItem {
  item: LinesItem;
  /** Top of the item's first line (spacing before already applied), from the top of the cell. */
  topTwips: number;
}

export interface CellLayout {
  widthTwips: number;
  items: CellItem[];
  heightTwips: number;
}

export interface TableItem {
  kind: 'table';
  block: ColumnsBlock;
  cells: CellLayout[];
  heightTwips: number;
  keepTogether: boolean;
  keepWithNext: false;
}

export type FlowItem = LinesItem | TableItem;

export function flowItems(blocks: Block[], family: PdfFontFamily, textWidthTwips: number): FlowItem[] {
  return mergeAdjacentRules(
    blocks.flatMap((block): FlowItem[] => {
      if (block.kind !== 'columns') return [contentItem(block, family, textWidthTwips)];
      const gapBefore = block.spaceBeforePt > 0 ? [spaceItem(ptToTwips(block.spaceBeforePt), true)] : [];
      return [...gapBefore, tableItem(block, family), spaceItem(ptToTwips(block.spaceAfterPt), false)];
    }),
  );
}

/**
 * LibreOffice joins the borders of consecutive paragraphs whose borders and indents are equal
 * ("merge with next paragraph"): of two identical rules in a row only the first line is drawn,
 * and the second takes no room for it.
 */
function mergeAdjacentRules<T extends FlowItem>(items: T[]): T[] {
  return items.map((item, index) => {
    const previous = items[index - 1];
    if (item.kind !== 'lines' || item.content.kind !== 'rule' || previous?.kind !== 'lines' || previous.content.kind !== 'rule') return item;
    const rule = item.content;
    const before = previous.content;
    const same =
      borderWidthTwips(before.block.thicknessPt) === borderWidthTwips(rule.block.thicknessPt) &&
      mmToTwips(before.block.lengthMm) === mmToTwips(rule.block.lengthMm) &&
      before.boxTwips === rule.boxTwips;
    if (!same) return item;
    return { ...item, lineTwips: [HAIRLINE_TWIPS], content: { ...rule, borderTwips: 0 } };
  });
}

function contentItem(block: ColumnContent, family: PdfFontFamily, boxTwips: number): LinesItem {
  switch (block.kind) {
    case 'paragraph':
      return paragraphItem(block, family, boxTwips);
    case 'rule': {
      const borderTwips = borderWidthTwips(block.thicknessPt);
      return {
        kind: 'lines',
        lineTwips: [borderTwips + HAIRLINE_TWIPS],
        beforeTwips: ptToTwips(block.spaceBeforePt),
        afterTwips: ptToTwips(block.spaceAfterPt),
        keepWithNext: false,
        keepLines: false,
        content: { kind: 'rule', block, boxTwips, borderTwips },
      };
    }
    case 'spacer':
      return { ...spaceItem(mmToTwips(block.heightMm), false), content: { kind: 'space', block, boxTwips } };
  }
}

function paragraphItem(block: ParagraphBlock, family: PdfFontFamily, boxTwips: number): LinesItem {
  const { style } = block;
  const shaped = shapeParagraph(block, family);
  const lines = breakLines(shaped.units, {
    boxTwips,
    leftIndentTwips: mmToTwips(style.leftIndentMm),
    firstLineIndentTwips: mmToTwips(style.firstLineIndentMm),
  });
  return {
    kind: 'lines',
    lineTwips: lines.map(() => ptToTwips(style.lineHeightPt)),
    beforeTwips: ptToTwips(style.spaceBeforePt),
    afterTwips: ptToTwips(style.spaceAfterPt),
    keepWithNext: style.keepWithNext,
    keepLines: style.keepLines,
    content: { kind: 'text', shaped, lines, boxTwips },
  };
}

function spaceItem(heightTwips: number, keepWithNext: boolean): LinesItem {
  return {
    kind: 'lines',
    lineTwips: [Math.max(HAIRLINE_TWIPS, heightTwips)],
    beforeTwips: 0,
    afterTwips: 0,
    keepWithNext,
    keepLines: false,
    content: { kind: 'space' },
  };
}

function tableItem(block: ColumnsBlock, family: PdfFontFamily): TableItem {
  const cells = block.columns.map((column): CellLayout => {
    const widthTwips = mmToTwips(column.widthMm);
    // A cell holds at least one paragraph; the DOCX writer gives an empty column a hairline one.
    const contents = mergeAdjacentRules(
      column.blocks.length > 0 ? column.blocks.map((content) => contentItem(content, family, widthTwips)) : [spaceItem(0, false)],
    );
    const items: CellItem[] = [];
    let y = 0;
    let previousAfter: number | undefined;
    for (const item of contents) {
      const spacing = previousAfter === undefined ? item.beforeTwips : Math.max(previousAfter, item.beforeTwips);
      items.push({ item, topTwips: y + spacing });
      y += spacing + sum(item.lineTwips);
      previousAfter = item.afterTwips;
    }
    return { widthTwips, items, heightTwips: y + (previousAfter ?? 0) };
  });
  return {
    kind: 'table',
    block,
    cells,
    heightTwips: Math.max(0, ...cells.map((cell) => cell.heightTwips)),
    keepTogether: block.keepTogether,
    keepWithNext: false,
  };
}

/**
 * The border width LibreOffice gives the rule: the DOCX writer writes w:sz in eighths of a point,
 * clamped to 2..96 (its ptToBorderEighths); one eighth is 2.5 twips.
 */
export function borderWidthTwips(thicknessPt: number): number {
  const eighths = Math.min(96, Math.max(2, Math.round(thicknessPt * 8)));
  return Math.round(eighths * 2.5);
}

export function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

import type { BodySpec, ParagraphSpec, TableSpec } from '../../layout/index.js';
import { borderEighthsToTwips } from '../../layout/index.js';
import { breakLines, type BrokenLine } from './line-breaking.js';
import { shapeParagraph, type ShapedParagraph } from './paragraph-shaping.js';
import type { PdfFontFamily } from './pdf-fonts.js';

/**
 * The layout's paragraphs and tables as LibreOffice lays out the DOCX made of them: text broken
 * into lines (line-breaking.ts), every paragraph a stack of line heights with its spacing, and a
 * table row's cells stacked the same way.
 * - A rule's one "line" is its top border (as wide as LibreOffice rounds it) plus the paragraph's
 *   own hairline line.
 * - Cell content stacks like body text, except that space before the first paragraph of a cell
 *   and after its last one are both kept.
 */

export interface TextContent {
  kind: 'text';
  shaped: ShapedParagraph;
  lines: BrokenLine[];
}

export interface RuleContent {
  kind: 'rule';
  /** Where the line starts, from the left edge of the paragraph's box, and how long it is. */
  leftTwips: number;
  lengthTwips: number;
  /** Width of the border line; 0 when it merges into the previous rule's border (not drawn). */
  borderTwips: number;
}

/** Vertical room only: spacers and the paragraphs around tables. */
interface SpaceContent {
  kind: 'space';
}

/** Anything LibreOffice treats as a paragraph: lines that may be split between pages. */
export interface LinesItem {
  kind: 'lines';
  spec: ParagraphSpec;
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
  spec: TableSpec;
  cells: CellLayout[];
  heightTwips: number;
  keepTogether: boolean;
  keepWithNext: false;
}

export type FlowItem = LinesItem | TableItem;

export function flowItems(body: readonly BodySpec[], family: PdfFontFamily, tabStopTwips: number): FlowItem[] {
  return mergeAdjacentRules(body.map((spec): FlowItem => (spec.kind === 'table' ? tableItem(spec, family, tabStopTwips) : linesItem(spec, family, tabStopTwips))));
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
    const same = before.borderTwips === rule.borderTwips && before.leftTwips === rule.leftTwips && before.lengthTwips === rule.lengthTwips;
    if (!same) return item;
    return { ...item, lineTwips: [item.spec.spacing.lineTwips], content: { ...rule, borderTwips: 0 } };
  });
}

function linesItem(spec: ParagraphSpec, family: PdfFontFamily, tabStopTwips: number): LinesItem {
  const { spacing } = spec;
  const item = { kind: 'lines' as const, spec, beforeTwips: spacing.beforeTwips, afterTwips: spacing.afterTwips, keepWithNext: spec.keepWithNext, keepLines: spec.keepLines };
  switch (spec.content) {
    case 'text': {
      const shaped = shapeParagraph(spec, family);
      const indent = spec.indent ?? { leftTwips: 0, firstLineTwips: 0 };
      const lines = breakLines(shaped.units, { boxTwips: spec.boxTwips, leftIndentTwips: indent.leftTwips, firstLineIndentTwips: indent.firstLineTwips, tabStopTwips });
      return { ...item, lineTwips: lines.map(() => spacing.lineTwips), content: { kind: 'text', shaped, lines } };
    }
    case 'rule': {
      const borderTwips = borderEighthsToTwips(spec.topBorder?.eighths ?? 0);
      const leftTwips = spec.indent?.leftTwips ?? 0;
      const lengthTwips = spec.boxTwips - leftTwips - (spec.indent?.rightTwips ?? 0);
      return { ...item, lineTwips: [borderTwips + spacing.lineTwips], content: { kind: 'rule', leftTwips, lengthTwips, borderTwips } };
    }
    case 'space':
      return { ...item, lineTwips: [spacing.lineTwips], content: { kind: 'space' } };
  }
}

function tableItem(spec: TableSpec, family: PdfFontFamily, tabStopTwips: number): TableItem {
  const cells = spec.cells.map((paragraphs, index): CellLayout => {
    const contents = mergeAdjacentRules(paragraphs.map((paragraph) => linesItem(paragraph, family, tabStopTwips)));
    const items: CellItem[] = [];
    let y = 0;
    let previousAfter: number | undefined;
    for (const item of contents) {
      const gap = previousAfter === undefined ? item.beforeTwips : Math.max(previousAfter, item.beforeTwips);
      items.push({ item, topTwips: y + gap });
      y += gap + sum(item.lineTwips);
      previousAfter = item.afterTwips;
    }
    return { widthTwips: spec.widthsTwips[index] ?? 0, items, heightTwips: y + (previousAfter ?? 0) };
  });
  return {
    kind: 'table',
    spec,
    cells,
    heightTwips: Math.max(0, ...cells.map((cell) => cell.heightTwips)),
    keepTogether: spec.cantSplit,
    keepWithNext: false,
  };
}

export function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

import type { Paragraph } from 'docx';
import type { ColumnContent, FontSetup } from '../../model/document.js';
import { exactHeightParagraph, toDocxParagraph } from './paragraphs.js';
import { toRuleParagraph } from './rules.js';
import { mmToTwips } from './units.js';

/** Where a block is laid out: the width it may use (text area or table column) and the font. */
export interface FlowContext {
  font: FontSetup;
  widthTwips: number;
}

/**
 * The blocks that can stand both in the page flow and inside a column all become exactly one
 * paragraph, so a column's keep-together logic can reason about "the last paragraph of a cell".
 */
export function toFlowParagraph(block: ColumnContent, ctx: FlowContext, extra: { keepNext?: boolean } = {}): Paragraph {
  switch (block.kind) {
    case 'paragraph':
      return toDocxParagraph(block, ctx.font, extra);
    case 'rule':
      return toRuleParagraph(block, ctx.widthTwips, ctx.font, extra);
    case 'spacer':
      return exactHeightParagraph(mmToTwips(block.heightMm), ctx.font, extra);
  }
}

import type { ColumnContent, FontSetup } from '../../model/document.js';
import { exactHeightSpec, textParagraphSpec } from './paragraphs.js';
import { ruleSpec } from './rules.js';
import type { ParagraphSpec } from './spec.js';
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
export function flowParagraphSpec(block: ColumnContent, ctx: FlowContext, extra: { keepNext?: boolean } = {}): ParagraphSpec {
  switch (block.kind) {
    case 'paragraph':
      return textParagraphSpec(block, extra);
    case 'rule':
      return ruleSpec(block, ctx.widthTwips, ctx.font, extra);
    case 'spacer':
      return exactHeightSpec(mmToTwips(block.heightMm), extra);
  }
}

import type { Paragraph, Table } from 'docx';
import type { Block } from '../../model/document.js';
import { toColumnsTable } from './columns.js';
import { toFlowParagraph, type FlowContext } from './content.js';

/** The body: page-level blocks in order, each one paragraph except columns (a table and its gaps). */
export function toDocxBody(blocks: Block[], ctx: FlowContext): (Paragraph | Table)[] {
  return blocks.flatMap((block) => (block.kind === 'columns' ? toColumnsTable(block, ctx.font) : [toFlowParagraph(block, ctx)]));
}

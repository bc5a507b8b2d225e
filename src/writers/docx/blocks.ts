import type { Block } from '../../model/document.js';
import { columnsSpecs } from './columns.js';
import { flowParagraphSpec, type FlowContext } from './content.js';
import type { DocxDefaults } from './defaults.js';
import { preparedParagraph, preparedTable, type PreparedBlock } from './prepared.js';
import { isTable, type BodySpec } from './spec.js';

/** The body: page-level blocks in order, each one paragraph except columns (a table and its gaps). */
export function bodySpecs(blocks: Block[], ctx: FlowContext): BodySpec[] {
  return blocks.flatMap((block) => (block.kind === 'columns' ? columnsSpecs(block, ctx.font) : [flowParagraphSpec(block, ctx)]));
}

export function toDocxBody(body: BodySpec[], defaults: DocxDefaults): PreparedBlock[] {
  return body.map((spec) => (isTable(spec) ? preparedTable(spec, defaults) : preparedParagraph(spec, defaults)));
}

import type { Block } from '../../model/document.js';
import { columnsSpecs } from './columns.js';
import { flowParagraphSpec, type FlowContext } from './content.js';
import type { DocxDefaults } from './defaults.js';
import { paragraphXml, tableXml } from './prepared.js';
import { isTable, type BodySpec } from './spec.js';
import { xmlString } from './xml-string.js';

/** The body: page-level blocks in order, each one paragraph except columns (a table and its gaps). */
export function bodySpecs(blocks: Block[], ctx: FlowContext): BodySpec[] {
  return blocks.flatMap((block) => (block.kind === 'columns' ? columnsSpecs(block, ctx.font) : [flowParagraphSpec(block, ctx)]));
}

/** The body's XML as it stands inside w:body, before the section properties. */
export function bodyXml(body: BodySpec[], defaults: DocxDefaults): string {
  let xml = '';
  for (const spec of body) xml += xmlString(isTable(spec) ? tableXml(spec, defaults) : paragraphXml(spec, defaults));
  return xml;
}

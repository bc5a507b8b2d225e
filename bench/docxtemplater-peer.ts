/**
 * The peer for the DOCX figure: docxtemplater filling a Word template equivalent to our output
 * (same header, title, numbered sections and points, recipients and signature), the way many
 * offices' tools do it. The template is made once with our own writer, with loops in place of
 * the content; docxtemplater then fills it for every document.
 */
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import type { Block, ColumnsBlock, DocumentModel, ParagraphBlock } from '../src/model/document.js';
import { writeDocx } from '../src/writers/docx/index.js';
import type { Conclusion } from '../src/schema/conclusion.js';
import { toRoman } from '../src/text/numbering.js';
import { textRun } from '../src/text/inline.js';

function withText(block: ParagraphBlock, text: string): ParagraphBlock {
  const first = block.runs.find((r) => r.kind === 'text');
  return { ...block, runs: [textRun(text, first && first.kind === 'text' ? first : {})] };
}

/** Our model of the example with its body and recipients replaced by docxtemplater loops. */
export async function makeTemplate(model: DocumentModel): Promise<Uint8Array> {
  const para = (role: string) => model.blocks.find((b): b is ParagraphBlock => b.kind === 'paragraph' && b.role === role)!;
  const heading = para('section-heading');
  const point = para('point');
  const opening = para('opening');
  const header = model.blocks[0] as ColumnsBlock;
  const footer = model.blocks.at(-1) as ColumnsBlock;
  const recipient = footer.columns[0]!.blocks.find((b): b is ParagraphBlock => b.kind === 'paragraph' && b.role === 'recipient')!;
  const label = footer.columns[0]!.blocks[0]!;
  const titleBlocks = model.blocks.filter((b) => b.kind === 'paragraph' && ['title', 'summary', 'title-dash'].includes(b.role));
  const closing = para('closing');
  const body: Block[] = [
    withText(opening, '{opening}'),
    withText(heading, '{#sections}'),
    withText(heading, '{numeral}. {heading}'),
    withText(point, '{#points}'),
    withText(point, '{n}. {text}'),
    withText(point, '{/points}'),
    withText(heading, '{/sections}'),
    withText(closing, '{closing}'),
  ];
  const newFooter: ColumnsBlock = {
    ...footer,
    columns: [
      { ...footer.columns[0]!, blocks: [label, withText(recipient, '{#recipients}'), withText(recipient, '{line}'), withText(recipient, '{/recipients}')] },
      footer.columns[1]!,
    ],
  };
  return writeDocx({ ...model, blocks: [header, ...titleBlocks, ...body, newFooter] });
}

export function templateData(conclusion: Conclusion) {
  return {
    opening: conclusion.opening?.join('\n') ?? '',
    sections: (conclusion.sections ?? []).map((s, i) => ({
      numeral: toRoman(i + 1),
      heading: s.heading,
      points: s.content.map((item, j) => ({ n: j + 1, text: typeof item === 'string' ? item : item.text })),
    })),
    closing: conclusion.closing?.join('\n') ?? '',
    recipients: [...(conclusion.recipients ?? []).map((r) => ({ line: `- ${r};` })), { line: `- ${conclusion.filing ?? 'Lưu VPĐU'}.` }],
  };
}

export function fillTemplate(template: Uint8Array, data: object): Uint8Array {
  const doc = new Docxtemplater(new PizZip(template), { paragraphLoop: true, linebreaks: true });
  doc.render(data);
  return doc.getZip().generate({ type: 'uint8array', compression: 'DEFLATE' });
}

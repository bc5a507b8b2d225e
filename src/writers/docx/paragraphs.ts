import { BorderStyle, Paragraph, TextRun, UnderlineType, type IParagraphOptions, type IRunOptions } from 'docx';
import { sameIndent, sameSpacing, toDocxSpacing, type DocxDefaults } from './defaults.js';
import { indentAttributes, type ParagraphSpec, type RunSpec } from './spec.js';

/**
 * A spec as docx's own Paragraph, saying what body-xml.ts says for the body: only the property
 * groups that differ from the defaults, each whole; font and colour from the document defaults.
 * Used for the headers, whose PAGE field docx builds.
 */
export function toDocxParagraph(spec: ParagraphSpec, defaults: DocxDefaults): Paragraph {
  const size = spec.halfPoints === defaults.halfPoints ? undefined : spec.halfPoints;
  const options: IParagraphOptions = {
    ...(spec.keepNext ? { keepNext: true } : {}),
    ...(spec.keepLines ? { keepLines: true } : {}),
    ...(spec.border ? { border: { top: { style: BorderStyle.SINGLE, size: spec.border.size, color: spec.border.color, space: 0 } } } : {}),
    ...(sameSpacing(spec.spacing, defaults.spacing) ? {} : { spacing: toDocxSpacing(spec.spacing) }),
    ...(spec.indent === undefined || sameIndent(spec.indent, defaults.indent) ? {} : { indent: indentAttributes(spec.indent) }),
    ...(spec.alignment === undefined || spec.alignment === defaults.alignment ? {} : { alignment: spec.alignment }),
    ...(size === undefined ? {} : { run: { size } }),
    children: spec.runs.map((run) => toDocxRun(run, size)),
  };
  return new Paragraph(options);
}

function toDocxRun(run: RunSpec, size: number | undefined): TextRun {
  const options: IRunOptions = {
    ...(size === undefined ? {} : { size }),
    ...(run.bold ? { bold: true } : {}),
    ...(run.italic ? { italics: true } : {}),
    ...(run.underline ? { underline: { type: UnderlineType.SINGLE } } : {}),
    ...(run.breaks > 0 ? { break: run.breaks } : {}),
    ...(run.text === undefined ? {} : { text: run.text }),
    ...(run.children === undefined ? {} : { children: run.children }),
  };
  return new TextRun(options);
}

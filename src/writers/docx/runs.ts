import { TextRun, UnderlineType, type IRunOptions } from 'docx';
import type { Run } from '../../model/document.js';
import type { RunSpec } from './spec.js';

/**
 * The model's runs as few docx runs as possible: a text run joins the one before it when both
 * are formatted alike, and line breaks open the run of the text after them (docx's `break`, a
 * w:br before the run's text). A break has no glyph, so whose formatting it carries does not show,
 * and the model sizes every run of a paragraph alike. Breaks at the end get a run of their own.
 */
export function toRunSpecs(runs: Run[]): RunSpec[] {
  const specs: RunSpec[] = [];
  let breaks = 0;
  for (const run of runs) {
    if (run.kind === 'break') {
      breaks += 1;
      continue;
    }
    const last = specs[specs.length - 1];
    if (breaks === 0 && last && last.bold === run.bold && last.italic === run.italic && last.underline === run.underline) {
      last.text = (last.text ?? '') + run.text;
    } else {
      specs.push({ bold: run.bold, italic: run.italic, underline: run.underline, breaks, text: run.text });
      breaks = 0;
    }
  }
  if (breaks > 0) specs.push({ bold: false, italic: false, underline: false, breaks });
  return specs;
}

/**
 * Font and colour come from the document defaults, the size from them too unless the paragraph's
 * differs (`size`). Only true flags are written: the defaults are plain, and w:b w:val="false"
 * would be noise.
 */
export function toDocxRun(run: RunSpec, size: number | undefined): TextRun {
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

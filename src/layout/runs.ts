import type { Run } from '../model/document.js';
import type { RunSpec } from './spec.js';

/**
 * The model's runs as few runs as possible: a text run joins the one before it when both are
 * formatted alike, and line breaks open the run of the text after them. A break has no glyph, so
 * whose formatting it carries does not show. Breaks at the end get a run of their own.
 * The PDF writer shapes each run as one portion, as LibreOffice does with the DOCX's runs.
 */
export function toRunSpecs(runs: readonly Run[]): RunSpec[] {
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

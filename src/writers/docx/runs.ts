import { TextRun, UnderlineType } from 'docx';
import type { FontSetup, Run } from '../../model/document.js';
import { runFonts } from './fonts.js';
import { ptToHalfPoints } from './units.js';

/** What every run of one paragraph shares: the model sets size per paragraph, font per document. */
export interface RunContext {
  font: FontSetup;
  sizePt: number;
}

/**
 * Font, size and colour go on every run as well as the document defaults, so a user who pastes a
 * paragraph into another document (or a consumer that ignores docDefaults) still sees the right face.
 * Only true flags are written: the defaults are plain, and w:b w:val="false" would be noise.
 */
export function toDocxRun(run: Run, ctx: RunContext): TextRun {
  const common = {
    font: runFonts(ctx.font),
    size: ptToHalfPoints(ctx.sizePt),
    color: ctx.font.color,
  };
  if (run.kind === 'break') return new TextRun({ ...common, break: 1 });
  return new TextRun({
    ...common,
    text: run.text,
    ...(run.bold ? { bold: true } : {}),
    ...(run.italic ? { italics: true } : {}),
    ...(run.underline ? { underline: { type: UnderlineType.SINGLE } } : {}),
  });
}

import type { ParagraphBlock, ParagraphStyle, Run } from '../model/document.js';
import type { ElementStyle, Profile, TextStyle } from '../profile/schema.js';
import { toUpperVi } from '../text/case.js';
import { parseInline, textRun } from '../text/inline.js';

/** An element's full style: the profile's base text style with the element's differences. */
export function resolveStyle(profile: Profile, element: ElementStyle): TextStyle {
  const style: Record<string, unknown> = { ...profile.text };
  for (const key of Object.keys(profile.text)) {
    const value = (element as Record<string, unknown>)[key];
    if (value !== undefined) style[key] = value;
  }
  return style as unknown as TextStyle;
}

/** How a paragraph keeps with what follows, and indents beyond its style's first-line indent. */
export interface ParagraphOptions {
  keepWithNext?: boolean;
  keepLines?: boolean;
  /** Every line's indent from the left edge of the text area or column. */
  leftIndentMm?: number;
  /**
   * Taken off the first line's indent: a hanging indent, where the first line starts left of the
   * others (a recipient's dash, whose wrapped lines continue under the text).
   */
  hangingMm?: number;
}

function paragraphStyle(style: TextStyle, keep: ParagraphOptions = {}): ParagraphStyle {
  return {
    sizePt: style.sizePt,
    align: style.align,
    firstLineIndentMm: style.firstLineIndentMm - (keep.hangingMm ?? 0),
    leftIndentMm: keep.leftIndentMm ?? 0,
    spaceBeforePt: style.spaceBeforePt,
    spaceAfterPt: style.spaceAfterPt,
    lineHeightPt: style.lineHeightPt,
    keepWithNext: keep.keepWithNext ?? false,
    keepLines: keep.keepLines ?? false,
  };
}

/** Runs of text written with inline emphasis, in the element's own emphasis and case. */
export function styledRuns(text: string, style: TextStyle): Run[] {
  const runs = parseInline(text, { bold: style.bold, italic: style.italic, underline: style.underline });
  if (!style.uppercase) return runs;
  return runs.map((run) => (run.kind === 'text' ? { ...run, text: toUpperVi(run.text) } : run));
}

/** Runs of literal text (a template's output or a label): no emphasis markers are read. */
function literalRuns(text: string, style: TextStyle): Run[] {
  const lines = text.split('\n');
  return lines.flatMap((line, i) => {
    const run = textRun(style.uppercase ? toUpperVi(line) : line, style);
    return i === 0 ? [run] : [{ kind: 'break' as const }, run];
  });
}

export function paragraph(role: string, runs: Run[], style: TextStyle, keep?: ParagraphOptions): ParagraphBlock {
  return { kind: 'paragraph', role, runs, style: paragraphStyle(style, keep) };
}

/** A paragraph of literal text (a name, a template's phrase) in an element's style. */
export function literalParagraph(role: string, text: string, style: TextStyle, keep?: ParagraphOptions): ParagraphBlock {
  return paragraph(role, literalRuns(text, style), style, keep);
}

/** The width of a text set in an element's style, capitals included, as the writers will set it. */
export function measureStyled(measure: (text: string, sizePt: number, bold: boolean, italic: boolean) => number, text: string, style: TextStyle): number {
  return measure(style.uppercase ? toUpperVi(text) : text, style.sizePt, style.bold, style.italic);
}

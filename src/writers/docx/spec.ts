import type { IRunOptions } from 'docx';
import type { ImageSpec, RunSpec as LayoutRunSpec } from '../../layout/index.js';
import type { toDocxAlignment } from './alignment.js';

/**
 * The layout's paragraphs and tables in WordprocessingML's own terms: attribute values as the
 * DOCX stores them (twips, half-points, eighths, w:jc values). Mapped one to one from the layout
 * (paragraph-specs.ts), nothing decided here; the document defaults are chosen from them
 * (defaults.ts), and each paragraph is then written with only what differs from those defaults.
 */

export type DocxAlignment = ReturnType<typeof toDocxAlignment>;

/** w:spacing, all four attributes: they are always written together or not at all. */
export interface Spacing {
  before: number;
  after: number;
  line: number;
  lineRule: 'exact' | 'auto';
}

/** w:ind, all three attributes: always written together or not at all. */
export interface Indent {
  left: number;
  right: number;
  /** Negative for a hanging indent, which w:ind writes as w:hanging (see indentAttributes). */
  firstLine: number;
}

/**
 * The w:ind attributes of an indent, as docx's createIndent takes them: w:firstLine and
 * w:hanging are unsigned, so a first line that starts left of the others is a w:hanging.
 */
export function indentAttributes(indent: Indent): { left: number; right: number; firstLine: number } | { left: number; right: number; hanging: number } {
  const { left, right, firstLine } = indent;
  return firstLine < 0 ? { left, right, hanging: -firstLine } : { left, right, firstLine };
}

/** w:pBdr/w:top of a rule: a single line, no space between it and the (empty) text. */
interface TopBorder {
  /** Eighths of a point. */
  size: number;
  color: string;
}

/** One run: `breaks` line breaks, then text (or, in a header, a field), sharing a formatting. */
export interface RunSpec extends LayoutRunSpec {
  /** Instead of text: the run's own children, e.g. a PAGE field. */
  children?: IRunOptions['children'];
}

export interface ParagraphSpec {
  spacing: Spacing;
  /** undefined: the paragraph has no text, so its indents do not show and any will do. */
  indent: Indent | undefined;
  /** undefined: the paragraph has no text, so its alignment does not show and any will do. */
  alignment: DocxAlignment | undefined;
  border?: TopBorder;
  keepNext: boolean;
  keepLines: boolean;
  /** w:sz of the paragraph mark and of every run: the model sizes text per paragraph. */
  halfPoints: number;
  runs: RunSpec[];
  /** Pictures anchored to the paragraph (images.ts). */
  images?: ImageSpec[];
}

export interface TableSpec {
  kind: 'table';
  widths: number[];
  cantSplit: boolean;
  cells: ParagraphSpec[][];
}

export type BodySpec = ParagraphSpec | TableSpec;

export function isTable(spec: BodySpec): spec is TableSpec {
  return (spec as TableSpec).kind === 'table';
}

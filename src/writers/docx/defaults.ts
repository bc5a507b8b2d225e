import { LineRuleType, type IParagraphPropertiesOptions, type IParagraphStyleOptions } from 'docx';
import { indentAttributes, isTable, type BodySpec, type DocxAlignment, type Indent, type ParagraphSpec, type Spacing } from './spec.js';

/**
 * What a paragraph or run gets without saying anything: the most common value of each property
 * group in the document. Size goes into the document defaults (w:rPrDefault); spacing, indents
 * and alignment into the Normal paragraph style, with widow control off. Each paragraph then
 * writes only the groups where it differs, which keeps both docx's work and the XML small.
 */
export interface DocxDefaults {
  halfPoints: number;
  spacing: Spacing;
  indent: Indent;
  alignment: DocxAlignment;
}

/** Every paragraph of the body and the headers, table cells included, in document order. */
export function allParagraphs(body: BodySpec[], extra: ParagraphSpec[] = []): ParagraphSpec[] {
  return [...body.flatMap((spec) => (isTable(spec) ? spec.cells.flat() : [spec])), ...extra];
}

export function chooseDefaults(paragraphs: ParagraphSpec[]): DocxDefaults {
  const sizes = new Tally<number>();
  const spacings = new Tally<Spacing>();
  const indents = new Tally<Indent>();
  const alignments = new Tally<DocxAlignment>();
  for (const p of paragraphs) {
    // the mark and every run carry the paragraph's size
    sizes.add(String(p.halfPoints), p.halfPoints, 1 + p.runs.length);
    spacings.add(spacingKey(p.spacing), p.spacing);
    if (p.indent) indents.add(indentKey(p.indent), p.indent);
    if (p.alignment) alignments.add(p.alignment, p.alignment);
  }
  return {
    halfPoints: sizes.mode() ?? 24,
    spacing: spacings.mode() ?? { before: 0, after: 0, line: 240, lineRule: 'auto' },
    indent: indents.mode() ?? { left: 0, right: 0, firstLine: 0 },
    alignment: alignments.mode() ?? 'left',
  };
}

/**
 * Widow/orphan control is off for every paragraph: the PDF writer cannot do it, and both outputs
 * must break pages at the same lines. It is written into the document's own Normal style, so the
 * result never depends on a consumer's or template's defaults (Word's own Normal switches it on).
 * docx's typings leave widowControl out of style options, but a style's w:pPr is written by the
 * same ParagraphProperties as a paragraph's, which honours it; the tests check it is there.
 */
export function normalStyle(defaults: DocxDefaults): IParagraphStyleOptions {
  const paragraph: IParagraphPropertiesOptions = {
    widowControl: false,
    spacing: toDocxSpacing(defaults.spacing),
    indent: indentAttributes(defaults.indent),
    alignment: defaults.alignment,
  };
  return { id: 'Normal', name: 'Normal', quickFormat: true, paragraph };
}

export function toDocxSpacing(spacing: Spacing) {
  return {
    before: spacing.before,
    after: spacing.after,
    line: spacing.line,
    lineRule: spacing.lineRule === 'exact' ? LineRuleType.EXACT : LineRuleType.AUTO,
  };
}

export function sameSpacing(a: Spacing, b: Spacing): boolean {
  return a.before === b.before && a.after === b.after && a.line === b.line && a.lineRule === b.lineRule;
}

export function sameIndent(a: Indent, b: Indent): boolean {
  return a.left === b.left && a.right === b.right && a.firstLine === b.firstLine;
}

function spacingKey(s: Spacing): string {
  return `${s.before},${s.after},${s.line},${s.lineRule}`;
}

function indentKey(i: Indent): string {
  return `${i.left},${i.right},${i.firstLine}`;
}

/** Counts values by key; the mode is the most counted, the first seen on a tie (deterministic). */
class Tally<T> {
  private readonly counts = new Map<string, { value: T; count: number }>();

  add(key: string, value: T, weight = 1): void {
    const entry = this.counts.get(key);
    if (entry) entry.count += weight;
    else this.counts.set(key, { value, count: weight });
  }

  mode(): T | undefined {
    let best: { value: T; count: number } | undefined;
    for (const entry of this.counts.values()) if (best === undefined || entry.count > best.count) best = entry;
    return best?.value;
  }
}

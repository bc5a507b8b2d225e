import type { BodySpec as LayoutBodySpec, ParagraphSpec as LayoutParagraphSpec } from '../../layout/index.js';
import { toDocxAlignment } from './alignment.js';
import type { BodySpec, ParagraphSpec } from './spec.js';

/** The layout's body in WordprocessingML's terms, one to one. */
export function bodySpecs(body: readonly LayoutBodySpec[]): BodySpec[] {
  return body.map((spec) =>
    spec.kind === 'table' ? { kind: 'table', widths: spec.widthsTwips, cantSplit: spec.cantSplit, cells: spec.cells.map((cell) => cell.map(paragraphSpec)) } : paragraphSpec(spec),
  );
}

function paragraphSpec(spec: LayoutParagraphSpec): ParagraphSpec {
  const { spacing, indent } = spec;
  return {
    spacing: { before: spacing.beforeTwips, after: spacing.afterTwips, line: spacing.lineTwips, lineRule: 'exact' },
    indent: indent && { left: indent.leftTwips, right: indent.rightTwips, firstLine: indent.firstLineTwips },
    alignment: spec.align && toDocxAlignment(spec.align),
    ...(spec.topBorder ? { border: { size: spec.topBorder.eighths, color: spec.topBorder.color } } : {}),
    keepNext: spec.keepWithNext,
    keepLines: spec.keepLines,
    halfPoints: spec.sizeHalfPoints,
    runs: spec.runs,
  };
}

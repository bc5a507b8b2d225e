import { composeDocument, type MeasureTextMm } from './compose/compose.js';
import { checkGlyphCoverage } from './compose/glyph-coverage.js';
import { fontStyleName } from './fonts/font-files.js';
import type { LoadedFamily } from './fonts/load.js';
import { textWidthMm } from './fonts/measure.js';
import type { ConclusionWarning } from './lint/warning.js';
import type { DocumentModel } from './model/document.js';
import type { Conclusion } from './schema/conclusion.js';
import { fieldLocator } from './schema/fields.js';
import { parseConclusion } from './schema/parse.js';
import type { TemplateSet } from './templates/load.js';

/**
 * The pipeline both entries share, IO-free: input → schema → compose → writer. The main entry
 * (src/node/) reads templates and fonts from disk and calls it; `ket-luan/core` (src/core.ts)
 * takes them loaded.
 */

export type OutputFormat = 'docx' | 'pdf';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['docx', 'pdf'];

/** A validated conclusion laid out as the layout-neutral document model every writer renders. */
export interface ComposedConclusion {
  conclusion: Conclusion;
  model: DocumentModel;
  /** The fonts the model was measured with, which the PDF is drawn with. */
  fonts: LoadedFamily;
  /** What the layout had to give way on, e.g. a header line too long to stay on one line. */
  warnings: ConclusionWarning[];
}

/** Text widths measured with the PDF's fonts: the header's columns and rule, the recipients' hanging indent. */
export function measurerFor(fonts: LoadedFamily): MeasureTextMm {
  return (text, sizePt, bold, italic) => textWidthMm(fonts[fontStyleName(bold, italic)], text, sizePt);
}

/** Validates input and lays it out with a template set and fonts. */
export function compose(input: unknown, templates: TemplateSet, fonts: LoadedFamily): ComposedConclusion {
  const conclusion = parseConclusion(input);
  const warnings: ConclusionWarning[] = [];
  const model = composeDocument(conclusion, templates, measurerFor(fonts), (warning) => warnings.push(warning));
  return { conclusion, model, fonts, warnings };
}

/** What a render would still refuse once composed: a character the fonts cannot draw. */
export function checkComposed(composed: ComposedConclusion): void {
  checkGlyphCoverage(composed.model, composed.fonts, fieldLocator(composed.conclusion));
}

/** Writes an already composed conclusion, so several formats share one validation and layout. */
export async function writeComposed(composed: ComposedConclusion, format: OutputFormat, options: { pdfa?: boolean } = {}): Promise<Uint8Array> {
  checkFormat(format);
  // Each writer is loaded when first asked for: a DOCX-only run never pays for the PDF engine.
  if (format === 'docx') {
    const { writeDocx } = await import('./writers/docx/index.js');
    return writeDocx(composed.model);
  }
  checkComposed(composed);
  const { writePdf } = await import('./writers/pdf/index.js');
  return writePdf(composed.model, { fonts: composed.fonts, pdfa: options.pdfa === true });
}

export function checkFormat(format: unknown): asserts format is OutputFormat {
  if (!OUTPUT_FORMATS.includes(format as OutputFormat)) {
    throw new TypeError(`format must be "docx" or "pdf", not ${describeValue(format)}`);
  }
}

/** A value as an option's message shows it. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (ArrayBuffer.isView(value)) return `${value.byteLength} bytes`;
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

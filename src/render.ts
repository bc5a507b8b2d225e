import { composeConclusion, type ComposedConclusion, type ComposeOptions } from './compose-conclusion.js';
import type { FontFiles } from './fonts/font-files.js';
import type { ConclusionWarning } from './lint/warning.js';
import { fieldLocator } from './schema/fields.js';

export type OutputFormat = 'docx' | 'pdf';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['docx', 'pdf'];

export interface RenderOptions extends ComposeOptions {
  format: OutputFormat;
  /** PDF only: write PDF/A-2b, the archival form, with XMP metadata. */
  pdfa?: boolean;
  /**
   * Hears what the layout had to give way on (a header line that must wrap). Never fatal; the
   * checks a clerk wants on the input itself are `lintConclusion`'s.
   */
  onWarning?: (warning: ConclusionWarning) => void;
}

/**
 * Renders a conclusion to DOCX or PDF bytes. The input is validated first: bad input throws
 * `ConclusionValidationError` naming every wrong field, and nothing is rendered.
 */
export async function renderConclusion(input: unknown, options: RenderOptions): Promise<Uint8Array> {
  checkFormat(options.format);
  const composed = composeConclusion(input, options);
  for (const warning of composed.warnings) options.onWarning?.(warning);
  return writeComposed(composed, options.format, options);
}

/** Writes an already composed conclusion, so several formats share one validation and layout. */
export async function writeComposed(
  composed: ComposedConclusion,
  format: OutputFormat,
  options: { fonts?: FontFiles; pdfa?: boolean } = {},
): Promise<Uint8Array> {
  checkFormat(format);
  // Each writer is loaded when first asked for: a DOCX-only run never pays for the PDF engine.
  if (format === 'docx') {
    const { writeDocx } = await import('./writers/docx/index.js');
    return writeDocx(composed.model);
  }
  const { writePdf } = await import('./writers/pdf/index.js');
  return writePdf(composed.model, { fonts: options.fonts, pdfa: options.pdfa, fieldOf: fieldLocator(composed.conclusion) });
}

function checkFormat(format: unknown): asserts format is OutputFormat {
  if (!OUTPUT_FORMATS.includes(format as OutputFormat)) {
    throw new TypeError(`format must be "docx" or "pdf", not ${JSON.stringify(format)}`);
  }
}

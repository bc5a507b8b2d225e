import { composeConclusion, type ComposedConclusion, type ComposeOptions } from './compose-conclusion.js';
import type { FontFiles } from './fonts/font-files.js';
import { fieldLocator } from './schema/fields.js';
import { bytesOrFile } from './node/signing-files.js';
import type { P12SignOptions, SignerSignOptions, SigningSteps } from './sign/index.js';

const mmToPt = (mm: number) => (mm / 25.4) * 72;

function wantsSigning(steps: { signatureField?: unknown; sign?: unknown }): boolean {
  return steps.sign !== undefined || (steps.signatureField !== undefined && steps.signatureField !== false);
}

export type OutputFormat = 'docx' | 'pdf';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['docx', 'pdf'];

export interface RenderOptions extends ComposeOptions {
  format: OutputFormat;
  /** PDF only: write PDF/A-2b, the archival form, with XMP metadata. */
  pdfa?: boolean;
  /**
   * PDF only: an empty signature field over the signing space, for a signing tool to fill; `true`
   * names it "ChuKy".
   */
  signatureField?: boolean | { name?: string };
  /** PDF only: sign the PDF into that field (the field is added when signatureField is not set). */
  sign?: RenderSignOptions;
}

/** The signing options with the P12 as bytes or (from Node) a path. */
export type RenderSignOptions = (Omit<P12SignOptions, 'p12'> & { p12: Uint8Array | string }) | SignerSignOptions;

/**
 * Renders a conclusion to DOCX or PDF bytes. The input is validated first: bad input throws
 * `ConclusionValidationError` naming every wrong field, and nothing is rendered.
 */
export async function renderConclusion(input: unknown, options: RenderOptions): Promise<Uint8Array> {
  checkFormat(options.format);
  if (options.format === 'docx' && wantsSigning(options)) {
    throw new TypeError('signatureField and sign apply to PDF output only; the DOCX carries the signature and seal images alone');
  }
  const sign = options.sign === undefined || !('p12' in options.sign) ? options.sign : { ...options.sign, p12: bytesOrFile('sign.p12', options.sign.p12) };
  return writeComposed(composeConclusion(input, options), options.format, { ...options, sign });
}

/** Writes an already composed conclusion, so several formats share one validation and layout. */
export async function writeComposed(
  composed: ComposedConclusion,
  format: OutputFormat,
  options: { fonts?: FontFiles; pdfa?: boolean } & SigningSteps = {},
): Promise<Uint8Array> {
  checkFormat(format);
  // Each writer is loaded when first asked for: a DOCX-only run never pays for the PDF engine.
  if (format === 'docx') {
    const { writeDocx } = await import('./writers/docx/index.js');
    return writeDocx(composed.model);
  }
  const { writePdfWithPlacements } = await import('./writers/pdf/index.js');
  const pdfOptions = { fonts: options.fonts, pdfa: options.pdfa, fieldOf: fieldLocator(composed.conclusion) };
  const { pdf, placements } = await writePdfWithPlacements(composed.model, pdfOptions);
  if (!wantsSigning(options)) return pdf;
  // Signing is a step on the finished file: loaded only when asked for.
  const { finishSigning } = await import('./sign/index.js');
  return finishSigning(pdf, placements, mmToPt(composed.model.page.heightMm), options);
}

function checkFormat(format: unknown): asserts format is OutputFormat {
  if (!OUTPUT_FORMATS.includes(format as OutputFormat)) {
    throw new TypeError(`format must be "docx" or "pdf", not ${JSON.stringify(format)}`);
  }
}

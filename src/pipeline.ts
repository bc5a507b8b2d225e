import { composeDocument, type MeasureTextMm } from './compose/compose.js';
import type { SigningImages } from './compose/signing-images.js';
import { checkGlyphCoverage } from './compose/glyph-coverage.js';
import { locateCharacter } from './compose/trace-source.js';
import { RunSources } from './compose/provenance.js';
import type { GlyphSource } from './fonts/errors.js';
import { fontStyleName } from './fonts/font-files.js';
import type { LoadedFamily } from './fonts/load.js';
import { textWidthMm } from './fonts/measure.js';
import type { ConclusionWarning } from './lint/warning.js';
import type { DocumentModel, TextRun } from './model/document.js';
import type { Conclusion } from './schema/conclusion.js';
import { parseConclusion } from './schema/parse.js';
import type { SigningSteps } from './sign/index.js';
import type { TemplateSet } from './templates/load.js';

/**
 * The pipeline both entries share, IO-free: input → schema → compose → writer. The main entry
 * (src/node/) reads templates and fonts from disk and calls it; `ket-luan/core` (src/core.ts)
 * takes them loaded.
 */

export type OutputFormat = 'docx' | 'pdf';
const OUTPUT_FORMATS: readonly OutputFormat[] = ['docx', 'pdf'];

/** A validated conclusion laid out as the layout-neutral document model every writer renders. */
export interface ComposedConclusion {
  conclusion: Conclusion;
  model: DocumentModel;
  /** The fonts the model was measured with, which the PDF is drawn with. */
  fonts: LoadedFamily;
  /**
   * What the layout had to give way on, e.g. a header line too long to stay on one line, after
   * the template set's warnings (a file in the templates folder that nothing uses).
   */
  warnings: ConclusionWarning[];
}

/** Text widths measured with the PDF's fonts: the header's columns and rule, the recipients' hanging indent. */
function measurerFor(fonts: LoadedFamily): MeasureTextMm {
  return (text, sizePt, bold, italic) => textWidthMm(fonts[fontStyleName(bold, italic)], text, sizePt);
}

/** Validates input and lays it out with a template set, fonts and the signing space's images (PNG bytes). */
export function compose(input: unknown, templates: TemplateSet, fonts: LoadedFamily, images: SigningImages = {}): ComposedConclusion {
  const conclusion = parseConclusion(input);
  // the templates folder's warnings first: they concern every document rendered with it
  const warnings: ConclusionWarning[] = [...templates.warnings];
  const present: SigningImages = {
    ...(images.signatureImage !== undefined && { signatureImage: images.signatureImage }),
    ...(images.sealImage !== undefined && { sealImage: images.sealImage }),
  };
  const sources = new RunSources();
  const model = composeDocument(conclusion, templates, measurerFor(fonts), (warning) => warnings.push(warning), present, sources);
  locators.set(model, (run, character) => locateCharacter(sources.of(run), character, conclusion, templates));
  return { conclusion, model, fonts, warnings };
}

/**
 * Where each composed model's characters came from, kept beside the model rather than in it (or in
 * the public ComposedConclusion): the writers render the model and never see a field's name.
 */
const locators = new WeakMap<DocumentModel, (run: TextRun, character: string) => GlyphSource>();

/** What a render would still refuse once composed: a character the fonts cannot draw, named with the field it came from. */
export function checkComposed(composed: ComposedConclusion): void {
  checkGlyphCoverage(composed.model, composed.fonts, locators.get(composed.model));
}

/** Writes an already composed conclusion, so several formats share one validation and layout. */
export async function writeComposed(composed: ComposedConclusion, format: OutputFormat, options: { pdfa?: boolean } & SigningSteps = {}): Promise<Uint8Array> {
  checkFormat(format);
  // Each writer is loaded when first asked for: a DOCX-only run never pays for the PDF engine.
  if (format === 'docx') {
    const { writeDocx } = await import('./writers/docx/index.js');
    return writeDocx(composed.model);
  }
  checkComposed(composed);
  const pdfOptions = { fonts: composed.fonts, pdfa: options.pdfa === true };
  const wantsField = options.sign !== undefined || (options.signatureField !== undefined && options.signatureField !== false);
  if (!wantsField) {
    const { writePdf } = await import('./writers/pdf/index.js');
    return writePdf(composed.model, pdfOptions);
  }
  const { writePdfWithPlacements } = await import('./writers/pdf/index.js');
  const { pdf, placements } = await writePdfWithPlacements(composed.model, pdfOptions);
  // Signing is a step on the finished file: loaded only when asked for.
  const { finishSigning } = await import('./sign/index.js');
  return finishSigning(pdf, placements, (composed.model.page.heightMm / 25.4) * 72, options);
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

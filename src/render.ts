import { composeDocument, type MeasureTextMm } from './compose/compose.js';
import { defaultFontFiles, fontStyleName, type FontFiles } from './fonts/font-files.js';
import { loadFamily } from './fonts/load.js';
import { textWidthMm } from './fonts/measure.js';
import type { DocumentModel } from './model/document.js';
import type { Conclusion } from './schema/conclusion.js';
import { fieldLocator } from './schema/fields.js';
import { parseConclusion } from './schema/parse.js';
import { loadTemplates } from './templates/load.js';
import { writeDocx } from './writers/docx/index.js';
import { writePdf } from './writers/pdf/index.js';

export type OutputFormat = 'docx' | 'pdf';

export interface ComposeOptions {
  /** A folder laid out like the package's `templates/` whose files shadow the defaults. */
  templates?: string;
  /** The layout profile's name; default "ket-luan-hd36". */
  profile?: string;
  /**
   * TTF files for the PDF and for measuring text (e.g. a real Times New Roman);
   * default: the shipped Liberation Serif 2, metric-compatible with Times New Roman.
   */
  fonts?: FontFiles;
}

export interface RenderOptions extends ComposeOptions {
  format: OutputFormat;
  /** PDF only: write PDF/A-2b, the archival form, with XMP metadata. */
  pdfa?: boolean;
}

/** Text widths measured with the PDF's fonts, so the header rule fits its heading exactly. */
function measurerFor(files: FontFiles): MeasureTextMm {
  const family = loadFamily(files);
  return (text, sizePt, bold, italic) => textWidthMm(family[fontStyleName(bold, italic)], text, sizePt);
}

/** Validates input and lays it out as the layout-neutral document model every writer renders. */
export function composeConclusion(input: unknown, options: ComposeOptions = {}): { conclusion: Conclusion; model: DocumentModel } {
  const conclusion = parseConclusion(input);
  const set = loadTemplates({ templates: options.templates, profile: options.profile });
  const model = composeDocument(conclusion, set, measurerFor(options.fonts ?? defaultFontFiles()));
  return { conclusion, model };
}

/**
 * Renders a conclusion to DOCX or PDF bytes. The input is validated first: bad input throws
 * `ConclusionValidationError` naming every wrong field, and nothing is rendered.
 */
export async function renderConclusion(input: unknown, options: RenderOptions): Promise<Uint8Array> {
  if (options.format !== 'docx' && options.format !== 'pdf') {
    throw new TypeError(`format must be "docx" or "pdf", not ${JSON.stringify(options.format)}`);
  }
  const { conclusion, model } = composeConclusion(input, options);
  if (options.format === 'docx') return writeDocx(model);
  return writePdf(model, { fonts: options.fonts, pdfa: options.pdfa, fieldOf: fieldLocator(conclusion) });
}

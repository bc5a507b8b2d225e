import { composeDocument, type MeasureTextMm } from './compose/compose.js';
import { defaultFontFiles, fontStyleName, type FontFiles } from './fonts/font-files.js';
import { loadFont } from './fonts/load.js';
import { textWidthMm } from './fonts/measure.js';
import type { ConclusionWarning } from './lint/warning.js';
import type { DocumentModel } from './model/document.js';
import type { Conclusion } from './schema/conclusion.js';
import { parseConclusion } from './schema/parse.js';
import { loadTemplates } from './templates/load.js';

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

export interface ComposedConclusion {
  conclusion: Conclusion;
  model: DocumentModel;
  /** What the layout had to give way on, e.g. a header line too long to stay on one line. */
  warnings: ConclusionWarning[];
}

/** Text widths measured with the PDF's fonts: the header's columns and rule, the recipients' hanging indent. */
export function measurerFor(files: FontFiles): MeasureTextMm {
  return (text, sizePt, bold, italic) => textWidthMm(loadFont(files[fontStyleName(bold, italic)]), text, sizePt);
}

/** Validates input and lays it out as the layout-neutral document model every writer renders. */
export function composeConclusion(input: unknown, options: ComposeOptions = {}): ComposedConclusion {
  const conclusion = parseConclusion(input);
  const set = loadTemplates({ templates: options.templates, profile: options.profile });
  const warnings: ConclusionWarning[] = [];
  const model = composeDocument(conclusion, set, measurerFor(options.fonts ?? defaultFontFiles()), (warning) => warnings.push(warning));
  return { conclusion, model, warnings };
}

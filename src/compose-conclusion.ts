import { composeDocument, type MeasureTextMm } from './compose/compose.js';
import { defaultFontFiles, fontStyleName, type FontFiles } from './fonts/font-files.js';
import { loadFont } from './fonts/load.js';
import { textWidthMm } from './fonts/measure.js';
import type { DocumentModel } from './model/document.js';
import type { Conclusion } from './schema/conclusion.js';
import { parseConclusion } from './schema/parse.js';
import type { TemplateWarning } from './templates/errors.js';
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
  /**
   * Called with each warning about the `templates` folder: a file or folder in it that is not
   * used and was probably meant to be (`titel.hbs`, a file outside any profile folder). The
   * document is rendered all the same. `loadTemplates(…).warnings` lists them too.
   */
  onWarning?: (warning: TemplateWarning) => void;
}

export interface ComposedConclusion {
  conclusion: Conclusion;
  model: DocumentModel;
}

/** Text widths measured with the PDF's fonts, so the header rule fits its heading exactly. */
function measurerFor(files: FontFiles): MeasureTextMm {
  return (text, sizePt, bold, italic) => textWidthMm(loadFont(files[fontStyleName(bold, italic)]), text, sizePt);
}

/** Validates input and lays it out as the layout-neutral document model every writer renders. */
export function composeConclusion(input: unknown, options: ComposeOptions = {}): ComposedConclusion {
  const conclusion = parseConclusion(input);
  const set = loadTemplates({ templates: options.templates, profile: options.profile });
  if (options.onWarning) for (const warning of set.warnings) options.onWarning(warning);
  const model = composeDocument(conclusion, set, measurerFor(options.fonts ?? defaultFontFiles()));
  return { conclusion, model };
}

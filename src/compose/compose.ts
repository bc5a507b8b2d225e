import type { WarningSink } from '../lint/warning.js';
import type { Block, DocumentModel } from '../model/document.js';
import type { Conclusion } from '../schema/conclusion.js';
import { ConclusionValidationError } from '../schema/errors.js';
import { parseIsoDate, toTimestamp } from '../text/calendar.js';
import { TemplateError } from '../templates/errors.js';
import type { TemplateSet } from '../templates/load.js';
import { composeBody, composeClosing } from './body.js';
import { templateContext } from './context.js';
import { composeFooter } from './footer.js';
import type { SigningImages } from './signing-images.js';
import { composeHeader, type MeasureTextMm } from './header.js';
import { checkNumbering } from './numbering-limits.js';
import { MissingPhraseError, resolvePhrases, type Phrases } from './phrases.js';
import { sourceName } from './trace-source.js';
import { RunSources } from './provenance.js';
import { composeTitle } from './title.js';

export type { MeasureTextMm };

/**
 * Lays a validated conclusion out as a document model, with the phrases and layout of a template set.
 * `warn` hears of what the document had to give way on (a header line that wraps); `sources`
 * records where each text run came from, beside the model.
 */
export function composeDocument(
  conclusion: Conclusion,
  set: TemplateSet,
  measure: MeasureTextMm,
  warn: WarningSink = () => {},
  images: SigningImages = {},
  sources: RunSources = new RunSources(),
): DocumentModel {
  const { profile } = set;
  checkNumbering(conclusion, profile);
  const context = templateContext(conclusion, profile);
  const phrases = withFieldErrors(() => resolvePhrases(conclusion, set, context));
  const body = withFieldErrors(() => composeBody(conclusion, profile, phrases, sources));
  const closing = composeClosing(profile, phrases, sources);
  // The signature must not stand alone on a page: the last body paragraph travels with it.
  const lastText = closing.length > 0 ? closing : body;
  const last = lastText[lastText.length - 1];
  if (last) last.style = { ...last.style, keepWithNext: true, keepLines: true };

  const blocks: Block[] = [
    composeHeader(conclusion, profile, phrases, measure, warn, sources, (source) => sourceName(source, conclusion, set)),
    ...composeTitle(profile, phrases, sources),
    ...body,
    ...closing,
    composeFooter(conclusion, profile, phrases, measure, images, sources),
  ];
  return {
    page: profile.page,
    font: profile.font,
    pageNumbers: profile.pageNumbers.enabled
      ? { sizePt: profile.pageNumbers.sizePt, onFirstPage: profile.pageNumbers.onFirstPage, fromTopMm: profile.pageNumbers.fromTopMm, align: profile.pageNumbers.align }
      : null,
    metadata: metadataOf(conclusion, phrases, profile.language),
    blocks,
  };
}

function metadataOf(conclusion: Conclusion, phrases: Phrases, language: string) {
  const summary = phrases.summary.join(' ').replace(/\*/g, '');
  return {
    title: `${phrases.title} ${summary}`,
    author: conclusion.issuer.name,
    subject: summary,
    keywords: [phrases.title, conclusion.issuer.name, phrases.number.replace(/\s+/g, ' ')],
    date: toTimestamp(parseIsoDate(conclusion.date)),
    language,
  };
}

/**
 * Template variables that come from optional input fields, so that their absence is the input's
 * fault. A Map, not an object: the variable's name comes from the template, and a name such as
 * "constructor" must not find Object.prototype's members.
 */
const OPTIONAL_INPUT_VARIABLES = new Map<string, string[]>([
  ['unit', ['issuer', 'unit']],
  ['superior', ['issuer', 'superior']],
]);

/** A file's name without its folder, on any system ("/a/b/opening.hbs", "C:\\t\\opening.hbs"). */
function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

function withFieldErrors<T>(make: () => T): T {
  try {
    return make();
  } catch (error) {
    if (error instanceof MissingPhraseError) {
      throw new ConclusionValidationError([
        { path: [error.field], field: error.field, message: error.message.slice(error.field.length + 2), messageVi: 'chưa có, và mẫu của nó cần "meeting" (tháng và năm của hội nghị)' },
      ]);
    }
    const path = error instanceof TemplateError && error.missingVariable !== undefined ? OPTIONAL_INPUT_VARIABLES.get(error.missingVariable) : undefined;
    if (error instanceof TemplateError && path) {
      const field = path.join('.');
      throw new ConclusionValidationError([
        {
          path,
          field,
          message: `is required: the template ${baseName(error.file)} uses it, and it cannot be read off issuer.name`,
          messageVi: `là bắt buộc: mẫu ${baseName(error.file)} cần nó, và không suy ra được từ issuer.name`,
        },
      ]);
    }
    throw error;
  }
}

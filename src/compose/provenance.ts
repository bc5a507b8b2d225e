import type { Run, TextRun } from '../model/document.js';
import type { TemplateName } from '../templates/files.js';

/**
 * Where a piece of the document's text came from, recorded as compose builds each run, so that an
 * error found later (a character the font lacks) names the input field exactly instead of
 * searching the input for the text.
 */
export type TextSource =
  /** An input field, e.g. "sections[1].content[2].text", as given or in capitals. */
  | { kind: 'field'; field: string }
  /** A template's output, which may hold the values of input fields (see trace-source.ts). */
  | { kind: 'template'; template: TemplateName }
  /** A value of the profile: a list marker, a numbering label, the star under the issuer. */
  | { kind: 'setting'; setting: string }
  /** Text joined from several sources before it was split into runs (a template's lead before a field). */
  | { kind: 'joined'; parts: readonly { source: TextSource; text: string }[] };

export const fromField = (field: string): TextSource => ({ kind: 'field', field });
export const fromTemplate = (template: TemplateName): TextSource => ({ kind: 'template', template });
export const fromSetting = (setting: string): TextSource => ({ kind: 'setting', setting });

/**
 * The source of each text run compose made: a side table beside the document model, so the model
 * (and the writers, which render it) never carry a conclusion's field names.
 */
export class RunSources {
  readonly #sources = new WeakMap<TextRun, TextSource>();

  /** Records `source` for every text run of `runs`, and gives the runs back. */
  tag<T extends readonly Run[]>(runs: T, source: TextSource): T {
    for (const run of runs) if (run.kind === 'text') this.#sources.set(run, source);
    return runs;
  }

  /** Records `source` for every text run of a paragraph, and gives the paragraph back. */
  block<T extends { runs: readonly Run[] }>(block: T, source: TextSource): T {
    this.tag(block.runs, source);
    return block;
  }

  of(run: TextRun): TextSource | undefined {
    return this.#sources.get(run);
  }
}

/** A problem in a template or profile file; the message names the file (and line or key). */
export class TemplateError extends Error {
  readonly file: string;
  /** For a variable the template names but the context lacks: its name, e.g. "unit". */
  readonly missingVariable: string | undefined;

  constructor(file: string, detail: string, missingVariable?: string) {
    super(`${file}: ${detail}`);
    this.name = 'TemplateError';
    this.file = file;
    this.missingVariable = missingVariable;
  }
}

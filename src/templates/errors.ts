/** A problem in a template or profile file; the message names the file (and line or key). */
export class TemplateError extends Error {
  readonly file: string;

  constructor(file: string, detail: string) {
    super(`${file}: ${detail}`);
    this.name = 'TemplateError';
    this.file = file;
  }
}

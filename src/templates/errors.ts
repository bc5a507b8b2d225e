/** What is wrong, in English and in Vietnamese; a plain string is used for both. */
export type TemplateDetail = string | { en: string; vi: string };

/** A problem in a template or profile file; the message names the file (and line or key). */
export class TemplateError extends Error {
  readonly file: string;
  /** For a variable the template names but the context lacks: its name, e.g. "unit". */
  readonly missingVariable: string | undefined;
  /** The same message in Vietnamese, naming the same file. */
  readonly messageVi: string;

  constructor(file: string, detail: TemplateDetail, missingVariable?: string) {
    const { en, vi } = typeof detail === 'string' ? { en: detail, vi: detail } : detail;
    super(`${file}: ${en}`);
    this.name = 'TemplateError';
    this.file = file;
    this.missingVariable = missingVariable;
    this.messageVi = `${file}: ${vi}`;
  }
}

/**
 * Something in a templates folder that is not used and probably meant to be: a misspelt template
 * file, a file outside any profile folder, a folder that is not a profile. Rendering goes on.
 */
export interface TemplateWarning {
  /** The file or folder it is about. */
  file: string;
  /** `<file>: <what is wrong>`, as a TemplateError's message. */
  message: string;
  messageVi: string;
}

export function templateWarning(file: string, detail: { en: string; vi: string }): TemplateWarning {
  return { file, message: `${file}: ${detail.en}`, messageVi: `${file}: ${detail.vi}` };
}

import { ERROR_CODES, hasErrorCode } from '../errors.js';

interface TemplateErrorDetails {
  /** The detail in Vietnamese; without it, the Vietnamese message frames the English detail. */
  detailVi?: string;
  /** For a variable the template names but the context lacks: its name, e.g. "unit". */
  missingVariable?: string;
}

/** A problem in a template or profile file; the message names the file (and line or key). */
export class TemplateError extends Error {
  readonly code: typeof ERROR_CODES.template = ERROR_CODES.template;
  readonly file: string;
  /** For a variable the template names but the context lacks: its name, e.g. "unit". */
  readonly missingVariable: string | undefined;
  /** The same message in Vietnamese. */
  readonly messageVi: string;

  constructor(file: string, detail: string, details: TemplateErrorDetails = {}) {
    super(`${file}: ${detail}`);
    this.name = 'TemplateError';
    this.file = file;
    this.missingVariable = details.missingVariable;
    this.messageVi = `${file}: ${details.detailVi ?? `lỗi trong mẫu văn bản hoặc hồ sơ: ${detail}`}`;
  }
}

/** Whether `error` is a TemplateError, from any copy of the package (ESM or CommonJS). */
export function isTemplateError(error: unknown): error is TemplateError {
  return hasErrorCode(error, ERROR_CODES.template);
}

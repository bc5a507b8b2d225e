import type { ValidationProblem } from '../schema/errors.js';
import { displayPath } from './display-path.js';
import type { Lang } from './messages.js';

/**
 * An error as lines for the terminal, each starting with the input's name:
 * `2024-11.json: signature.name: Invalid input: expected string, received undefined`
 * (`… signature.name: là bắt buộc` in Vietnamese: the library's errors carry `messageVi`).
 *
 * Errors are recognised by name and shape rather than `instanceof`, so that an error thrown by
 * another copy of a class (another bundle chunk) is still told apart.
 */
export function describeError(inputName: string, error: unknown, lang: Lang, cwd: string): string[] {
  const problems = validationProblemsOf(error);
  if (problems) return problems.map((p) => `${inputName}: ${p.field}: ${lang === 'vi' && p.messageVi ? p.messageVi : p.message}`);
  return [`${inputName}: ${describeLibraryError(error, lang, cwd)}`];
}

function validationProblemsOf(error: unknown): ValidationProblem[] | null {
  if (!(error instanceof Error) || error.name !== 'ConclusionValidationError') return null;
  const problems = (error as Error & { problems?: unknown }).problems;
  return Array.isArray(problems) ? (problems as ValidationProblem[]) : null;
}

/** The error's message in the language asked for: its `messageVi` when it has one. */
export function messageIn(error: Error, lang: Lang): string {
  const vi = (error as Error & { messageVi?: unknown }).messageVi;
  return lang === 'vi' && typeof vi === 'string' && vi !== '' ? vi : error.message;
}

/**
 * Any error of the library or of the command, in words. A template error starts with its file's
 * absolute path: shown relative to the current folder.
 */
export function describeLibraryError(error: unknown, lang: Lang, cwd: string): string {
  if (!(error instanceof Error)) return String(error);
  const message = messageIn(error, lang);
  const file = (error as Error & { file?: unknown }).file;
  if (typeof file === 'string' && message.startsWith(`${file}: `)) {
    return `${displayPath(file, cwd)}: ${message.slice(file.length + 2)}`;
  }
  return message || error.name;
}

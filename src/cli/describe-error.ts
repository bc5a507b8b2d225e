import type { ValidationProblem } from '../schema/errors.js';
import { displayPath } from './display-path.js';

/**
 * An error as lines for the terminal, each starting with the input's name:
 * `2024-11.json: signature.name: Invalid input: expected string, received undefined`.
 *
 * Errors are recognised by name and shape rather than `instanceof`, so that an error thrown by
 * another copy of a class (another bundle chunk) is still told apart.
 */
export function describeError(inputName: string, error: unknown): string[] {
  const problems = validationProblemsOf(error);
  if (problems) return problems.map((p) => `${inputName}: ${p.field}: ${p.message}`);
  return [`${inputName}: ${describeOther(error)}`];
}

export function validationProblemsOf(error: unknown): ValidationProblem[] | null {
  if (!(error instanceof Error) || error.name !== 'ConclusionValidationError') return null;
  const problems = (error as Error & { problems?: unknown }).problems;
  return Array.isArray(problems) ? (problems as ValidationProblem[]) : null;
}

/** A template error starts with its file's absolute path; show it relative to the current folder. */
export function describeTemplateError(error: Error & { file?: unknown }): string {
  const file = typeof error.file === 'string' ? error.file : null;
  if (file !== null && error.message.startsWith(`${file}: `)) {
    return `${displayPath(file)}: ${error.message.slice(file.length + 2)}`;
  }
  return error.message;
}

function describeOther(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TemplateError') return describeTemplateError(error);
  if (error.name === 'InputError' || error.name === 'WriteError' || error.name === 'FontError') return error.message;
  return error.message || error.name;
}

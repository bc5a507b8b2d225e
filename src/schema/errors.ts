import type { z } from 'zod';
import { ERROR_CODES, hasErrorCode } from '../errors.js';

export interface ValidationProblem {
  /** Where the problem is, e.g. ["signature", "name"]. */
  path: (string | number)[];
  /** The path as written in messages, e.g. "sections[0].content[2].text"; "(input)" for the root. */
  field: string;
  message: string;
  /** The same problem in Vietnamese. */
  messageVi: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(input)';
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`))
    .join('');
}

/** Thrown when input is not a valid conclusion; lists every problem with its field. */
export class ConclusionValidationError extends Error {
  readonly code: typeof ERROR_CODES.validation = ERROR_CODES.validation;
  readonly problems: ValidationProblem[];

  constructor(problems: ValidationProblem[], source?: string) {
    const prefix = source ? `${source}: ` : '';
    super(
      `Invalid conclusion (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  ${prefix}${p.field}: ${p.message}`).join('\n'),
    );
    this.name = 'ConclusionValidationError';
    this.problems = problems;
  }

  /** The problems in Vietnamese, one per line. */
  get messageVi(): string {
    return this.problems.map((p) => `${p.field}: ${p.messageVi}`).join('\n');
  }
}

/** Whether `error` is a ConclusionValidationError, from any copy of the package (ESM or CommonJS). */
export function isConclusionValidationError(error: unknown): error is ConclusionValidationError {
  return hasErrorCode(error, ERROR_CODES.validation);
}

/**
 * A union (a section item is a paragraph string or a point object) that fails reports only
 * "invalid input". Where exactly one of its options had the right type, that option's own
 * problems say what is really wrong, at their own fields: use them instead.
 */
export function expandUnionIssues(issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[] = []): z.core.$ZodIssue[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && 'errors' in issue && Array.isArray(issue.errors)) {
      const typed = issue.errors.filter((option) => !(option.length === 1 && option[0]!.code === 'invalid_type' && option[0]!.path.length === 0));
      if (typed.length === 1) return expandUnionIssues(typed[0]!, path);
    }
    return [{ ...issue, path }];
  });
}

export function problemsFromZod(englishIssues: z.core.$ZodIssue[], vietnameseIssues: z.core.$ZodIssue[]): ValidationProblem[] {
  const english = expandUnionIssues(englishIssues);
  const vietnamese = expandUnionIssues(vietnameseIssues);
  return english.map((issue, i) => {
    const path = issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k));
    const vi = vietnamese[i];
    const viParam = (issue as { params?: { vi?: unknown } }).params?.vi;
    return {
      path,
      field: formatPath(path),
      message: issue.message,
      messageVi: typeof viParam === 'string' ? viParam : (vi?.message ?? issue.message),
    };
  });
}

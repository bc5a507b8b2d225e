import type { z } from 'zod';

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

export function problemsFromZod(english: z.core.$ZodIssue[], vietnamese: z.core.$ZodIssue[]): ValidationProblem[] {
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

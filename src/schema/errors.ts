import { distance } from 'fastest-levenshtein';
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
    .map((key, i) => {
      if (typeof key === 'number') return `[${key}]`;
      const name = String(key);
      // A key that would not read as one name (empty, with a dot, a bracket or a space) is quoted.
      if (!/^[^\s.[\]"]+$/.test(name)) return `[${JSON.stringify(name)}]`;
      return i === 0 ? name : `.${name}`;
    })
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
function expandUnionIssues(issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[] = []): z.core.$ZodIssue[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && 'errors' in issue && Array.isArray(issue.errors)) {
      const typed = issue.errors.filter((option) => !(option.length === 1 && option[0]!.code === 'invalid_type' && option[0]!.path.length === 0));
      if (typed.length === 1) return expandUnionIssues(typed[0]!, path);
    }
    return [{ ...issue, path }];
  });
}

export function problemsFromZod(
  englishIssues: z.core.$ZodIssue[],
  vietnameseIssues: z.core.$ZodIssue[],
  /** The schema and the input it checked: they name the keys an unknown key could have meant. */
  checked?: { schema: z.core.$ZodType; input: unknown },
): ValidationProblem[] {
  const english = expandUnionIssues(englishIssues);
  const vietnamese = expandUnionIssues(vietnameseIssues);
  return english.flatMap((issue, i) => {
    const path = issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k));
    if (issue.code === 'unrecognized_keys') {
      const known = checked ? knownKeysAt(checked.schema, checked.input, path) : undefined;
      return issue.keys.map((key) => unknownKeyProblem([...path, key], key, known));
    }
    const vi = vietnamese[i];
    const viParam = (issue as { params?: { vi?: unknown } }).params?.vi;
    return [
      {
        path,
        field: formatPath(path),
        message: issue.message,
        messageVi: typeof viParam === 'string' ? viParam : (vi?.message ?? issue.message),
      },
    ];
  });
}

/**
 * An unknown key is a problem of its own, on the key's own field, with the known key it most
 * likely misspells ("palce: unknown field; did you mean place?") or, failing one, every known key.
 */
function unknownKeyProblem(path: (string | number)[], key: string, known: string[] | undefined): ValidationProblem {
  const suggestion = known && nearestKey(key, known);
  const field = formatPath(path);
  if (suggestion !== undefined) {
    return { path, field, message: `unknown field; did you mean ${suggestion}?`, messageVi: `trường không xác định; có phải là ${suggestion}?` };
  }
  const list = known && known.length > 0 ? known.join(', ') : undefined;
  return {
    path,
    field,
    message: list ? `unknown field (known fields here: ${list})` : 'unknown field',
    messageVi: list ? `trường không xác định (các trường hợp lệ ở đây: ${list})` : 'trường không xác định',
  };
}

/**
 * The known key a misspelt one most likely meant: the same letters in another case, else the
 * nearest by edit distance when at most two edits and no more than half its letters differ
 * ("palce" → "place", "sumary" → "summary"), else the one key it begins ("seq" → "sequence").
 */
export function nearestKey(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  const sameLetters = known.find((k) => k.toLowerCase() === lower);
  if (sameLetters !== undefined) return sameLetters;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = distance(lower, candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  if (best !== undefined && bestDistance <= 2 && bestDistance * 2 <= key.length) return best;
  const extended = lower.length >= 3 ? known.filter((k) => k.toLowerCase().startsWith(lower)) : [];
  return extended.length === 1 ? extended[0] : undefined;
}

/**
 * The keys the schema allows on the object at `path`, following the input where the schema
 * offers a choice (a section item is a string or a point).
 */
function knownKeysAt(schema: z.core.$ZodType, input: unknown, path: readonly (string | number)[]): string[] | undefined {
  let node: z.core.$ZodType | undefined = schema;
  let value = input;
  for (let step = 0; ; ) {
    node = node && unwrap(node, value);
    if (node === undefined) return undefined;
    const def = node._zod.def as unknown as { type: string; shape?: Record<string, z.core.$ZodType>; element?: z.core.$ZodType };
    if (step === path.length) return def.type === 'object' && def.shape ? Object.keys(def.shape) : undefined;
    const key = path[step++]!;
    value = typeof value === 'object' && value !== null ? (value as Record<string | number, unknown>)[key] : undefined;
    if (def.type === 'object' && typeof key === 'string' && def.shape && Object.hasOwn(def.shape, key)) node = def.shape[key];
    else if (def.type === 'array' && typeof key === 'number') node = def.element;
    else return undefined;
  }
}

/** The schema under wrappers (optional, nullable, pipes), and the object option of a union for an object value. */
function unwrap(schema: z.core.$ZodType, value: unknown): z.core.$ZodType | undefined {
  let node = schema;
  for (let depth = 0; depth < 20; depth++) {
    const def = node._zod.def as unknown as { type: string; innerType?: z.core.$ZodType; in?: z.core.$ZodType; options?: z.core.$ZodType[] };
    if (def.innerType) node = def.innerType;
    else if (def.type === 'pipe' && def.in) node = def.in;
    else if (def.type === 'union' && def.options) {
      const wanted = Array.isArray(value) ? 'array' : typeof value === 'object' && value !== null ? 'object' : undefined;
      const option = def.options.map((o) => unwrap(o, value)).find((o) => o !== undefined && o._zod.def.type === wanted);
      if (option === undefined) return undefined;
      node = option;
    } else return node;
  }
  return undefined;
}

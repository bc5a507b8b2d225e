import { z } from 'zod';
import { conclusionSchema, type Conclusion } from './conclusion.js';
import { ConclusionValidationError, problemsFromZod } from './errors.js';

// Through `z.locales`, which both the ESM and the CommonJS builds resolve the same way.
const vietnamese = z.locales.vi();

/** "is required" reads better than zod's "expected string, received undefined" for a missing field. */
function missingAs(message: string, fallback?: z.core.$ZodErrorMap): z.core.$ZodErrorMap {
  return (issue) => {
    if (issue.code === 'invalid_type' && issue.input === undefined) return message;
    return fallback?.(issue);
  };
}

/**
 * Validates unknown input into a `Conclusion` (text normalised to NFC).
 * Throws `ConclusionValidationError` listing every problem, in English and Vietnamese.
 */
export function parseConclusion(input: unknown): Conclusion {
  const result = conclusionSchema.safeParse(input, { error: missingAs('is required') });
  if (result.success) return result.data;
  const inVietnamese = conclusionSchema.safeParse(input, { error: missingAs('là bắt buộc', vietnamese.localeError as z.core.$ZodErrorMap) });
  const viIssues = inVietnamese.success ? [] : inVietnamese.error.issues;
  throw new ConclusionValidationError(problemsFromZod(result.error.issues, viIssues, { schema: conclusionSchema, input }));
}

import { z } from 'zod';
import { characterProblems, invisibilityProblem } from './text-rules.js';

/** Canonical form of every text the library accepts: NFC, CRLF, CR and U+2028/U+2029 folded to LF. */
function normaliseText(text: string): string {
  return text.replace(/\r\n?|[\u2028\u2029]/g, '\n').normalize('NFC');
}

/**
 * A text field: its characters are checked on the input as given (so the position in a message
 * is the user's, and a run of combining marks too long to normalise quickly stops here), then it
 * is normalised and must show something. `overwrite` rather than `transform` keeps the schema a
 * plain string, so a union reports this field's own problem, not "invalid input".
 * A multiline field is a paragraph, whose `**` and `*` are read as emphasis.
 */
export function textField(options: { multiline?: boolean; maxLength?: number } = {}) {
  const multiline = options.multiline ?? false;
  const maxLength = options.maxLength ?? 2_000_000;
  return z
    .string()
    .check((ctx) => {
      for (const problem of characterProblems(ctx.value, { multiline })) {
        ctx.issues.push({
          code: 'custom',
          input: ctx.value,
          // A fatal problem stops the checks after it, normalising included.
          continue: !problem.fatal,
          message: problem.message,
          params: { vi: problem.messageVi },
        });
      }
    })
    .overwrite(normaliseText)
    .refine((s) => s.trim().length > 0, {
      message: 'must not be empty',
      params: { vi: 'không được để trống' },
      abort: true,
    })
    .check((ctx) => {
      // A text already wrong in its characters needs no second message for the same characters.
      if (ctx.issues.length > 0) return;
      const problem = invisibilityProblem(ctx.value, { markup: multiline });
      if (problem) ctx.issues.push({ code: 'custom', input: ctx.value, continue: true, message: problem.message, params: { vi: problem.messageVi } });
    })
    .refine((s) => s.length <= maxLength, {
      message: `must be at most ${maxLength} characters`,
      params: { vi: `không được dài quá ${maxLength} ký tự` },
    });
}

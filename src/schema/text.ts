import { z } from 'zod';

/**
 * Characters a document cannot hold or show: C0 controls other than tab and newline, DEL and the
 * C1 controls, the byte-order mark, U+FFFE, U+FFFF and lone surrogates. Carriage returns and the
 * Unicode line and paragraph separators are accepted and read as newlines.
 */
// Without the u flag, so that lone surrogates are seen as the code units they are.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFEFF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function findForbiddenCharacter(text: string): { index: number; codePoint: number } | null {
  const match = FORBIDDEN.exec(text);
  if (!match) return null;
  return { index: match.index, codePoint: match[0].charCodeAt(0) };
}

export function describeCodePoint(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Canonical form of every text the library accepts: NFC, CRLF, CR and U+2028/U+2029 folded to LF. */
export function normaliseText(text: string): string {
  return text.replace(/\r\n?|[\u2028\u2029]/g, '\n').normalize('NFC');
}

/**
 * A text field: checked for characters a DOCX cannot hold (on the input as given, so the
 * position in the message is the user's), then normalised. `overwrite` rather than `transform`
 * keeps the schema a plain string, so a union reports this field's own problem, not "invalid input".
 */
export function textField(options: { multiline?: boolean; maxLength?: number } = {}) {
  const maxLength = options.maxLength ?? 2_000_000;
  return z
    .string()
    .check((ctx) => {
      const bad = findForbiddenCharacter(ctx.value);
      if (bad) {
        const cp = describeCodePoint(bad.codePoint);
        ctx.issues.push({
          code: 'custom',
          input: ctx.value,
          continue: true,
          message: `contains the character ${cp} at position ${bad.index}, which a document cannot hold`,
          params: { vi: `chứa ký tự ${cp} ở vị trí ${bad.index}, không thể đưa vào văn bản` },
        });
      }
      if (!options.multiline && /[\r\n\u2028\u2029]/.test(ctx.value)) {
        ctx.issues.push({
          code: 'custom',
          input: ctx.value,
          continue: true,
          message: 'must be a single line',
          params: { vi: 'phải nằm trên một dòng' },
        });
      }
    })
    .overwrite(normaliseText)
    .refine((s) => s.trim().length > 0, {
      message: 'must not be empty',
      params: { vi: 'không được để trống' },
    })
    .refine((s) => s.length <= maxLength, {
      message: `must be at most ${maxLength} characters`,
      params: { vi: `không được dài quá ${maxLength} ký tự` },
    });
}

/**
 * The stable codes of the library's errors. A code survives what `instanceof` does not: an
 * error thrown by the CommonJS build is not an instance of the ESM build's class, nor is one
 * from a second copy of the package in a bundle. Check `error.code`, or use the guards below.
 */
export const ERROR_CODES = {
  validation: 'KET_LUAN_VALIDATION',
  template: 'KET_LUAN_TEMPLATE',
  font: 'KET_LUAN_FONT',
  missingGlyph: 'KET_LUAN_MISSING_GLYPH',
  pdfLayout: 'KET_LUAN_PDF_LAYOUT',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/** Whether `error` is an Error object carrying one of `codes`, whichever copy of the class threw it. */
export function hasErrorCode(error: unknown, ...codes: ErrorCode[]): boolean {
  return error instanceof Error && codes.includes((error as { code?: unknown }).code as ErrorCode);
}

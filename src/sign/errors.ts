import { ERROR_CODES, hasErrorCode } from '../errors.js';

/**
 * A problem with the signing options the caller can fix: a signature or seal image that is not a
 * PNG, a P12 that cannot be opened, a signer that failed, a PDF without the field to sign. The message is in English, `messageVi` says the same in Vietnamese;
 * nothing has been written when it is thrown.
 */
export class SigningError extends Error {
  readonly code: typeof ERROR_CODES.signing = ERROR_CODES.signing;
  readonly messageVi: string;

  constructor(message: string, messageVi: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SigningError';
    this.messageVi = messageVi;
  }
}

/** Whether `error` is a SigningError, from any copy of the package (ESM or CommonJS). */
export function isSigningError(error: unknown): error is SigningError {
  return hasErrorCode(error, ERROR_CODES.signing);
}

/** An option of the signing features that has the wrong type or value; names the option. */
export function optionError(option: string, problem: string, problemVi: string): SigningError {
  return new SigningError(`${option}: ${problem}`, `${option}: ${problemVi}`);
}

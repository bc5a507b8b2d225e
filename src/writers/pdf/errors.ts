import { ERROR_CODES } from '../../errors.js';

/** The layout could not be reproduced faithfully (an internal inconsistency, never bad input). */
export class PdfLayoutError extends Error {
  readonly code: typeof ERROR_CODES.pdfLayout = ERROR_CODES.pdfLayout;
  constructor(message: string) {
    super(message);
    this.name = 'PdfLayoutError';
  }
}

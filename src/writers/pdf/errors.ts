import { FontError } from '../../fonts/load.js';

/** A character of the document that the font of its style cannot draw. */
export class MissingGlyphError extends FontError {
  readonly codePoint: number;
  readonly character: string;
  readonly fontFile: string;
  /** The input field the text came from, when the caller's fieldOf could tell. */
  readonly field: string | undefined;

  constructor(details: { codePoint: number; character: string; fontFile: string; field: string | undefined; text: string }) {
    const code = `U+${details.codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
    const where = details.field === undefined ? '' : ` in field "${details.field}"`;
    super(
      `The font ${details.fontFile} has no glyph for ${code} "${details.character}"${where} ` +
        `(text: "${details.text.length > 60 ? `${details.text.slice(0, 57)}...` : details.text}"); ` +
        'the PDF would show an empty box. Use a font that covers it or remove the character.',
    );
    this.name = 'MissingGlyphError';
    this.codePoint = details.codePoint;
    this.character = details.character;
    this.fontFile = details.fontFile;
    this.field = details.field;
  }
}

/** The layout could not be reproduced faithfully (an internal inconsistency, never bad input). */
export class PdfLayoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PdfLayoutError';
  }
}

import { ERROR_CODES, hasErrorCode } from '../errors.js';

/** A font that cannot be used: it cannot be read, is not a usable TrueType/OpenType file, or lacks a character. */
export class FontError extends Error {
  readonly code: typeof ERROR_CODES.font | typeof ERROR_CODES.missingGlyph = ERROR_CODES.font;
  /** The font file (its path, or the name it was given as bytes). */
  readonly file: string;
  /** The same message in Vietnamese. */
  readonly messageVi: string;

  constructor(file: string, detail: string, detailVi: string) {
    super(`Font file ${file}: ${detail}`);
    this.name = 'FontError';
    this.file = file;
    this.messageVi = `Tệp phông chữ ${file}: ${detailVi}`;
  }
}

/** What a missing-glyph error says about where the character stands. */
export interface GlyphSource {
  /** The input field the character came from, e.g. "sections[0].heading", when it came from one. */
  field?: string;
  /** The template file the character came through: its own text, or the field's value it printed. */
  template?: string;
  /** The profile value (profile.json) that holds the character, e.g. "body.bullet.marker". */
  setting?: string;
}

/** A character of the document that the font of its style cannot draw. */
export class MissingGlyphError extends FontError {
  override readonly code: typeof ERROR_CODES.missingGlyph = ERROR_CODES.missingGlyph;
  readonly codePoint: number;
  readonly character: string;
  readonly fontFile: string;
  /** The input field the character came from; undefined when it came from a template's own text or the profile. */
  readonly field: string | undefined;
  /** The template file the character came through (with `field`, the template that printed the field's value). */
  readonly template: string | undefined;
  /** The profile value that holds the character, if that is where it came from. */
  readonly setting: string | undefined;

  constructor(details: { codePoint: number; character: string; fontFile: string; text: string } & GlyphSource) {
    const code = `U+${details.codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
    const shown = details.text.length > 60 ? `${details.text.slice(0, 57)}...` : details.text;
    const { where, whereVi } = describeSource(details);
    super(
      details.fontFile,
      `has no glyph for ${code} "${details.character}"${where} (text: "${shown}"); the PDF would show an empty box. ` +
        'Use a font that covers it or remove the character.',
      `không có ký tự ${code} "${details.character}"${whereVi} (văn bản: "${shown}"); PDF sẽ hiện một ô trống. ` +
        'Hãy dùng phông chữ có ký tự này hoặc bỏ ký tự đó đi.',
    );
    this.name = 'MissingGlyphError';
    this.codePoint = details.codePoint;
    this.character = details.character;
    this.fontFile = details.fontFile;
    this.field = details.field;
    this.template = details.template;
    this.setting = details.setting;
  }
}

function describeSource({ field, template, setting }: GlyphSource): { where: string; whereVi: string } {
  if (field !== undefined && template !== undefined) {
    return { where: ` in field "${field}" (printed by the template ${template})`, whereVi: ` trong trường "${field}" (được in qua mẫu ${template})` };
  }
  if (field !== undefined) return { where: ` in field "${field}"`, whereVi: ` trong trường "${field}"` };
  if (template !== undefined) return { where: ` in the template ${template}`, whereVi: ` trong mẫu ${template}` };
  if (setting !== undefined) return { where: ` in the profile's "${setting}"`, whereVi: ` trong giá trị "${setting}" của hồ sơ mẫu (profile.json)` };
  return { where: '', whereVi: '' };
}

/** Whether `error` is a FontError (a MissingGlyphError included), from any copy of the package. */
export function isFontError(error: unknown): error is FontError {
  return hasErrorCode(error, ERROR_CODES.font, ERROR_CODES.missingGlyph);
}

/** Whether `error` is a MissingGlyphError, from any copy of the package. */
export function isMissingGlyphError(error: unknown): error is MissingGlyphError {
  return hasErrorCode(error, ERROR_CODES.missingGlyph);
}

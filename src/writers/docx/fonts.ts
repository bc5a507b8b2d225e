import type { IFontAttributesProperties } from 'docx';
import type { FontSetup } from '../../model/document.js';

/**
 * The family for every script slot of w:rFonts. Vietnamese letters with stacked diacritics sit
 * outside ASCII, and Word picks hAnsi/cs/eastAsia for some of them: leaving a slot unset lets
 * Word or LibreOffice substitute a theme font (Calibri, Cambria) for single letters.
 */
export function runFonts(font: FontSetup): IFontAttributesProperties {
  return { ascii: font.family, hAnsi: font.family, cs: font.family, eastAsia: font.family };
}

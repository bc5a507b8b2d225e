/**
 * Unit conversions from the model's millimetres and points to WordprocessingML's integer units.
 *
 * Every writer module converts through here so that rounding happens once, the same way, and the
 * tests can recompute the expected numbers from first principles.
 */

const TWIPS_PER_INCH = 1440;
const MM_PER_INCH = 25.4;
const TWIPS_PER_POINT = 20;

/** Millimetres to twips (twentieths of a point), the unit of page sizes, margins, indents and DXA widths. */
export function mmToTwips(mm: number): number {
  return Math.round((mm / MM_PER_INCH) * TWIPS_PER_INCH);
}

/** Points to twips, the unit of paragraph spacing and line heights. */
export function ptToTwips(pt: number): number {
  return Math.round(pt * TWIPS_PER_POINT);
}

/** Points to half-points, the unit of w:sz (font size). */
export function ptToHalfPoints(pt: number): number {
  return Math.round(pt * 2);
}

/**
 * Points to eighths of a point, the unit of a border's w:sz.
 * ECMA-376 (17.3.4) allows 2..96 for line borders; Word rejects values outside, so clamp rather
 * than write a file it cannot open.
 */
export function ptToBorderEighths(pt: number): number {
  return Math.min(96, Math.max(2, Math.round(pt * 8)));
}

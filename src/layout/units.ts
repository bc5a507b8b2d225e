/**
 * The layout's units and their rounding, for both writers.
 *
 * Every length of the layout is a whole number of twips (1/20 pt), rounded here and only here:
 * the DOCX stores whole twips, and the PDF writer must lay out exactly the numbers LibreOffice
 * reads from that DOCX, so both take them from the layout rather than converting on their own.
 */

const TWIPS_PER_INCH = 1440;
const MM_PER_INCH = 25.4;
const TWIPS_PER_POINT = 20;

/** Millimetres to twips: page sizes, margins, indents, column widths, spacer heights. */
export function mmToTwips(mm: number): number {
  return Math.round((mm / MM_PER_INCH) * TWIPS_PER_INCH);
}

export function mmToPt(mm: number): number {
  return (mm / MM_PER_INCH) * 72;
}

/** Points to twips: paragraph spacing and exact line heights. */
export function ptToTwips(pt: number): number {
  return Math.round(pt * TWIPS_PER_POINT);
}

export function twipsToPt(twips: number): number {
  return twips / TWIPS_PER_POINT;
}

/** Points to half-points, the steps a font size is stored in. */
export function ptToHalfPoints(pt: number): number {
  return Math.round(pt * 2);
}

export function halfPointsToPt(halfPoints: number): number {
  return halfPoints / 2;
}

/**
 * A line's thickness in eighths of a point, the unit of a border's width. ECMA-376 (17.3.4)
 * allows 2..96 for line borders and Word rejects values outside, so the width is clamped: the
 * DOCX says the clamped width and the PDF draws it.
 */
export function ptToBorderEighths(pt: number): number {
  return Math.min(96, Math.max(2, Math.round(pt * 8)));
}

/** A border width in twips, rounded to whole twips as LibreOffice lays it out (1/8 pt = 2.5 twips). */
export function borderEighthsToTwips(eighths: number): number {
  return Math.round((eighths * TWIPS_PER_POINT) / 8);
}

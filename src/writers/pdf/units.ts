/**
 * Units of the PDF writer.
 *
 * Layout is computed in twips (1/20 pt), rounded exactly as the DOCX writer rounds the model's
 * values, because the PDF must paginate like LibreOffice's rendering of that DOCX and LibreOffice
 * lays text out in whole twips. Text widths are measured in "pixels" of LibreOffice's reference
 * device (8640 dpi, 1/120 pt), the resolution at which it rounds each glyph advance.
 */

const MM_PER_INCH = 25.4;
const PT_PER_INCH = 72;
const TWIPS_PER_PT = 20;

/** LibreOffice's DOCX reference device has 6 × 1440 dots per inch: six pixels per twip. */
export const PX_PER_TWIP = 6;
export const PX_PER_PT = PX_PER_TWIP * TWIPS_PER_PT;

export function mmToPt(mm: number): number {
  return (mm / MM_PER_INCH) * PT_PER_INCH;
}

/** Same rounding as the DOCX writer's mmToTwips (units.ts there): page sizes, margins, indents, widths. */
export function mmToTwips(mm: number): number {
  return Math.round((mm / MM_PER_INCH) * PT_PER_INCH * TWIPS_PER_PT);
}

/** Same rounding as the DOCX writer's ptToTwips: spacing and exact line heights. */
export function ptToTwips(pt: number): number {
  return Math.round(pt * TWIPS_PER_PT);
}

export function twipsToPt(twips: number): number {
  return twips / TWIPS_PER_PT;
}

export function pxToPt(px: number): number {
  return px / PX_PER_PT;
}

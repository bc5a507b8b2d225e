/**
 * Units of the PDF writer's text measuring. Lengths come from the layout in whole twips, as
 * LibreOffice reads them from the DOCX; text widths are measured in "pixels" of LibreOffice's
 * reference device (8640 dpi, 1/120 pt), the resolution at which it rounds each glyph advance.
 */

const TWIPS_PER_PT = 20;

/** LibreOffice's DOCX reference device has 6 × 1440 dots per inch: six pixels per twip. */
export const PX_PER_TWIP = 6;
export const PX_PER_PT = PX_PER_TWIP * TWIPS_PER_PT;

export function pxToPt(px: number): number {
  return px / PX_PER_PT;
}

import type { LoadedFont } from './load.js';

const MM_PER_PT = 25.4 / 72;

/** Width of a single line of text set in the font, in millimetres. */
export function textWidthMm(font: LoadedFont, text: string, sizePt: number): number {
  const run = font.font.layout(text);
  return (run.advanceWidth / font.font.unitsPerEm) * sizePt * MM_PER_PT;
}

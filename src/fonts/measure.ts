import { BoundedCache } from './bounded-cache.js';
import type { LoadedFont } from './load.js';

const MM_PER_PT = 25.4 / 72;

/**
 * What each font's cache of measured lines may hold, in estimated bytes. The header, the title and
 * the signature block are measured for every document, and most of their lines (the superior body,
 * the committee, the signer's title) come back the same from one document to the next, while
 * shaping a whole line with fontkit is a large part of composing one.
 */
const MEASURE_CACHE_BYTES = 1_000_000;

/** A line's advance in font units, per font: the same whatever size it is set in. */
const advances = new WeakMap<LoadedFont['font'], BoundedCache<number>>();

/** Width of a single line of text set in the font, in millimetres. */
export function textWidthMm(font: LoadedFont, text: string, sizePt: number): number {
  let cache = advances.get(font.font);
  if (cache === undefined) advances.set(font.font, (cache = new BoundedCache(MEASURE_CACHE_BYTES)));
  let advance = cache.get(text);
  if (advance === undefined) {
    advance = font.font.layout(text).advanceWidth;
    // a string's characters and headers, and the map's slot
    cache.set(text, advance, 2 * text.length + 64);
  }
  return (advance / font.font.unitsPerEm) * sizePt * MM_PER_PT;
}

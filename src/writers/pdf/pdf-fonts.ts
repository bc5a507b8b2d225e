import type * as fontkit from 'fontkit';
import { parseFont, underlineMetrics } from '../../adapters/fontkit.js';
import { FONT_STYLES, type FontStyleName } from '../../fonts/font-files.js';
import { FontError } from '../../fonts/errors.js';
import type { LoadedFamily, LoadedFont } from '../../fonts/load.js';
import { BoundedCache } from '../../fonts/bounded-cache.js';
import type { ShapedWord } from './font-shaping.js';
import { withoutKerning } from './unkerned-font.js';

/** One face of the family with the metrics layout needs, in font units. */
export interface PdfFace {
  style: FontStyleName;
  loaded: LoadedFont;
  unitsPerEm: number;
  /** hhea ascender and descender (descender negative) and line gap: what pdfkit and LibreOffice read. */
  ascent: number;
  descent: number;
  lineGap: number;
  /** Where a single underline is drawn below the baseline (negative: below) and how thick (post table). */
  underlinePosition: number;
  underlineThickness: number;
  /** The font without its kerning (unkerned-font.ts): what pdfkit draws with and we measure with. */
  drawing: { data: Uint8Array; font: fontkit.Font };
  /** Shaping results kept across renders: words and blanks (see font-shaping.ts). */
  words: BoundedCache<ShapedWord>;
}

export interface PdfFontFamily {
  faces: Record<FontStyleName, PdfFace>;
}

const families = new WeakMap<LoadedFamily, PdfFontFamily>();

/**
 * What each face's word cache may hold, in estimated bytes: a working set of official wording is a
 * few thousand words (well under a megabyte); the bound keeps a long-running service that renders
 * many different documents from growing, whatever text it is given.
 */
const WORD_CACHE_BYTES = 4_000_000;

/**
 * The PDF's faces of a family of parsed fonts, made once per family (a family is one object per
 * four fonts, see fonts/load.ts): the unkerned copies and the derived metrics.
 */
export function pdfFontFamily(loaded: LoadedFamily): PdfFontFamily {
  const cached = families.get(loaded);
  if (cached) return cached;
  const faces = {} as Record<FontStyleName, PdfFace>;
  for (const style of FONT_STYLES) {
    const face = loaded[style];
    const { font } = face;
    const data = withoutKerning(face.data);
    let drawingFont: fontkit.Font;
    try {
      drawingFont = parseFont(data);
    } catch (error) {
      const reason = (error as Error).message;
      throw new FontError(face.name, `cannot be prepared for the PDF: ${reason}`, `không chuẩn bị được cho PDF: ${reason}`);
    }
    faces[style] = {
      style,
      loaded: face,
      unitsPerEm: font.unitsPerEm,
      ascent: font.ascent,
      descent: font.descent,
      lineGap: font.lineGap,
      underlinePosition: underlineMetrics(font).position,
      underlineThickness: underlineMetrics(font).thickness,
      drawing: { data, font: drawingFont },
      words: new BoundedCache(WORD_CACHE_BYTES),
    };
  }
  const family = { faces };
  families.set(loaded, family);
  return family;
}

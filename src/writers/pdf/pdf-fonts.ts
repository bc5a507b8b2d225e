import * as fontkit from 'fontkit';
import { FONT_STYLES, type FontStyleName } from '../../fonts/font-files.js';
import { FontError } from '../../fonts/errors.js';
import type { LoadedFamily, LoadedFont } from '../../fonts/load.js';
import { ShapingCache } from './font-shaping.js';
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
  /** Shaping results kept across renders, by word and by run (see font-shaping.ts). */
  wordAdvances: ShapingCache;
  runAdvances: ShapingCache;
}

export interface PdfFontFamily {
  faces: Record<FontStyleName, PdfFace>;
}

/** fontkit's post-table fields, beyond src/fonts/fontkit.d.ts. */
interface UnderlineMetrics {
  underlinePosition: number;
  underlineThickness: number;
}

const families = new WeakMap<LoadedFamily, PdfFontFamily>();

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
      drawingFont = fontkit.create(data);
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
      underlinePosition: (font as unknown as UnderlineMetrics).underlinePosition,
      underlineThickness: (font as unknown as UnderlineMetrics).underlineThickness,
      drawing: { data, font: drawingFont },
      wordAdvances: new ShapingCache(20_000, 400_000),
      runAdvances: new ShapingCache(20_000, 1_000_000),
    };
  }
  const family = { faces };
  families.set(loaded, family);
  return family;
}

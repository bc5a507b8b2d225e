import * as fontkit from 'fontkit';
import { type FontFiles, type FontStyleName } from '../../fonts/font-files.js';
import { FontError, loadFamily, type LoadedFont } from '../../fonts/load.js';
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
  drawing: { data: Buffer; font: fontkit.Font };
  /** Shaping results kept across renders, by word and by run (see font-shaping.ts). */
  wordAdvances: ShapingCache;
  runAdvances: ShapingCache;
}

export interface PdfFontFamily {
  files: FontFiles;
  faces: Record<FontStyleName, PdfFace>;
}

/** fontkit's post-table fields, beyond src/fonts/fontkit.d.ts. */
interface UnderlineMetrics {
  underlinePosition: number;
  underlineThickness: number;
}

const STYLES: FontStyleName[] = ['normal', 'bold', 'italics', 'bolditalics'];
const families = new Map<string, PdfFontFamily>();

/**
 * The family for a set of TTF files, parsed once per process (src/fonts/load.ts caches the files;
 * this caches the unkerned copies and the derived metrics).
 */
export function pdfFontFamily(files: FontFiles): PdfFontFamily {
  const id = STYLES.map((style) => files[style]).join('\n');
  const cached = families.get(id);
  if (cached) return cached;
  const loaded = loadFamily(files);
  const faces = {} as Record<FontStyleName, PdfFace>;
  for (const style of STYLES) {
    const face = loaded[style];
    const { font } = face;
    const data = withoutKerning(face.data);
    let drawingFont: fontkit.Font;
    try {
      drawingFont = fontkit.create(data);
    } catch (error) {
      throw new FontError(`Font file ${face.path} cannot be prepared for the PDF: ${(error as Error).message}`);
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
  const family = { files, faces };
  families.set(id, family);
  return family;
}

import * as fontkit from 'fontkit';
import { type FontFiles, type FontStyleName } from '../../fonts/font-files.js';
import { FontError, loadFamily, type LoadedFont } from '../../fonts/load.js';
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
  /** Advance of U+0020, for the explicit word gaps of manually justified lines. */
  spaceAdvance: number;
  /** The font without its kerning (unkerned-font.ts): what pdfkit draws with and we measure with. */
  drawing: { data: Buffer; font: fontkit.Font };
  /** Shaping results kept across renders, keyed by text (see font-shaping.ts). */
  advanceCache: Map<string, number[]>;
  widthCache: Map<string, number>;
}

export interface PdfFontFamily {
  files: FontFiles;
  /** The family name pdfmake knows the four faces by; unique per set of files. */
  key: string;
  faces: Record<FontStyleName, PdfFace>;
}

const STYLES: FontStyleName[] = ['normal', 'bold', 'italics', 'bolditalics'];
const families = new Map<string, PdfFontFamily>();

/**
 * The family for a set of TTF files, parsed once per process (src/fonts/load.ts caches the files;
 * this caches the unkerned copies, the derived metrics and the pdfmake name).
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
      spaceAdvance: font.layout(' ').advanceWidth,
      drawing: { data, font: drawingFont },
      advanceCache: new Map(),
      widthCache: new Map(),
    };
  }
  const family = { files, key: `ket-luan-${families.size + 1}`, faces };
  families.set(id, family);
  return family;
}

/**
 * pdfmake's `lineHeight` multiplies the face's own line height, which pdfkit computes as
 * (ascender − descender) / unitsPerEm × size, without the line gap. This factor makes one line
 * exactly `lineHeightPt` tall, so the baseline-to-baseline distance is exactly lineHeightPt.
 */
export function lineHeightFactor(face: PdfFace, sizePt: number, lineHeightPt: number): number {
  const natural = ((face.ascent - face.descent) / face.unitsPerEm) * sizePt;
  return lineHeightPt / natural;
}

/** Where pdfmake puts the baseline below the top of a line: the face's ascender at that size. */
export function ascenderPt(face: PdfFace, sizePt: number): number {
  return (face.ascent / face.unitsPerEm) * sizePt;
}

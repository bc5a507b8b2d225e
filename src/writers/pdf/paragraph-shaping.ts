import { halfPointsToPt, type ParagraphSpec } from '../../layout/index.js';
import { fontStyleName, type FontStyleName } from '../../fonts/font-files.js';
import { codePointAdvances } from './font-shaping.js';
import type { PdfFontFamily } from './pdf-fonts.js';
import { PX_PER_PT, PX_PER_TWIP } from './units.js';

/** What distinguishes two runs for measuring and drawing. */
export interface RunStyle {
  face: FontStyleName;
  underline: boolean;
}

/** One code point of a paragraph, or one of its manual line breaks. */
export interface TextUnit {
  text: string;
  /** A tab's advance depends on where it stands: it is worked out when lines are broken. */
  kind: 'char' | 'space' | 'tab' | 'break';
  style: RunStyle;
  /**
   * Advance in LibreOffice reference-device pixels (1/120 pt): LibreOffice shapes a run as a whole
   * and rounds each glyph's advance to its device's pixels.
   */
  advancePx: number;
  /** The same advance unrounded, in font units: what pdfkit draws (tabs and breaks: 0). */
  advanceUnits: number;
  /**
   * Room LibreOffice keeps free at the end of a line for an italic glyph's overhang
   * (SwTextGuess: a twelfth of the font's height, ascent + descent + line gap, in whole twips),
   * in pixels; 0 for upright text.
   */
  italicReservePx: number;
}

export interface ShapedParagraph {
  spec: ParagraphSpec;
  /** The text's size: the layout's, in half-points, as the DOCX states it. */
  sizePt: number;
  units: TextUnit[];
}

/**
 * The paragraph's text as units, each run shaped as one portion (LibreOffice shapes the DOCX's
 * runs so, and the layout joins runs that look alike). A line break takes the style of the text
 * before it; its style never shows.
 */
export function shapeParagraph(spec: ParagraphSpec, family: PdfFontFamily): ShapedParagraph {
  const sizePt = halfPointsToPt(spec.sizeHalfPoints);
  const units: TextUnit[] = [];
  let lastStyle: RunStyle = { face: 'normal', underline: false };
  for (const run of spec.runs) {
    for (let i = 0; i < run.breaks; i++) units.push({ text: '\n', kind: 'break', style: lastStyle, advancePx: 0, advanceUnits: 0, italicReservePx: 0 });
    if (run.text === undefined) continue;
    const style = { face: fontStyleName(run.bold, run.italic), underline: run.underline };
    lastStyle = style;
    // A loop, not push(...units): a paragraph may hold a million characters.
    for (const unit of shapeRun(run.text, style, sizePt, family)) units.push(unit);
  }
  return { spec, sizePt, units };
}

function shapeRun(text: string, style: RunStyle, sizePt: number, family: PdfFontFamily): TextUnit[] {
  if (text.length === 0) return [];
  const face = family.faces[style.face];
  const advances = codePointAdvances(face, text);
  const pxPerUnit = (sizePt * PX_PER_PT) / face.unitsPerEm;
  const italic = style.face === 'italics' || style.face === 'bolditalics';
  const fontHeightTwips = Math.round(((face.ascent - face.descent + face.lineGap) / face.unitsPerEm) * sizePt * 20);
  const italicReservePx = italic ? Math.floor(fontHeightTwips / 12) * PX_PER_TWIP : 0;
  // one pass over the code points, without an array of them first: this runs for every
  // character of every document
  const units: TextUnit[] = [];
  let index = 0;
  for (const character of text) {
    const tab = character === '\t';
    const advance = tab ? 0 : (advances[index] ?? 0);
    units.push({
      text: character,
      kind: character === ' ' ? 'space' : tab ? 'tab' : 'char',
      style,
      advancePx: Math.round(advance * pxPerUnit),
      advanceUnits: advance,
      italicReservePx,
    });
    index++;
  }
  return units;
}

export function sameStyle(a: RunStyle, b: RunStyle): boolean {
  return a.face === b.face && a.underline === b.underline;
}

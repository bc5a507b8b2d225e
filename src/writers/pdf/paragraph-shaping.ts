import type { ParagraphBlock } from '../../model/document.js';
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
  block: ParagraphBlock;
  units: TextUnit[];
}

export function shapeParagraph(block: ParagraphBlock, family: PdfFontFamily): ShapedParagraph {
  const units: TextUnit[] = [];
  let pending: { text: string; style: RunStyle } | null = null;
  const flush = () => {
    // A loop, not push(...units): a paragraph may hold a million characters.
    if (pending) for (const unit of shapeRun(pending.text, pending.style, block.style.sizePt, family)) units.push(unit);
    pending = null;
  };
  let lastStyle: RunStyle = { face: 'normal', underline: false };
  for (const run of block.runs) {
    if (run.kind === 'break') {
      flush();
      units.push({ text: '\n', kind: 'break', style: lastStyle, advancePx: 0, advanceUnits: 0, italicReservePx: 0 });
      continue;
    }
    const style = { face: fontStyleName(run.bold, run.italic), underline: run.underline };
    lastStyle = style;
    // Runs that look alike are one portion for LibreOffice, shaped together.
    if (pending && sameStyle(pending.style, style)) pending.text += run.text;
    else {
      flush();
      pending = { text: run.text, style };
    }
  }
  flush();
  return { block, units };
}

function shapeRun(text: string, style: RunStyle, sizePt: number, family: PdfFontFamily): TextUnit[] {
  const characters = [...text];
  if (characters.length === 0) return [];
  const face = family.faces[style.face];
  const advances = codePointAdvances(face, text);
  const pxPerUnit = (sizePt * PX_PER_PT) / face.unitsPerEm;
  const italic = style.face === 'italics' || style.face === 'bolditalics';
  const fontHeightTwips = Math.round(((face.ascent - face.descent + face.lineGap) / face.unitsPerEm) * sizePt * 20);
  const italicReservePx = italic ? Math.floor(fontHeightTwips / 12) * PX_PER_TWIP : 0;
  return characters.map((character, index) => ({
    text: character,
    kind: character === ' ' ? 'space' : character === '\t' ? 'tab' : 'char',
    style,
    advancePx: character === '\t' ? 0 : Math.round((advances[index] ?? 0) * pxPerUnit),
    advanceUnits: character === '\t' ? 0 : (advances[index] ?? 0),
    italicReservePx,
  }));
}

export function sameStyle(a: RunStyle, b: RunStyle): boolean {
  return a.face === b.face && a.underline === b.underline;
}

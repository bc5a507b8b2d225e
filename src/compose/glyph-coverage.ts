import type { Font } from 'fontkit';
import { MissingGlyphError, type GlyphSource } from '../fonts/errors.js';
import { fontStyleName } from '../fonts/font-files.js';
import type { LoadedFamily } from '../fonts/load.js';
import type { Block, ColumnContent, DocumentModel, Run, TextRun } from '../model/document.js';

/**
 * The code points each font is known to have, so that a render asks fontkit's cmap only about
 * characters it has not met before (official documents repeat the same few hundred).
 */
const knownGlyphs = new WeakMap<Font, Uint8Array>();

/** By code point in the Basic Multilingual Plane: 1 where the font is known to have a glyph. */
function knownGlyphsOf(font: Font): Uint8Array {
  let known = knownGlyphs.get(font);
  if (!known) knownGlyphs.set(font, (known = new Uint8Array(0x10000)));
  return known;
}

function hasGlyph(font: Font, known: Uint8Array, codePoint: number): boolean {
  if (known[codePoint] === 1) return true;
  if (!font.hasGlyphForCodePoint(codePoint)) return false;
  // beyond the plane (rare in official text) fontkit is asked each time
  if (codePoint <= 0xffff) known[codePoint] = 1;
  return true;
}

/**
 * Fails on the first character of any run that the face of the run's style has no glyph for,
 * naming the character, the font file and, through `locate`, where it came from (the input field,
 * the template, the profile's value). Without this check pdfkit would
 * silently draw .notdef, an empty box, in an official document. Tabs are not drawn (they are
 * white space), so they need no glyph. Page numbers are drawn in the regular face: every digit
 * they can need must be there too.
 */
export function checkGlyphCoverage(model: DocumentModel, fonts: LoadedFamily, locate: Locate = () => ({})): void {
  for (const block of model.blocks) checkBlock(block, fonts, locate);
  if (model.pageNumbers !== null) {
    const face = fonts.normal;
    const known = knownGlyphsOf(face.font);
    for (const character of '0123456789') {
      const codePoint = character.codePointAt(0) ?? 0;
      if (!hasGlyph(face.font, known, codePoint)) throw new MissingGlyphError({ codePoint, character, fontFile: face.name, setting: 'pageNumbers', text: character });
    }
  }
}

type Locate = (run: TextRun, character: string) => GlyphSource;

const TAB = 0x09;

// Functions of the module rather than closures made per call: V8 optimises a closure made anew
// for every document again for every document, and these loops run over every character.
function checkBlock(block: Block | ColumnContent, fonts: LoadedFamily, locate: Locate): void {
  if (block.kind === 'paragraph') checkRuns(block.runs, fonts, locate);
  else if (block.kind === 'columns') for (const column of block.columns) for (const inner of column.blocks) checkBlock(inner, fonts, locate);
}

function checkRuns(runs: readonly Run[], fonts: LoadedFamily, locate: Locate): void {
  for (const run of runs) {
    if (run.kind !== 'text') continue;
    const face = fonts[fontStyleName(run.bold, run.italic)];
    const known = knownGlyphsOf(face.font);
    const { text } = run;
    for (let at = 0; at < text.length; at++) {
      const codePoint = text.codePointAt(at) as number;
      if (codePoint > 0xffff) at++;
      if (codePoint !== TAB && !hasGlyph(face.font, known, codePoint)) {
        const character = String.fromCodePoint(codePoint);
        throw new MissingGlyphError({ codePoint, character, fontFile: face.name, ...locate(run, character), text });
      }
    }
  }
}

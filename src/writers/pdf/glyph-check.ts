import type { Font } from 'fontkit';
import type { Block, ColumnContent, DocumentModel, Run } from '../../model/document.js';
import { fontStyleName } from '../../fonts/font-files.js';
import { MissingGlyphError } from './errors.js';
import { fieldOfText } from './field-lookup.js';
import type { PdfFontFamily } from './pdf-fonts.js';

/**
 * The model with every string in NFC: run texts and metadata. Decomposed Vietnamese (base letter
 * + combining marks) is drawn mark by mark by pdfkit, so marks collide or float; the composed
 * letters are single glyphs. Never mutates its input; returns it unchanged when already NFC.
 */
export function normaliseText(model: DocumentModel): DocumentModel {
  let changed = false;
  const nfc = (text: string): string => {
    const normalised = text.normalize('NFC');
    if (normalised !== text) changed = true;
    return normalised;
  };
  const runs = (list: Run[]): Run[] => list.map((run) => (run.kind === 'text' ? { ...run, text: nfc(run.text) } : run));
  const content = <T extends Block | ColumnContent>(block: T): T => {
    if (block.kind === 'paragraph') return { ...block, runs: runs(block.runs) };
    if (block.kind === 'columns') {
      return { ...block, columns: block.columns.map((column) => ({ ...column, blocks: column.blocks.map(content) })) };
    }
    return block;
  };
  const blocks = model.blocks.map(content);
  const { metadata } = model;
  const normalisedMetadata = {
    ...metadata,
    title: nfc(metadata.title),
    author: nfc(metadata.author),
    subject: nfc(metadata.subject),
    keywords: metadata.keywords.map(nfc),
  };
  return changed ? { ...model, blocks, metadata: normalisedMetadata } : model;
}

/**
 * The code points each font is known to have, so that a render asks fontkit's cmap only about
 * characters it has not met before (official documents repeat the same few hundred).
 */
const knownGlyphs = new WeakMap<Font, Set<number>>();

function hasGlyph(font: Font, codePoint: number): boolean {
  let known = knownGlyphs.get(font);
  if (!known) knownGlyphs.set(font, (known = new Set()));
  if (known.has(codePoint)) return true;
  if (!font.hasGlyphForCodePoint(codePoint)) return false;
  known.add(codePoint);
  return true;
}

/**
 * Fails on the first character of any run that the face of the run's style has no glyph for,
 * naming the character, the font file and, through fieldOf, the input field. Without this check
 * pdfkit would silently draw .notdef, an empty box, in an official document.
 * It checks each run's NFC form, what is drawn. Tabs are not drawn (they are white space), so
 * they need no glyph.
 */
export function assertGlyphsAvailable(
  model: DocumentModel,
  family: PdfFontFamily,
  fieldOf: ((text: string) => string | undefined) | undefined,
): void {
  const checkRuns = (runs: Run[]) => {
    for (const run of runs) {
      if (run.kind !== 'text') continue;
      const face = family.faces[fontStyleName(run.bold, run.italic)];
      const text = run.text.normalize('NFC');
      let position = 0;
      for (const character of text) {
        const codePoint = character.codePointAt(0) ?? 0;
        if (character !== '\t' && !hasGlyph(face.loaded.font, codePoint)) {
          // The caller's own text first (it may not be NFC), then parts of the drawn text.
          const field = fieldOf?.(run.text) ?? fieldOfText(fieldOf, text, position);
          throw new MissingGlyphError({ codePoint, character, fontFile: face.loaded.path, field, text });
        }
        position += character.length;
      }
    }
  };
  const visit = (block: Block | ColumnContent) => {
    if (block.kind === 'paragraph') checkRuns(block.runs);
    else if (block.kind === 'columns') block.columns.forEach((column) => column.blocks.forEach(visit));
  };
  model.blocks.forEach(visit);
}

/** Page numbers are drawn in the regular face: every digit they can need must be there too. */
export function assertDigitsAvailable(family: PdfFontFamily): void {
  const face = family.faces.normal;
  for (const character of '0123456789') {
    const codePoint = character.codePointAt(0) ?? 0;
    if (!hasGlyph(face.loaded.font, codePoint)) {
      throw new MissingGlyphError({ codePoint, character, fontFile: face.loaded.path, field: 'page number', text: character });
    }
  }
}

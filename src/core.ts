/**
 * `ket-luan/core`: the whole pipeline without IO, for browsers, workers and other runtimes. It
 * imports no Node built-in: templates come as a loaded template set (templateSetFromFiles) and
 * fonts as bytes. The main entry, `ket-luan`, reads both from disk and calls the same pipeline.
 */
import { FONT_STYLES, type FontStyleName } from './fonts/font-files.js';
import { fontFamily, parseFont, type LoadedFamily, type LoadedFont } from './fonts/load.js';
import { checkFontsOption, checkOptionalBoolean, checkOptionsObject, isArrayBuffer, isUint8Array } from './options.js';
import { checkComposed, checkFormat, compose, describeValue, writeComposed, type ComposedConclusion, type OutputFormat } from './pipeline.js';
import type { Conclusion } from './schema/conclusion.js';
import { isTemplateSet, type TemplateSet } from './templates/load.js';

export * from './shared-exports.js';

/** A font file's bytes, optionally with the name messages call it by (default: "fonts.normal" …). */
export type FontData = Uint8Array | ArrayBuffer | { data: Uint8Array | ArrayBuffer; name: string };

/** The four faces of the family the document is measured and drawn with, e.g. Liberation Serif 2 or Times New Roman. */
export type FontBytes = Record<FontStyleName, FontData>;

export interface CoreComposeOptions {
  /** The profile and phrase templates, from templateSetFromFiles() or loadTemplateSet(). */
  templates: TemplateSet;
  /** The TTF/OTF files' bytes. */
  fonts: FontBytes;
}

export interface CoreRenderOptions extends CoreComposeOptions {
  format: OutputFormat;
  /** PDF only: write PDF/A-2b, the archival form, with XMP metadata. */
  pdfa?: boolean;
}

/** What checkConclusion takes: renderConclusion's options without the format. */
export type CoreCheckOptions = Omit<CoreRenderOptions, 'format'>;

const EXAMPLE = "{ format: 'pdf', templates, fonts }";

function isFontData(value: unknown): value is FontData {
  if (isUint8Array(value) || isArrayBuffer(value)) return true;
  if (typeof value !== 'object' || value === null) return false;
  const { data, name } = value as { data?: unknown; name?: unknown };
  return (isUint8Array(data) || isArrayBuffer(data)) && typeof name === 'string';
}

function checkCoreOptions(options: unknown, call: string, keys: readonly string[]): asserts options is CoreRenderOptions {
  checkOptionsObject(options, keys, call, EXAMPLE);
  if (!isTemplateSet(options.templates)) {
    throw new TypeError(`${call}: option "templates" must be a template set from templateSetFromFiles() or loadTemplateSet(), not ${options.templates === undefined ? 'missing' : describeValue(options.templates)}`);
  }
  checkFontsOption(options.fonts, call, { each: 'font bytes', one: 'a Uint8Array or ArrayBuffer, or { data, name }' }, isFontData);
  checkOptionalBoolean(options, 'pdfa', call);
}

/** Parsed fonts by the bytes they came from, so a caller passing the same bytes again parses them once. */
const parsed = new WeakMap<object, Map<string, LoadedFont>>();

function parseFontData(face: FontData, style: FontStyleName): LoadedFont {
  const { data, name } = isUint8Array(face) || isArrayBuffer(face) ? { data: face, name: `fonts.${style}` } : face;
  let byName = parsed.get(data);
  if (!byName) parsed.set(data, (byName = new Map()));
  let font = byName.get(name);
  if (!font) {
    // a copy: bytes the caller changes later must not change a font already parsed
    font = parseFont(new Uint8Array(isArrayBuffer(data) ? new Uint8Array(data) : data), name);
    byName.set(name, font);
  }
  return font;
}

function familyOf(fonts: FontBytes): LoadedFamily {
  const faces = {} as Record<FontStyleName, LoadedFont>;
  for (const style of FONT_STYLES) faces[style] = parseFontData(fonts[style], style);
  return fontFamily(faces);
}

/** Validates input and lays it out as the layout-neutral document model every writer renders. */
export function composeConclusion(input: unknown, options: CoreComposeOptions): ComposedConclusion {
  checkCoreOptions(options, 'composeConclusion', ['templates', 'fonts']);
  return compose(input, options.templates, familyOf(options.fonts));
}

/**
 * Renders a conclusion to DOCX or PDF bytes. The input is validated first: bad input throws
 * `ConclusionValidationError` naming every wrong field, and nothing is rendered.
 */
export async function renderConclusion(input: unknown, options: CoreRenderOptions): Promise<Uint8Array> {
  checkCoreOptions(options, 'renderConclusion', ['format', 'templates', 'fonts', 'pdfa']);
  checkFormat(options.format);
  return writeComposed(compose(input, options.templates, familyOf(options.fonts)), options.format, { pdfa: options.pdfa });
}

/**
 * Runs every check renderConclusion runs, short of writing a file: the schema, what the
 * templates need, and a glyph in the fonts for every character. Returns the validated conclusion.
 */
export function checkConclusion(input: unknown, options: CoreCheckOptions): Conclusion {
  checkCoreOptions(options, 'checkConclusion', ['templates', 'fonts', 'pdfa']);
  const composed = compose(input, options.templates, familyOf(options.fonts));
  checkComposed(composed);
  return composed.conclusion;
}

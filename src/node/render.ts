import type { FontFiles } from '../fonts/font-files.js';
import { checkFontsOption, checkOptionalBoolean, checkOptionalString, checkOptionsObject, checkSigningFormat, IMAGE_KEYS, PDF_SIGNING_KEYS } from '../options.js';
import { checkComposed, checkFormat, compose, writeComposed, type ComposedConclusion, type OutputFormat } from '../pipeline.js';
import type { ConclusionWarning } from '../lint/warning.js';
import type { Conclusion } from '../schema/conclusion.js';
import type { P12SignOptions, SignerSignOptions, SignOptions } from '../sign/index.js';
import { readFontFamily } from './font-files.js';
import { defaultFontFiles } from './package-paths.js';
import { bytesOrFile } from './signing-files.js';
import { loadTemplates } from './template-folders.js';
import type { SigningImages } from '../compose/signing-images.js';
import type { LoadedFamily } from '../fonts/load.js';
import type { TemplateSet } from '../templates/load.js';

/**
 * The main entry's API: the IO-free pipeline (src/pipeline.ts) with templates and fonts read
 * from disk, by folder and by path.
 */

export interface ComposeOptions {
  /** A folder laid out like the package's `templates/` whose files shadow the defaults. */
  templates?: string;
  /** The layout profile's name; default "ket-luan-hd36". */
  profile?: string;
  /**
   * TTF files for the PDF and for measuring text (e.g. a real Times New Roman);
   * default: the shipped Liberation Serif 2, metric-compatible with Times New Roman.
   */
  fonts?: FontFiles;
  /**
   * The signer's signature as a PNG (bytes, or a path), drawn in the signing space of the PDF and
   * the DOCX alike; sizes come from the profile (footer.signatureImage).
   */
  signatureImage?: Uint8Array | string;
  /** The seal as a PNG (bytes, or a path), over the signature's left part (footer.sealImage). */
  sealImage?: Uint8Array | string;
}

/** The signing options with the P12 as bytes or a path. */
export type RenderSignOptions = (Omit<P12SignOptions, 'p12'> & { p12: Uint8Array | string }) | SignerSignOptions;

export interface RenderOptions extends ComposeOptions {
  format: OutputFormat;
  /** PDF only: write PDF/A-2b, the archival form, with XMP metadata. */
  pdfa?: boolean;
  /**
   * Hears what the layout had to give way on (a header line that must wrap). Never fatal; the
   * checks a clerk wants on the input itself are `lintConclusion`'s.
   */
  onWarning?: (warning: ConclusionWarning) => void;
  /**
   * PDF only: an empty signature field over the signing space, for a signing tool to fill; `true`
   * names it "ChuKy".
   */
  signatureField?: boolean | { name?: string };
  /** PDF only: sign the PDF into that field (the field is added when signatureField is not set). */
  sign?: RenderSignOptions;
}

/** What checkConclusion takes: renderConclusion's options without the format. */
export type CheckOptions = Omit<RenderOptions, 'format' | 'onWarning'>;

const COMPOSE_KEYS = ['templates', 'profile', 'fonts', ...IMAGE_KEYS] as const;
const RENDER_EXAMPLE = "{ format: 'pdf' }";

function checkComposeOptions(options: Record<string, unknown>, call: string): void {
  checkOptionalString(options, 'templates', call, 'the path of a templates folder');
  checkOptionalString(options, 'profile', call, 'a profile name such as "ket-luan-hd36"');
  if (options.fonts !== undefined) {
    checkFontsOption(options.fonts, call, { each: 'TTF file paths', one: 'the path of a TTF file' }, (face) => typeof face === 'string' && face.trim() !== '');
  }
}

/** Validates input and lays it out as the layout-neutral document model every writer renders. */
export function composeConclusion(input: unknown, options: ComposeOptions = {}): ComposedConclusion {
  checkOptionsObject(options, COMPOSE_KEYS, 'composeConclusion', '{ profile: "ket-luan-hd36" }');
  checkComposeOptions(options, 'composeConclusion');
  return composeFromDisk(input, options);
}

function composeFromDisk(input: unknown, options: ComposeOptions): ComposedConclusion {
  const { templates, fonts, images } = readComposeFiles(options);
  return compose(input, templates, fonts, images);
}

/** What composing reads from disk: the template set, the fonts and the signing images. */
export interface ComposeFiles {
  templates: TemplateSet;
  fonts: LoadedFamily;
  images: SigningImages;
}

/** Reads the files the options name (or the package's own), in this order: templates, images, fonts. */
export function readComposeFiles(options: ComposeOptions): ComposeFiles {
  const templates = loadTemplates({
    ...(options.templates !== undefined && { templates: options.templates }),
    ...(options.profile !== undefined && { profile: options.profile }),
  });
  const images = { signatureImage: bytesOrFile('signatureImage', options.signatureImage), sealImage: bytesOrFile('sealImage', options.sealImage) };
  return { templates, fonts: readFontFamily(options.fonts ?? defaultFontFiles()), images };
}

/**
 * Renders a conclusion to DOCX or PDF bytes. The input is validated first: bad input throws
 * `ConclusionValidationError` naming every wrong field, and nothing is rendered.
 */
export async function renderConclusion(input: unknown, options: RenderOptions): Promise<Uint8Array> {
  checkOptionsObject(options, ['format', ...COMPOSE_KEYS, 'pdfa', 'onWarning', ...PDF_SIGNING_KEYS], 'renderConclusion', RENDER_EXAMPLE);
  if (options.onWarning !== undefined && typeof options.onWarning !== 'function') {
    throw new TypeError('renderConclusion: option "onWarning" must be a function');
  }
  checkFormat(options.format);
  checkComposeOptions(options, 'renderConclusion');
  checkOptionalBoolean(options, 'pdfa', 'renderConclusion');
  checkSigningFormat(options, options.format, 'renderConclusion');
  // The P12 is read before the render, so a path that cannot be read costs no layout.
  const sign: SignOptions | undefined =
    options.sign !== undefined && typeof options.sign === 'object' && options.sign !== null && 'p12' in options.sign
      ? { ...options.sign, p12: bytesOrFile('sign.p12', options.sign.p12) }
      : options.sign;
  const composed = composeFromDisk(input, options);
  for (const warning of composed.warnings) options.onWarning?.(warning);
  return writeComposed(composed, options.format, { pdfa: options.pdfa, signatureField: options.signatureField, sign });
}

/**
 * Runs every check renderConclusion runs, short of writing a file: the schema, what the chosen
 * templates need (e.g. a summary template that needs `meeting`), and a glyph in the chosen fonts
 * for every character. Returns the validated conclusion; throws what rendering would throw.
 */
export function checkConclusion(input: unknown, options: CheckOptions = {}): Conclusion {
  checkOptionsObject(options, [...COMPOSE_KEYS, 'pdfa', ...PDF_SIGNING_KEYS], 'checkConclusion', '{ profile: "ket-luan-hd36" }');
  checkComposeOptions(options, 'checkConclusion');
  checkOptionalBoolean(options, 'pdfa', 'checkConclusion');
  const composed = composeFromDisk(input, options);
  checkComposed(composed);
  return composed.conclusion;
}

import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FontFiles, FontStyleName } from '../fonts/font-files.js';
import { describeLibraryError } from './describe-error.js';
import { displayPath } from './display-path.js';
import type { Lang, Messages } from './messages.js';
import { UsageError } from './render-options.js';

const FACES: readonly FontStyleName[] = ['normal', 'bold', 'italics', 'bolditalics'];

/**
 * The file names (lower case, without spaces, hyphens, underscores or extension) each face of
 * a known family goes by: Windows' and macOS' Times New Roman, and Liberation Serif.
 * The first family found whole in a folder is used.
 */
const KNOWN_FAMILIES: readonly Record<FontStyleName, readonly string[]>[] = [
  { normal: ['times'], bold: ['timesbd'], italics: ['timesi'], bolditalics: ['timesbi'] },
  {
    normal: ['timesnewroman', 'timesnewromanregular', 'timesnewromanpsmt'],
    bold: ['timesnewromanbold', 'timesnewromanpsboldmt'],
    italics: ['timesnewromanitalic', 'timesnewromanpsitalicmt'],
    bolditalics: ['timesnewromanbolditalic', 'timesnewromanpsbolditalicmt'],
  },
  {
    normal: ['liberationserifregular', 'liberationserif'],
    bold: ['liberationserifbold'],
    italics: ['liberationserifitalic'],
    bolditalics: ['liberationserifbolditalic'],
  },
];

const FONT_FILE = /\.(ttf|otf)$/i;

const squash = (name: string) => name.replace(FONT_FILE, '').toLowerCase().replace(/[\s_-]+/g, '');

/**
 * `--fonts`: a folder holding the four faces, or four comma-separated paths (regular, bold,
 * italic, bold italic), as the API's `fonts` option takes them. Paths are made absolute.
 */
export function parseFontsOption(value: string, cwd: string, msg: Messages): FontFiles {
  const parts = value.split(',').map((s) => s.trim());
  if (parts.every((p) => p === '')) throw new UsageError(msg.usage.fontsEmpty);
  if (parts.length === 4) {
    const paths = parts.map((p) => resolve(cwd, p));
    for (const [i, path] of paths.entries()) {
      if (!isFile(path)) throw new UsageError(msg.fonts.notFound(parts[i]!));
    }
    return { normal: paths[0]!, bold: paths[1]!, italics: paths[2]!, bolditalics: paths[3]! };
  }
  if (parts.length !== 1) throw new UsageError(msg.usage.fontsCount(parts.length));
  const dir = resolve(cwd, parts[0]!);
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new UsageError(msg.usage.fontsCount(1));
    names = readdirSync(dir).filter((n) => FONT_FILE.test(n) && isFile(join(dir, n)));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(msg.fonts.notFound(parts[0]!));
  }
  return fontsInFolder(dir, names, displayPath(dir, cwd), msg);
}

function fontsInFolder(dir: string, names: readonly string[], display: string, msg: Messages): FontFiles {
  const bySquashed = new Map<string, string>();
  for (const name of [...names].sort()) if (!bySquashed.has(squash(name))) bySquashed.set(squash(name), name);

  let best: { found: Partial<FontFiles>; missing: FontStyleName[] } | null = null;
  for (const family of [...KNOWN_FAMILIES, ...styleSuffixFamilies(names)]) {
    const found: Partial<FontFiles> = {};
    for (const face of FACES) {
      const name = family[face].map((n) => bySquashed.get(n)).find((n) => n !== undefined);
      if (name !== undefined) found[face] = join(dir, name);
    }
    const missing = FACES.filter((f) => found[f] === undefined);
    if (missing.length === 0) return found as FontFiles;
    if (missing.length < 4 && (best === null || missing.length < best.missing.length)) best = { found, missing };
  }
  const missing = best?.missing ?? [...FACES];
  const faces = missing.map((f) => msg.fonts.faceNames[f]).join(', ');
  throw new UsageError(msg.fonts.missingFaces(display, faces, names.length > 0 ? names.join(', ') : msg.fonts.none));
}

/** Families named `<Family>-Regular/-Bold/-Italic/-BoldItalic.ttf` (Noto Serif, Tinos …). */
function styleSuffixFamilies(names: readonly string[]): Record<FontStyleName, string[]>[] {
  const families = new Set<string>();
  for (const name of names) {
    const match = /^(.+?)[\s_-]*(regular|bolditalic|bold|italic)$/i.exec(squash(name));
    if (match) families.add(match[1]!);
  }
  return [...families].sort().map((f) => ({ normal: [`${f}regular`], bold: [`${f}bold`], italics: [`${f}italic`], bolditalics: [`${f}bolditalic`] }));
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Reads and parses each face once, so that a broken font file is named before any input; null when all are fine. */
export async function checkFonts(fonts: FontFiles, lang: Lang, cwd: string): Promise<string | null> {
  try {
    // loaded here, not at start-up: fontkit is needed only when fonts are given or a PDF is made
    const { readFontFamily } = await import('../node/font-files.js');
    readFontFamily(fonts);
    return null;
  } catch (error) {
    return describeLibraryError(error, lang, cwd);
  }
}

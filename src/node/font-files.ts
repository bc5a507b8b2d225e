import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { FontError } from '../fonts/errors.js';
import { FONT_STYLES, type FontFiles, type FontStyleName } from '../fonts/font-files.js';
import { fontFamily, parseFont, type LoadedFamily, type LoadedFont } from '../fonts/load.js';

interface CachedFont {
  /** The file's identity when it was read: a file replaced or rewritten on disk is read again. */
  identity: string;
  loaded: LoadedFont;
}

/** Parsed fonts by absolute path: a relative path means another file after process.chdir. */
const cache = new Map<string, CachedFont>();

/** Reads and parses a font file, once per file as it stands on disk (path, size, modification time, inode). */
export function readFontFile(path: string): LoadedFont {
  const absolute = resolve(path);
  let identity: string;
  try {
    const stats = statSync(absolute);
    if (!stats.isFile()) throw new Error(stats.isDirectory() ? 'it is a folder' : 'it is not a regular file');
    identity = `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`;
  } catch (error) {
    throw cannotRead(path, error);
  }
  const cached = cache.get(absolute);
  if (cached?.identity === identity) return cached.loaded;
  let data: Uint8Array;
  try {
    data = new Uint8Array(readFileSync(absolute));
  } catch (error) {
    throw cannotRead(path, error);
  }
  const loaded = parseFont(data, path);
  cache.set(absolute, { identity, loaded });
  return loaded;
}

function cannotRead(path: string, error: unknown): FontError {
  const reason = (error as Error).message;
  return new FontError(path, `cannot be read: ${reason}`, `không đọc được: ${reason}`);
}

/** The family of four font files, read from disk (see readFontFile). */
export function readFontFamily(files: FontFiles): LoadedFamily {
  const faces = {} as Record<FontStyleName, LoadedFont>;
  for (const style of FONT_STYLES) faces[style] = readFontFile(files[style]);
  return fontFamily(faces);
}

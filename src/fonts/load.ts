import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { type FontFiles, type FontStyleName } from './font-files.js';

export interface LoadedFont {
  path: string;
  data: Buffer;
  font: fontkit.Font;
}

export type LoadedFamily = Record<FontStyleName, LoadedFont>;

export class FontError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FontError';
  }
}

const cache = new Map<string, LoadedFont>();

/** Reads and parses a TTF once per process; later calls reuse it. */
export function loadFont(path: string): LoadedFont {
  const cached = cache.get(path);
  if (cached) return cached;
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch (error) {
    throw new FontError(`Cannot read font file ${path}: ${(error as Error).message}`);
  }
  let font: fontkit.Font;
  try {
    font = fontkit.create(data);
  } catch (error) {
    throw new FontError(`Font file ${path} is not a TrueType/OpenType font: ${(error as Error).message}`);
  }
  if (!('layout' in font)) throw new FontError(`Font file ${path} is a collection; give a single TTF file`);
  const loaded = { path, data, font };
  cache.set(path, loaded);
  return loaded;
}

export function loadFamily(files: FontFiles): LoadedFamily {
  return {
    normal: loadFont(files.normal),
    bold: loadFont(files.bold),
    italics: loadFont(files.italics),
    bolditalics: loadFont(files.bolditalics),
  };
}

import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FontFiles } from '../fonts/font-files.js';

/** The package's root folder, found from this module whether it runs from src/ or dist/. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'templates'))) return dir;
    dir = resolve(dir, '..');
  }
  throw new Error('ket-luan: cannot find the package folder (templates/ and fonts/ are missing)');
}

/** The shipped templates and profiles. */
export function defaultTemplatesDir(): string {
  return join(packageRoot(), 'templates');
}

/** Liberation Serif 2.x: metric-compatible with Times New Roman and covering Vietnamese. */
export function defaultFontFiles(): FontFiles {
  const dir = join(packageRoot(), 'fonts', 'liberation-serif');
  return {
    normal: join(dir, 'LiberationSerif-Regular.ttf'),
    bold: join(dir, 'LiberationSerif-Bold.ttf'),
    italics: join(dir, 'LiberationSerif-Italic.ttf'),
    bolditalics: join(dir, 'LiberationSerif-BoldItalic.ttf'),
  };
}

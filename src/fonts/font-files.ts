import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Paths of the four TTF files of one family. */
export interface FontFiles {
  normal: string;
  bold: string;
  italics: string;
  bolditalics: string;
}

export type FontStyleName = keyof FontFiles;

export function fontStyleName(bold: boolean, italic: boolean): FontStyleName {
  if (bold && italic) return 'bolditalics';
  if (bold) return 'bold';
  if (italic) return 'italics';
  return 'normal';
}

/** The package's root folder, found from this module whether it runs from src/ or dist/. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'templates'))) return dir;
    dir = resolve(dir, '..');
  }
  throw new Error('ket-luan: cannot find the package folder (templates/ and fonts/ are missing)');
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

/** Paths of the four TTF files of one family. */
export interface FontFiles {
  normal: string;
  bold: string;
  italics: string;
  bolditalics: string;
}

export type FontStyleName = keyof FontFiles;

export const FONT_STYLES: readonly FontStyleName[] = ['normal', 'bold', 'italics', 'bolditalics'];

export function fontStyleName(bold: boolean, italic: boolean): FontStyleName {
  if (bold && italic) return 'bolditalics';
  if (bold) return 'bold';
  if (italic) return 'italics';
  return 'normal';
}

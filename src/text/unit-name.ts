import { toLowerVi, toUpperVi } from './case.js';

const UNIT_KINDS = ['THỊ TRẤN', 'THỊ XÃ', 'THÀNH PHỐ', 'XÃ', 'PHƯỜNG', 'HUYỆN', 'QUẬN', 'TỈNH', 'ĐẶC KHU'];

/** "ĐỊNH HÓA" → "Định Hóa": each word's first letter upper case, the rest lower. */
function toTitleCaseVi(text: string): string {
  return toLowerVi(text)
    .split(/(\s+)/)
    .map((word) => (word.trim() === '' ? word : toUpperVi(word.slice(0, 1)) + word.slice(1)))
    .join('');
}

/**
 * The unit as running text names it, read off the committee's name:
 * "ĐẢNG ỦY THỊ TRẤN CHỢ CHU" → "thị trấn Chợ Chu". Undefined when the name has another form
 * (a committee of an agency, say), where only the user can write it.
 */
export function unitFromCommitteeName(name: string): string | undefined {
  const upper = toUpperVi(name).replace(/\s+/g, ' ').trim();
  const match = /^ĐẢNG (?:ỦY|UỶ) (.+)$/u.exec(upper);
  if (!match) return undefined;
  const rest = match[1]!;
  const kind = UNIT_KINDS.find((k) => rest.startsWith(`${k} `));
  if (!kind) return undefined;
  return `${toLowerVi(kind)} ${toTitleCaseVi(rest.slice(kind.length + 1))}`;
}

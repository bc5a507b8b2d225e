/**
 * Vietnamese-aware upper case: "thị trấn Chợ Chu" → "THỊ TRẤN CHỢ CHU".
 * Tone-mark placement is kept as the user wrote it ("Ủy" stays "ỦY", "Uỷ" stays "UỶ").
 */
export function toUpperVi(text: string): string {
  return text.normalize('NFC').toLocaleUpperCase('vi').normalize('NFC');
}

/** Vietnamese-aware lower case, the counterpart of `toUpperVi`. */
export function toLowerVi(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('vi').normalize('NFC');
}

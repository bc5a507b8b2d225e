const ROMAN: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

/** 1 → "I", 4 → "IV", 2024 → "MMXXIV" (1–3999). */
export function toRoman(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) throw new RangeError(`No Roman numeral for ${n}`);
  let rest = n;
  let out = '';
  for (const [value, letters] of ROMAN) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

/**
 * 1 → "a", 26 → "z", 27 → "aa": Vietnamese documents letter sub-points with the Latin
 * alphabet, and past z continue the way spreadsheets name columns.
 */
export function toLetter(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`No letter for ${n}`);
  let rest = n;
  let out = '';
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    out = String.fromCharCode(97 + digit) + out;
    rest = Math.floor((rest - 1) / 26);
  }
  return out;
}

type NumberStyle = 'roman' | 'arabic' | 'letter' | 'none';

/** The label of item `n` in the given style, before any punctuation. */
export function formatOrdinal(n: number, style: NumberStyle): string {
  switch (style) {
    case 'roman':
      return toRoman(n);
    case 'arabic':
      return String(n);
    case 'letter':
      return toLetter(n);
    case 'none':
      return '';
  }
}

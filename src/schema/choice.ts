import { z } from 'zod';

/**
 * One of a fixed list of words, compared in NFC: `MẬT` typed on a keyboard that writes decomposed
 * letters (NFD) is the same word as the list's. The preprocessing step is the schema's own, so
 * every enum-like field of every schema built with it compares normalised text; the input type
 * stays the list's words and a JSON Schema made from the schema still lists them.
 */
export function choice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.preprocess((value: T[number]) => (typeof value === 'string' ? value.normalize('NFC') : value), z.enum(values));
}

/** A string compared against a pattern after NFC normalisation (the number's type code, say). */
export function normalisedString() {
  return z.string().overwrite((value) => value.normalize('NFC'));
}

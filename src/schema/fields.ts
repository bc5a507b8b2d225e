import { toUpperVi } from '../text/case.js';
import { formatPath } from './errors.js';

/** Every string in a value with the path of its field, in document order. */
export function stringFields(value: unknown, path: (string | number)[] = []): { field: string; text: string }[] {
  if (typeof value === 'string') return [{ field: formatPath(path), text: value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringFields(item, [...path, i]));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => stringFields(item, [...path, key]));
  }
  return [];
}

/**
 * Finds which field of the input a piece of laid-out text came from, so that an error found
 * late (a glyph the font lacks) can still name the field. Upper-cased text is matched too.
 */
export function fieldLocator(value: unknown): (text: string) => string | undefined {
  const fields = stringFields(value);
  return (text) => {
    const needle = text.trim();
    if (needle === '') return undefined;
    const upper = toUpperVi(needle);
    return fields.find((f) => f.text.includes(needle) || toUpperVi(f.text).includes(upper))?.field;
  };
}

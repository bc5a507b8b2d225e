import { formatPath } from './errors.js';

/** Every string in a value with the path of its field (as keys and as a message names it), in document order. */
export function stringFields(value: unknown, path: (string | number)[] = []): { field: string; path: (string | number)[]; text: string }[] {
  if (typeof value === 'string') return [{ field: formatPath(path), path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringFields(item, [...path, i]));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => stringFields(item, [...path, key]));
  }
  return [];
}

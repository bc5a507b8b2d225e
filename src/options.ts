import { describeValue } from './pipeline.js';

/**
 * Checks of the options a caller passes, so that misuse is a TypeError naming the option, never
 * "Cannot read properties of undefined" from deep inside a render.
 */

/** A Uint8Array, also one made in another realm (an iframe, a vm context), where instanceof fails. */
export function isUint8Array(value: unknown): value is Uint8Array {
  return ArrayBuffer.isView(value) && Object.prototype.toString.call(value) === '[object Uint8Array]';
}

/** An ArrayBuffer, also one made in another realm. */
export function isArrayBuffer(value: unknown): value is ArrayBuffer {
  return Object.prototype.toString.call(value) === '[object ArrayBuffer]';
}

/** `options` is a plain object whose keys are all among `known`. */
export function checkOptionsObject(options: unknown, known: readonly string[], call: string, example: string): asserts options is Record<string, unknown> {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(`${call}: options must be an object such as ${example}, not ${options === undefined ? 'missing' : describeValue(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) throw new TypeError(`${call}: unknown option "${key}" (known options: ${known.join(', ')})`);
  }
}

export function checkOptionalBoolean(options: Record<string, unknown>, name: string, call: string): void {
  const value = options[name];
  if (value !== undefined && typeof value !== 'boolean') throw new TypeError(`${call}: option "${name}" must be true or false, not ${describeValue(value)}`);
}

export function checkOptionalString(options: Record<string, unknown>, name: string, call: string, what: string): void {
  const value = options[name];
  if (value === undefined) return;
  if (typeof value !== 'string' || value.trim() === '') {
    throw new TypeError(`${call}: option "${name}" must be ${what}, not ${typeof value === 'string' ? 'an empty string' : describeValue(value)}`);
  }
}

/** `fonts`: an object with exactly the four faces, each accepted by `isFace`. */
export function checkFontsOption(value: unknown, call: string, what: { each: string; one: string }, isFace: (face: unknown) => boolean): void {
  const styles = ['normal', 'bold', 'italics', 'bolditalics'];
  const expected = `an object { normal, bold, italics, bolditalics } of ${what.each}`;
  if (typeof value !== 'object' || value === null || Array.isArray(value) || isUint8Array(value) || isArrayBuffer(value)) {
    throw new TypeError(`${call}: option "fonts" must be ${expected}, one per face, not ${describeValue(value)}`);
  }
  for (const key of Object.keys(value)) {
    if (!styles.includes(key)) throw new TypeError(`${call}: option "fonts" has an unknown face "${key}" (the faces: ${styles.join(', ')})`);
  }
  for (const style of styles) {
    const face = (value as Record<string, unknown>)[style];
    if (face === undefined) throw new TypeError(`${call}: option "fonts.${style}" is missing: "fonts" must be ${expected}`);
    if (!isFace(face)) throw new TypeError(`${call}: option "fonts.${style}" must be ${what.one}, not ${describeValue(face)}`);
  }
}

/**
 * The few pieces of PDF syntax the signing steps write: text strings, dates, names.
 */

/**
 * A PDF text string: a literal string when the text is printable ASCII, else UTF-16BE with a byte
 * order mark in hex (the form every reader takes for Vietnamese text).
 */
export function pdfTextString(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/** A PDF date in UTC, e.g. D:20241129080000Z. */
export function pdfDate(date: Date): string {
  const iso = date.toISOString();
  return `D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

/** A number as PDF writes it: at most three decimals, no exponent, no trailing zeros. */
export function pdfNumber(value: number): string {
  const rounded = Math.round(value * 1000) / 1000;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** Field names the library writes and looks up: one partial name, no period (it separates levels). */
export const FIELD_NAME = /^[A-Za-z0-9_-]{1,64}$/;

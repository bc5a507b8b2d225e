import { readFile } from 'node:fs/promises';
import type { Messages } from './messages.js';

/** Where an input's JSON comes from: a file, or bytes already read (standard input). */
export type InputSource = { kind: 'file'; path: string } | { kind: 'bytes'; bytes: Uint8Array };

/** An input that cannot be read or is not JSON; the message says where, without the input's name. */
class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

async function readInputBytes(source: InputSource, msg: Messages): Promise<Uint8Array> {
  if (source.kind === 'bytes') return source.bytes;
  try {
    return await readFile(source.path);
  } catch (error) {
    throw new InputError(describeReadError(error, msg));
  }
}

/**
 * Reads an input and parses its JSON. Refused, each naming the line and column: bytes that are
 * not UTF-8 (decoding would turn them silently into U+FFFD), a JSON syntax error, and a key
 * written twice in one object (JSON.parse would silently keep the last).
 */
export async function readInput(source: InputSource, msg: Messages): Promise<unknown> {
  const text = await decodeUtf8(await readInputBytes(source, msg), msg);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw await jsonSyntaxError(text, error, msg);
  }
  // Only an object can repeat a key, and only where the text holds more keys than the value kept.
  if (typeof value === 'object' && value !== null && keysWritten(text) > keysKept(value)) {
    const { findDuplicateKey } = await import('./json-syntax.js');
    const duplicate = findDuplicateKey(text);
    if (duplicate !== null) {
      const where = msg.input.at(duplicate.line, duplicate.column);
      throw new InputError(msg.input.duplicateKey(where, duplicate.key, msg.input.at(duplicate.first.line, duplicate.first.column)));
    }
  }
  return value;
}

/**
 * How many keys valid JSON text writes: the strings followed by a colon. JSON.parse keeps one key
 * per name and object, so a text that writes more keys than its value holds repeats one; only
 * then is it read again (by jsonc-parser, see findDuplicateKey) to say where. Most inputs repeat
 * nothing and are read once.
 */
function keysWritten(text: string): number {
  let keys = 0;
  for (let at = 0; at < text.length; at++) {
    if (text.charCodeAt(at) !== QUOTE) continue;
    // to the closing quote; a backslash escapes the character after it
    for (at++; at < text.length && text.charCodeAt(at) !== QUOTE; at++) if (text.charCodeAt(at) === BACKSLASH) at++;
    let next = at + 1;
    while (next < text.length && JSON_WHITE_SPACE.has(text.charCodeAt(next))) next++;
    if (text.charCodeAt(next) === COLON) keys++;
  }
  return keys;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const JSON_WHITE_SPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** How many keys the objects of a parsed JSON value hold, all levels (without recursion: nesting may be deep). */
function keysKept(value: object): number {
  let keys = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item !== 'object' || item === null) continue;
    if (Array.isArray(item)) {
      for (const element of item) pending.push(element);
      continue;
    }
    for (const key of Object.keys(item)) {
      keys++;
      pending.push((item as Record<string, unknown>)[key]);
    }
  }
  return keys;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 bytes as text, without a leading byte-order mark (some Windows editors write one). */
async function decodeUtf8(bytes: Uint8Array, msg: Messages): Promise<string> {
  try {
    return strictUtf8.decode(bytes); // drops a leading BOM
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
    const { lineAndColumn } = await import('./json-syntax.js');
    const { line, column } = lineAndColumn(before, before.length);
    const byte = `0x${bytes[offset]!.toString(16).toUpperCase().padStart(2, '0')}`;
    throw new InputError(msg.input.invalidUtf8(msg.input.at(line, column), byte, offset));
  }
}

/** The offset of the first byte that does not begin a well-formed UTF-8 sequence (RFC 3629). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
    }
    const second = bytes[i + 1]!;
    // overlong forms, UTF-16 surrogates, code points past U+10FFFF
    if ((lead === 0xe0 && second < 0xa0) || (lead === 0xed && second > 0x9f) || (lead === 0xf0 && second < 0x90) || (lead === 0xf4 && second > 0x8f)) return i;
    i += length;
  }
  return bytes.length;
}

async function jsonSyntaxError(text: string, error: unknown, msg: Messages): Promise<InputError> {
  // loaded only for bad input: every start of the command would pay for the parser otherwise
  const { findJsonSyntaxError, lineAndColumn, positionInMessage } = await import('./json-syntax.js');
  const found = findJsonSyntaxError(text, msg);
  if (found) return new InputError(msg.input.invalidJson(msg.input.at(found.line, found.column), found.message));
  const message = error instanceof Error ? error.message : String(error);
  const position = positionInMessage(message);
  if (position === null) return new InputError(msg.input.invalidJsonNoPlace(message));
  const { line, column } = lineAndColumn(text, position);
  return new InputError(msg.input.invalidJson(msg.input.at(line, column), message));
}

export function describeReadError(error: unknown, msg: Messages): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return msg.input.noSuchFile;
  if (code === 'EISDIR') return msg.input.isFolder;
  if (code === 'EACCES' || code === 'EPERM') return msg.input.permissionDenied;
  return msg.input.cannotRead(error instanceof Error ? error.message : String(error));
}

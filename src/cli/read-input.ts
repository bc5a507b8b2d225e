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
  // Only an object can repeat a key.
  if (typeof value === 'object' && value !== null) {
    const { findDuplicateKey } = await import('./json-syntax.js');
    const duplicate = findDuplicateKey(text);
    if (duplicate !== null) {
      const where = msg.input.at(duplicate.line, duplicate.column);
      throw new InputError(msg.input.duplicateKey(where, duplicate.key, msg.input.at(duplicate.first.line, duplicate.first.column)));
    }
  }
  return value;
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

import { readFile } from 'node:fs/promises';

/** Where an input's JSON comes from: a file, or text already read (standard input). */
export type InputSource = { kind: 'file'; path: string } | { kind: 'text'; text: string };

/** An input that cannot be read or is not JSON; the message says where, without the input's name. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

export async function readInputText(source: InputSource): Promise<string> {
  if (source.kind === 'text') return source.text;
  try {
    return await readFile(source.path, 'utf8');
  } catch (error) {
    throw new InputError(describeReadError(error));
  }
}

/** Reads an input and parses its JSON; a syntax error names its line and column. */
export async function readInput(source: InputSource): Promise<unknown> {
  return parseJsonInput(await readInputText(source));
}

async function parseJsonInput(raw: string): Promise<unknown> {
  // A byte-order mark is what some Windows editors put first; it is not part of the JSON.
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  try {
    return JSON.parse(text);
  } catch (error) {
    // loaded only for bad input: every start of the command would pay for the parser otherwise
    const { findJsonSyntaxError, lineAndColumn, positionInMessage } = await import('./json-syntax.js');
    const found = findJsonSyntaxError(text);
    if (found) throw new InputError(`line ${found.line}, column ${found.column}: invalid JSON: ${found.message}`);
    const message = error instanceof Error ? error.message : String(error);
    const position = positionInMessage(message);
    if (position === null) throw new InputError(`invalid JSON: ${message}`);
    const { line, column } = lineAndColumn(text, position);
    throw new InputError(`line ${line}, column ${column}: invalid JSON: ${message}`);
  }
}

export function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a folder, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read (permission denied)';
  return `cannot be read: ${error instanceof Error ? error.message : String(error)}`;
}

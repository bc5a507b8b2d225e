import { readdir, stat } from 'node:fs/promises';
import { join, parse, resolve } from 'node:path';
import { describeReadError, type InputSource } from './read-input.js';

/** The argument that means "read standard input". */
export const STDIN_ARGUMENT = '-';
/** The name standard input goes by, in messages and as the outputs' base name. */
export const STDIN_NAME = 'stdin';

/** One input to work on, found from the command line. */
export interface InputEntry {
  /** As messages name it: the argument as typed, or folder/file for a folder's files; "stdin". */
  name: string;
  /** The outputs' file name without extension: the input's name without ".json". */
  base: string;
  /** The input's absolute path, or null for standard input. */
  path: string | null;
}

/** An argument that names no input: a missing path, an empty folder. */
export interface InputProblem {
  name: string;
  message: string;
}

export interface ExpandedInputs {
  entries: InputEntry[];
  problems: InputProblem[];
  /** Whether standard input is among the inputs (it has to be read before anything else). */
  usesStdin: boolean;
}

/**
 * Turns the command-line arguments into inputs: a file is itself, a folder is every *.json
 * file directly inside it (sorted by name), "-" is standard input. A path given twice counts once.
 */
export async function expandInputs(args: readonly string[], cwd = process.cwd()): Promise<ExpandedInputs> {
  const entries: InputEntry[] = [];
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  let usesStdin = false;

  const add = (name: string, path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    entries.push({ name, base: parse(path).name, path });
  };

  for (const arg of args) {
    if (arg === STDIN_ARGUMENT) {
      if (!usesStdin) entries.push({ name: STDIN_NAME, base: STDIN_NAME, path: null });
      usesStdin = true;
      continue;
    }
    const path = resolve(cwd, arg);
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      problems.push({ name: arg, message: code === 'ENOENT' ? 'no such file or folder' : describeReadError(error) });
      continue;
    }
    if (!info.isDirectory()) {
      add(arg, path);
      continue;
    }
    let names: string[];
    try {
      const dirents = await readdir(path, { withFileTypes: true });
      names = dirents.filter((d) => /\.json$/i.test(d.name) && (d.isFile() || d.isSymbolicLink())).map((d) => d.name);
    } catch (error) {
      problems.push({ name: arg, message: `the folder ${describeReadError(error)}` });
      continue;
    }
    names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (names.length === 0) problems.push({ name: arg, message: 'the folder holds no .json file' });
    for (const name of names) add(join(arg, name), join(path, name));
  }
  return { entries, problems, usesStdin };
}

/** Reads all of standard input as UTF-8 text. */
export async function readStdin(stream: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

export function sourceOf(entry: InputEntry, stdinText: string | null): InputSource {
  return entry.path === null ? { kind: 'text', text: stdinText ?? '' } : { kind: 'file', path: entry.path };
}

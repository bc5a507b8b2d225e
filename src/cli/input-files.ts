import { readdir, stat } from 'node:fs/promises';
import { basename, join, parse, resolve } from 'node:path';
import type { Messages } from './messages.js';
import { describeReadError, type InputSource } from './read-input.js';

/** The argument that means "read standard input". */
export const STDIN_ARGUMENT = '-';
/** The name standard input goes by, in messages and as the outputs' base name. */
const STDIN_NAME = 'stdin';

/** One input to work on, found from the command line. */
export interface InputEntry {
  /** As messages name it: the argument as typed, or folder/sub/file for a folder's files; "stdin". */
  name: string;
  /** The outputs' file name without extension: the input's name without ".json". */
  base: string;
  /** The folder, relative to the output folder, its outputs go to ('' for the output folder itself). */
  outSubdir: string;
  /** The input's absolute path, or null for standard input. */
  path: string | null;
}

/** An argument that names no input: a missing path, an empty folder. */
interface InputProblem {
  name: string;
  message: string;
}

interface ExpandedInputs {
  entries: InputEntry[];
  problems: InputProblem[];
  /** Whether standard input is among the inputs (it has to be read before anything else). */
  usesStdin: boolean;
}

/**
 * Turns the command-line arguments into inputs: a file is itself; a folder is every *.json file
 * in it and in its subfolders (hidden folders and node_modules left out, symbolic links to
 * folders not followed), whose outputs mirror the folder tree; "-" is standard input.
 * With several folders, each one's tree goes under its own name, so that two month folders
 * holding the same file names do not collide. A path given twice counts once.
 */
export async function expandInputs(args: readonly string[], cwd: string, msg: Messages): Promise<ExpandedInputs> {
  const entries: InputEntry[] = [];
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  let usesStdin = false;

  const add = (name: string, path: string, outSubdir: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    entries.push({ name, base: parse(path).name, outSubdir, path });
  };

  const found: { arg: string; path: string; isFolder: boolean }[] = [];
  for (const arg of args) {
    if (arg === STDIN_ARGUMENT) {
      if (!usesStdin) entries.push({ name: STDIN_NAME, base: STDIN_NAME, outSubdir: '', path: null });
      usesStdin = true;
      continue;
    }
    const path = resolve(cwd, arg);
    try {
      found.push({ arg, path, isFolder: (await stat(path)).isDirectory() });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      problems.push({ name: arg, message: code === 'ENOENT' ? msg.input.noSuchFileOrFolder : describeReadError(error, msg) });
    }
  }
  const folderCount = new Set(found.filter((f) => f.isFolder).map((f) => f.path)).size;

  for (const { arg, path, isFolder } of found) {
    if (!isFolder) {
      add(arg, path, '');
      continue;
    }
    let files: string[];
    try {
      files = await jsonFilesUnder(path, '', (sub, error) => problems.push({ name: join(arg, sub), message: msg.input.folderUnreadable(describeReadError(error, msg)) }));
    } catch (error) {
      problems.push({ name: arg, message: msg.input.folderUnreadable(describeReadError(error, msg)) });
      continue;
    }
    if (files.length === 0) problems.push({ name: arg, message: msg.input.folderEmpty });
    const prefix = folderCount > 1 ? basename(path) : '';
    for (const file of files) {
      const sub = parse(file).dir;
      add(join(arg, file), join(path, file), join(prefix, sub));
    }
  }
  return { entries, problems, usesStdin };
}

/** A subfolder searched for inputs: not hidden, not node_modules. */
export function isSearchedFolder(name: string): boolean {
  return !name.startsWith('.') && name !== 'node_modules';
}

/** The name of a file taken as an input in a folder. */
export function isInputFileName(name: string): boolean {
  return /\.json$/i.test(name);
}

/**
 * Paths (relative to `root`) of the *.json files under it, sorted by folder, then name. A
 * subfolder that cannot be read is reported through `unreadable`, and the others still count.
 */
async function jsonFilesUnder(root: string, sub: string, unreadable: (sub: string, error: unknown) => void): Promise<string[]> {
  const dirents = await readdir(join(root, sub), { withFileTypes: true });
  const files: string[] = [];
  const folders: string[] = [];
  for (const d of dirents) {
    if (d.isDirectory()) {
      if (isSearchedFolder(d.name)) folders.push(d.name);
    } else if (isInputFileName(d.name) && (d.isFile() || d.isSymbolicLink())) {
      files.push(d.name);
    }
  }
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const result = files.sort(byName).map((name) => join(sub, name));
  for (const folder of folders.sort(byName)) {
    try {
      result.push(...(await jsonFilesUnder(root, join(sub, folder), unreadable)));
    } catch (error) {
      unreadable(join(sub, folder), error);
    }
  }
  return result;
}

/** Reads all of standard input as bytes (decoded, strictly, with the other inputs). */
export async function readStdin(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return new Uint8Array(Buffer.concat(chunks));
}

export function sourceOf(entry: InputEntry, stdinBytes: Uint8Array | null): InputSource {
  return entry.path === null ? { kind: 'bytes', bytes: stdinBytes ?? new Uint8Array() } : { kind: 'file', path: entry.path };
}

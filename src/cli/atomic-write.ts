import { randomBytes } from 'node:crypto';
import { closeSync, fsync, lstatSync, openSync, readdirSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { lstat, mkdir, readdir, rm, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fsReason, type Messages } from './messages.js';

export interface OutputFile {
  /** Absolute path of the file to write. */
  path: string;
  /** The path as messages show it. */
  display: string;
  data: Uint8Array;
}

/** An output that could not be written; nothing of it is left behind. */
export class WriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WriteError';
  }
}

/** `.<name>.<pid>.<8 hex>.tmp`, in the output's own folder so that renaming it is atomic. */
export function tempPathFor(path: string, pid = process.pid): string {
  return join(dirname(path), `.${basename(path)}.${pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Our temporary files' names; the process id is the first group. */
const TEMP_NAME = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/**
 * Writes files so that each is whole or absent: every file goes to a temporary file next to
 * it first, and only when all of them are written are they renamed into place. Any failure
 * removes the temporary files; an existing target that is a folder fails before anything is written.
 * Renaming replaces a symbolic link in the target's place; it never writes through it.
 */
export async function writeFilesAtomically(files: readonly OutputFile[], msg: Messages): Promise<void> {
  for (const file of files) {
    if (isFolder(file.path)) throw new WriteError(msg.write.cannotWrite(file.display, msg.write.folderInTheWay));
  }
  const temps = files.map((file) => ({ file, temp: tempPathFor(file.path), renamed: false }));
  try {
    // side by side: most of a file's writing is waiting for the disk to confirm the flush
    const writes = await Promise.allSettled(
      temps.map((entry) =>
        writeWhole(entry.temp, entry.file.data).catch((error: unknown) => {
          throw new WriteError(msg.write.cannotWrite(entry.file.display, fsReason(msg, error)));
        }),
      ),
    );
    // the first file that failed, in the job's order (with a full disk, a later file can be the
    // one that filled it)
    const refused = writes.find((write) => write.status === 'rejected');
    if (refused) throw refused.reason;
    for (const entry of temps) {
      try {
        renameSync(entry.temp, entry.file.path);
      } catch (error) {
        throw new WriteError(msg.write.cannotWrite(entry.file.display, fsReason(msg, error)));
      }
      entry.renamed = true;
    }
  } finally {
    for (const entry of temps) if (!entry.renamed) removeQuietly(entry.temp);
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // never created, or gone already
  }
}

/**
 * Whether a folder stands where a file is to be written. Asked synchronously: a look at a folder's
 * entry takes microseconds, less than the promise and the thread pool's round trip did, twice
 * for every document of a batch.
 */
function isFolder(path: string): boolean {
  try {
    return lstatSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false; // not readable: writing it says why
  }
}

/**
 * Creates a new file (never an existing one) with the data, flushed to disk. Opening, writing
 * and closing are synchronous: each takes microseconds for a document's file, less than a
 * round trip through the thread pool and its promise (five a file, two files a document in a
 * batch). Only the flush, which waits for the disk, goes to the thread pool, so the files of a
 * job are flushed side by side.
 */
async function writeWhole(path: string, data: Uint8Array): Promise<void> {
  const descriptor = openSync(path, 'wx');
  try {
    for (let written = 0; written < data.length; ) written += writeSync(descriptor, data, written, data.length - written);
    await new Promise<void>((resolve, reject) => fsync(descriptor, (error) => (error ? reject(error) : resolve())));
  } finally {
    closeSync(descriptor);
  }
}

/**
 * Creates a folder and its missing parents, one level at a time from the nearest one that
 * exists. `mkdir(…, { recursive: true })` is not used: on Node 20 it loops for ever on a file
 * system that refuses new folders without saying why (`/proc/nope`). Here every refusal is
 * final, and an error says which level failed and why.
 */
export async function makeFolder(path: string, display: string, msg: Messages): Promise<void> {
  const missing: string[] = [];
  let dir = path;
  for (;;) {
    let info;
    try {
      info = await stat(dir);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // ENOTDIR: a file on the way; it is found, and named, a level up.
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new WriteError(msg.write.cannotCreateOut(display, fsReason(msg, error)));
      info = null;
    }
    if (info !== null) {
      if (!info.isDirectory()) throw new WriteError(msg.write.cannotCreateOut(display, msg.write.notAFolder(dir === path ? display : dir)));
      break;
    }
    missing.push(dir);
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const level of missing.reverse()) {
    try {
      await mkdir(level);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' && (await stat(level).catch(() => null))?.isDirectory()) continue;
      // ENOENT with the parent in place: a file system such as /proc that makes no folders.
      const reason = code === 'ENOENT' ? msg.write.notAllowed : fsReason(msg, error);
      throw new WriteError(msg.write.cannotCreateOut(display, reason));
    }
  }
}

/**
 * Removes the temporary files this process left in a folder (after an interrupt, when worker
 * threads were stopped mid-write, or after a batch in which a worker died while writing).
 * Synchronous, for use on the way out; only when no thread of this process is writing.
 */
export function removeTempFiles(dir: string, pid = process.pid): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (TEMP_NAME.exec(name)?.[1] !== String(pid)) continue;
    try {
      unlinkSync(join(dir, name));
    } catch {
      // already gone
    }
  }
}

/**
 * Removes temporary files that an earlier run killed mid-write left in a folder: files of our
 * own naming whose process is no longer running. With `folders`, the staging folders of our own
 * naming that start with that prefix too (`templates init`'s). Returns how many were removed.
 */
export async function removeStaleTempFiles(
  dir: string,
  options: { folders?: string; isRunning?: (pid: number) => boolean } = {},
): Promise<number> {
  const isRunning = options.isRunning ?? processIsRunning;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const pid = Number(TEMP_NAME.exec(name)?.[1] ?? NaN);
    if (!Number.isSafeInteger(pid) || pid === process.pid || isRunning(pid)) continue;
    const path = join(dir, name);
    try {
      const info = await lstat(path);
      if (info.isFile()) await unlink(path);
      else if (info.isDirectory() && options.folders !== undefined && name.startsWith(options.folders)) await rm(path, { recursive: true });
      else continue;
      removed++;
    } catch {
      // gone already, or not ours to remove
    }
  }
  return removed;
}

function processIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, someone else's
  }
}

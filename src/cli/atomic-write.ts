import { randomBytes } from 'node:crypto';
import { readdirSync, unlinkSync } from 'node:fs';
import { lstat, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

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

const TEMP_NAME = (pid: number) => new RegExp(`^\\..+\\.${pid}\\.[0-9a-f]{8}\\.tmp$`);

/**
 * Writes files so that each is whole or absent: every file goes to a temporary file next to
 * it first, and only when all of them are written are they renamed into place. Any failure
 * removes the temporary files; an existing target that is a folder fails before anything is written.
 */
export async function writeFilesAtomically(files: readonly OutputFile[]): Promise<void> {
  for (const file of files) {
    const existing = await lstat(file.path).catch(() => null);
    if (existing?.isDirectory()) throw new WriteError(`cannot write ${file.display}: a folder of that name is in the way`);
  }
  const temps: { file: OutputFile; temp: string; renamed: boolean }[] = [];
  try {
    for (const file of files) {
      const entry = { file, temp: tempPathFor(file.path), renamed: false };
      temps.push(entry);
      await writeWhole(entry.temp, file.data).catch((error: unknown) => {
        throw new WriteError(`cannot write ${file.display}: ${reasonOf(error)}`);
      });
    }
    for (const entry of temps) {
      await rename(entry.temp, entry.file.path).catch((error: unknown) => {
        throw new WriteError(`cannot write ${entry.file.display}: ${reasonOf(error)}`);
      });
      entry.renamed = true;
    }
  } finally {
    await Promise.all(temps.filter((t) => !t.renamed).map((t) => unlink(t.temp).catch(() => undefined)));
  }
}

/** Creates a new file (never an existing one) with the data, flushed to disk. */
async function writeWhole(path: string, data: Uint8Array): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Removes the temporary files this process left in a folder (after an interrupt, when
 * worker threads were stopped mid-write). Synchronous, for use on the way out.
 */
export function removeTempFiles(dir: string, pid = process.pid): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const pattern = TEMP_NAME(pid);
  for (const name of names) {
    if (!pattern.test(name)) continue;
    try {
      unlinkSync(join(dir, name));
    } catch {
      // already gone
    }
  }
}

function reasonOf(error: unknown): string {
  const e = error as NodeJS.ErrnoException | undefined;
  switch (e?.code) {
    case 'ENOENT':
      return 'the folder does not exist';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EISDIR':
      return 'a folder of that name is in the way';
    case 'EROFS':
      return 'the file system is read-only';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

import { copyFile, lstat, mkdir, readdir, rename, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { defaultTemplatesDir } from '../node/package-paths.js';
import { listProfiles } from '../node/template-folders.js';
import { makeFolder, removeStaleTempFiles, tempPathFor } from './atomic-write.js';
import type { CommandContext } from './context.js';
import { displayPath } from './display-path.js';
import { EXIT_FAILED, EXIT_OK } from './exit-codes.js';
import { fsReason } from './messages.js';

export interface TemplatesInitOptions {
  force?: boolean;
}

const README = 'README.md';

/**
 * `ket-luan templates init <dir>`: an editable copy of the package's templates (every profile
 * folder, and templates/README.md when there is one), to pass back with --templates <dir>.
 *
 * The copy is made in a hidden folder beside <dir> and renamed into place when whole, so a
 * full disk or an interrupt leaves no half-copied folder. Nothing is written through a symbolic
 * link: <dir> itself, or anything in it the copy would replace, being one is refused up front.
 */
export async function templatesInitCommand(dir: string, options: TemplatesInitOptions, context: CommandContext): Promise<number> {
  const { io, msg } = context;
  const fail = (message: string) => {
    io.stderr.write(`${msg.errorPrefix}${message}\n`);
    return EXIT_FAILED;
  };
  const target = resolve(io.cwd, dir);
  const existing = await lstat(target).catch(() => null);
  if (existing?.isSymbolicLink()) return fail(msg.write.symlink(dir));
  if (existing && !existing.isDirectory()) return fail(msg.templatesInit.notFolder(dir));
  const empty = existing === null || (await readdir(target)).length === 0;
  if (!empty && options.force !== true) return fail(msg.templatesInit.notEmpty(dir));

  const source = defaultTemplatesDir();
  const profiles = listProfiles(source);
  const sources = [...profiles, ...((await lstat(join(source, README)).catch(() => null))?.isFile() ? [README] : [])];
  const files = (await Promise.all(sources.map((entry) => filesUnder(source, entry)))).flat();

  if (!empty) {
    // Every path the copy would replace, and every folder on the way to it, must be no link.
    const paths = new Set(files.flatMap((file) => ancestorsWithin(file).map((p) => join(target, p))));
    for (const path of [...paths].sort()) {
      if ((await lstat(path).catch(() => null))?.isSymbolicLink()) return fail(msg.write.symlink(displayPath(path, io.cwd)));
    }
  }

  const staging = tempPathFor(target);
  try {
    await makeFolder(dirname(target), displayPath(dirname(target), io.cwd), msg);
    // A copy killed half-way (kill -9, a power cut) left its staging folder.
    await removeStaleTempFiles(dirname(target), { folders: `.${basename(target)}.` });
    await mkdir(staging);
    for (const file of files) {
      await mkdir(dirname(join(staging, file)), { recursive: true });
      await copyFile(join(source, file), join(staging, file));
    }
    if (existing === null) {
      await rename(staging, target);
    } else if (empty) {
      await rmdir(target);
      await rename(staging, target);
    } else {
      // Into a folder with other files: each file replaces its namesake by a rename.
      for (const file of files) {
        for (const folder of ancestorsWithin(file).slice(0, -1)) {
          await mkdir(join(target, folder)).catch((error: NodeJS.ErrnoException) => {
            if (error.code !== 'EEXIST') throw error;
          });
        }
        await rename(join(staging, file), join(target, file));
      }
    }
  } catch (error) {
    const reason = error instanceof Error && error.name === 'WriteError' ? error.message : fsReason(msg, error);
    return fail(msg.templatesInit.cannotCopy(dir, reason));
  } finally {
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
  }
  io.stdout.write(`${msg.templatesInit.copied(profiles.join(', '), dir)}\n`);
  return EXIT_OK;
}

/** The files (relative to `root`) at or under `entry`; symbolic links are not followed. */
async function filesUnder(root: string, entry: string): Promise<string[]> {
  const info = await lstat(join(root, entry));
  if (info.isFile()) return [entry];
  if (!info.isDirectory()) return [];
  const names = await readdir(join(root, entry));
  return (await Promise.all(names.sort().map((name) => filesUnder(root, join(entry, name))))).flat();
}

/** "a/b/c.hbs" → ["a", "a/b", "a/b/c.hbs"]. */
function ancestorsWithin(file: string): string[] {
  const parts = relative('.', file).split(/[\\/]/);
  return parts.map((_, i) => join(...parts.slice(0, i + 1)));
}


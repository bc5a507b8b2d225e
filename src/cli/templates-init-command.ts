import { copyFile, mkdir, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { defaultTemplatesDir } from '../node/package-paths.js';
import { listProfiles } from '../node/template-folders.js';
import { EXIT_FAILED, EXIT_OK } from './exit-codes.js';

export interface TemplatesInitOptions {
  force?: boolean;
}

const README = 'README.md';

/**
 * `ket-luan templates init <dir>`: an editable copy of the package's templates (every profile
 * folder, and templates/README.md when there is one), to pass back with --templates <dir>.
 */
export async function templatesInitCommand(dir: string, options: TemplatesInitOptions): Promise<number> {
  const target = resolve(dir);
  const existing = await stat(target).catch(() => null);
  if (existing && !existing.isDirectory()) {
    process.stderr.write(`error: ${dir} exists and is not a folder\n`);
    return EXIT_FAILED;
  }
  if (existing && options.force !== true && (await readdir(target)).length > 0) {
    process.stderr.write(`error: ${dir} is not empty; use --force to copy the templates into it anyway (files of the same name are overwritten)\n`);
    return EXIT_FAILED;
  }
  const source = defaultTemplatesDir();
  const profiles = listProfiles(source);
  try {
    await mkdir(target, { recursive: true });
    for (const profile of profiles) await copyTree(join(source, profile), join(target, profile));
    const readme = await stat(join(source, README)).catch(() => null);
    if (readme?.isFile()) await copyFile(join(source, README), join(target, README));
  } catch (error) {
    process.stderr.write(`error: cannot copy the templates to ${dir}: ${(error as Error).message}\n`);
    return EXIT_FAILED;
  }
  process.stdout.write(
    `copied the templates (profiles ${profiles.join(', ')}) to ${dir}\n` +
      `Edit them, then: ket-luan render --templates ${dir} <input.json>\n`,
  );
  return EXIT_OK;
}

async function copyTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    if (entry.isDirectory()) await copyTree(join(from, entry.name), join(to, entry.name));
    else if (entry.isFile()) await copyFile(join(from, entry.name), join(to, entry.name));
  }
}

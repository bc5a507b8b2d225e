import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ConclusionWarning } from '../lint/warning.js';
import { TemplateError } from '../templates/errors.js';
import { DEFAULT_PROFILE, PROFILE_FILE, TEMPLATE_FILES } from '../templates/files.js';
import { loadTemplateSet, type TemplateSet } from '../templates/load.js';
import type { TemplateSource } from '../templates/source.js';
import { checkTemplatesFolder } from './folder-check.js';
import { defaultTemplatesDir } from './package-paths.js';
import { readLimitedText } from './read-limited.js';

export interface LoadTemplatesOptions {
  /** A folder laid out like the package's templates/ whose files shadow the defaults. */
  templates?: string;
  /** The profile's folder name, e.g. "thong-bao-hd36". */
  profile?: string;
}

/**
 * A templates folder on disk as a source of template and profile files; `unused` is what
 * checkTemplatesFolder found in it.
 */
function folderSource(dir: string, unused: readonly ConclusionWarning[] = []): TemplateSource {
  return {
    describe: (file) => join(dir, ...file.split('/')),
    read: (file, kind) => {
      const path = join(dir, ...file.split('/'));
      if (!existsSync(path)) return undefined;
      return readLimitedText(path, kind);
    },
    profiles: () => listProfiles(dir),
    unused: () => unused,
  };
}

export function listProfiles(root: string): string[] {
  if (!existsSync(root) || !statSync(root).isDirectory()) return [];
  return readdirSync(root)
    .filter((name) => existsSync(join(root, name, PROFILE_FILE)))
    .sort();
}

const cache = new Map<string, TemplateSet>();

/**
 * Loads and checks a profile with its templates from the package's templates/ folder and an
 * optional override folder (see loadTemplateSet). Results are cached per folder and profile,
 * keyed by the files' sizes and modification times, so an edited file is read again.
 */
export function loadTemplates(options: LoadTemplatesOptions = {}): TemplateSet {
  const roots = rootsOf(options);
  const profile = options.profile ?? DEFAULT_PROFILE;
  // The override folder is looked through on every call, as the files' times are: a file added
  // or renamed since changes what it holds but not the state of the files the loader reads.
  const packageProfiles = listProfiles(roots[0]!);
  const unused = roots.length > 1 ? checkTemplatesFolder(roots[1]!, packageProfiles) : [];
  // An override folder may hold a package profile's templates without its profile.json: its files
  // count too, or an edit to them would not be seen.
  const key = JSON.stringify([roots, profile, roots.map((root) => filesState(root, packageProfiles)), unused.map((w) => [w.field, w.message])]);
  const cached = cache.get(key);
  if (cached) return cached;
  const set = loadTemplateSet(
    roots.map((root, i) => folderSource(root, i === 0 ? [] : unused)),
    profile,
  );
  cache.set(key, set);
  return set;
}

function rootsOf(options: LoadTemplatesOptions): string[] {
  const roots = [defaultTemplatesDir()];
  if (options.templates !== undefined) {
    const dir = resolve(options.templates);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      throw new TemplateError(dir, 'the templates folder does not exist', { detailVi: 'thư mục mẫu văn bản không tồn tại' });
    }
    roots.push(dir);
  }
  return roots;
}

/** The size and modification time of every file a profile folder of `root` (its own, and the package's) may hold. */
function filesState(root: string, packageProfiles: readonly string[]): (string | number)[] {
  return [...new Set([...packageProfiles, ...listProfiles(root)])].sort().flatMap((profile) =>
    [PROFILE_FILE, ...Object.values(TEMPLATE_FILES)].map((file) => {
      const path = join(root, profile, file);
      const stats = statSync(path, { throwIfNoEntry: false });
      if (stats === undefined) return 0;
      return `${profile}/${file}:${stats.size}:${stats.mtimeMs}`;
    }),
  );
}

import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ConclusionWarning } from '../lint/warning.js';
import { nearestKey } from '../schema/errors.js';
import { PROFILE_FILE, TEMPLATE_FILES } from '../templates/files.js';

const FILE_NAMES: readonly string[] = [PROFILE_FILE, ...Object.values(TEMPLATE_FILES)];

/** Notes for people, not read by the loader: never warned about. */
const isNote = (name: string) => name.startsWith('.') || /\.(md|txt)$/i.test(name);

function unused(code: string, path: string, en: string, vi: string): ConclusionWarning {
  return { code, field: path, message: `is not used: ${en}`, messageVi: `không được dùng: ${vi}` };
}

/**
 * What in a templates folder the loader would pass over without a word: a file outside any
 * profile folder, a folder that is no profile, a file in a profile folder with a name no
 * template has (`titel.hbs`), a folder inside a profile folder. Each is named with the names
 * that are known, and the one it most likely means. Each warning's `field` is the file's path.
 */
export function checkTemplatesFolder(dir: string, knownProfiles: readonly string[]): ConclusionWarning[] {
  const warnings: ConclusionWarning[] = [];
  const entries = readdirSync(dir).sort();
  const profiles = [...new Set([...knownProfiles, ...entries.filter((name) => existsSync(join(dir, name, PROFILE_FILE)))])].sort();
  const list = profiles.join(', ');
  for (const name of entries) {
    const path = join(dir, name);
    if (isNote(name)) continue;
    if (!statSync(path).isDirectory()) {
      const example = join(dir, profiles[0] ?? 'ket-luan-hd36', name);
      warnings.push(
        unused(
          'template-file-outside-profile',
          path,
          `files go in a profile's folder, e.g. ${example} (profiles: ${list})`,
          `tệp phải nằm trong thư mục của một hồ sơ, ví dụ ${example} (các hồ sơ: ${list})`,
        ),
      );
      continue;
    }
    if (!profiles.includes(name)) {
      const meant = nearestKey(name, profiles);
      warnings.push(
        unused(
          'template-folder-unknown',
          path,
          `no profile is named ${name}${meant ? `; did you mean ${meant}?` : ''} (profiles: ${list}; a new profile needs a ${PROFILE_FILE})`,
          `không có hồ sơ tên ${name}${meant ? `; có phải là ${meant}?` : ''} (các hồ sơ: ${list}; hồ sơ mới cần có ${PROFILE_FILE})`,
        ),
      );
      continue;
    }
    warnings.push(...checkProfileFolder(path));
  }
  return warnings;
}

function checkProfileFolder(dir: string): ConclusionWarning[] {
  const warnings: ConclusionWarning[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (isNote(name) || FILE_NAMES.includes(name)) continue;
    if (statSync(path).isDirectory()) {
      warnings.push(
        unused(
          'template-folder-unknown',
          path,
          `a profile's files sit directly in its folder ${dir}, not in a folder inside it`,
          `các tệp của hồ sơ nằm ngay trong thư mục ${dir}, không nằm trong thư mục con`,
        ),
      );
      continue;
    }
    const meant = meantFile(name);
    const files = FILE_NAMES.join(', ');
    warnings.push(
      unused(
        'template-file-unknown',
        path,
        `no template has this name${meant ? `; did you mean ${meant}?` : ''} (the files: ${files})`,
        `không có mẫu nào tên này${meant ? `; có phải là ${meant}?` : ''} (các tệp: ${files})`,
      ),
    );
  }
  return warnings;
}

/** The file a misspelt name means, by the whole name (`titel.hbs`) or its stem (`title.handlebars`). */
function meantFile(name: string): string | undefined {
  const stem = (file: string) => file.replace(/\.[^.]*$/, '');
  const byName = nearestKey(name, FILE_NAMES);
  if (byName !== undefined) return byName;
  const byStem = nearestKey(stem(name), FILE_NAMES.map(stem));
  return byStem === undefined ? undefined : FILE_NAMES.find((file) => stem(file) === byStem);
}

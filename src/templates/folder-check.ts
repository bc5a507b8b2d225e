import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { nearestKey } from '../schema/errors.js';
import { templateWarning, type TemplateWarning } from './errors.js';
import { PROFILE_FILE, TEMPLATE_FILES } from './files.js';

const FILE_NAMES: readonly string[] = [PROFILE_FILE, ...Object.values(TEMPLATE_FILES)];

/** Notes for people, not read by the loader: never warned about. */
const isNote = (name: string) => name.startsWith('.') || /\.(md|txt)$/i.test(name);

/**
 * What in a templates folder the loader would pass over without a word: a file outside any
 * profile folder, a folder that is no profile, a file in a profile folder with a name no
 * template has (`titel.hbs`), a folder inside a profile folder. Each is named with the names
 * that are known, and the one it most likely means.
 */
export function checkTemplatesFolder(dir: string, knownProfiles: readonly string[]): TemplateWarning[] {
  const warnings: TemplateWarning[] = [];
  const profiles = [...new Set([...knownProfiles, ...readdirSync(dir).filter((name) => existsSync(join(dir, name, PROFILE_FILE)))])].sort();
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (isNote(name)) continue;
    if (!statSync(path).isDirectory()) {
      const example = join(dir, profiles[0] ?? 'ket-luan-hd36', name);
      warnings.push(
        templateWarning(path, {
          en: `is not used: files go in a profile's folder, e.g. ${example} (profiles: ${profiles.join(', ')})`,
          vi: `không được dùng: tệp phải nằm trong thư mục của một bộ thể thức, ví dụ ${example} (các bộ: ${profiles.join(', ')})`,
        }),
      );
      continue;
    }
    if (!profiles.includes(name)) {
      const meant = nearestKey(name, profiles);
      warnings.push(
        templateWarning(path, {
          en: `is not used: no profile is named ${name}${meant ? `; did you mean ${meant}?` : ''} (profiles: ${profiles.join(', ')}; a new profile needs a ${PROFILE_FILE})`,
          vi: `không được dùng: không có bộ thể thức tên ${name}${meant ? `; có phải là ${meant}?` : ''} (các bộ: ${profiles.join(', ')}; bộ mới cần có ${PROFILE_FILE})`,
        }),
      );
      continue;
    }
    warnings.push(...checkProfileFolder(path));
  }
  return warnings;
}

function checkProfileFolder(dir: string): TemplateWarning[] {
  const warnings: TemplateWarning[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (isNote(name) || FILE_NAMES.includes(name)) continue;
    if (statSync(path).isDirectory()) {
      warnings.push(
        templateWarning(path, {
          en: `is not used: a profile's files sit directly in its folder ${dir}, not in a folder inside it`,
          vi: `không được dùng: các tệp của bộ thể thức nằm ngay trong thư mục ${dir}, không nằm trong thư mục con`,
        }),
      );
      continue;
    }
    const suggestion = meantFile(name);
    warnings.push(
      templateWarning(path, {
        en: `is not used: no template has this name${suggestion ? `; did you mean ${suggestion}?` : ''} (the files: ${FILE_NAMES.join(', ')})`,
        vi: `không được dùng: không có mẫu nào tên này${suggestion ? `; có phải là ${suggestion}?` : ''} (các tệp: ${FILE_NAMES.join(', ')})`,
      }),
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

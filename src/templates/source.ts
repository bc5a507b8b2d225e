import type { ConclusionWarning } from '../lint/warning.js';
import { TemplateError } from './errors.js';
import { PROFILE_FILE } from './files.js';

/**
 * Where template and profile files come from: a folder on disk (the Node layer, src/node/) or
 * files held in memory (the IO-free core). Paths are relative to the source and use "/", as in
 * "ket-luan-hd36/title.hbs".
 */
export interface TemplateSource {
  /** What messages call a file of this source: its path on disk, or its name in memory. */
  describe(file: string): string;
  /** The file's text, or undefined when the source has no such file; a file that cannot be read is a TemplateError. */
  read(file: string, kind: 'template' | 'profile'): string | undefined;
  /** The profiles the source holds: its folders with a profile.json. */
  profiles(): string[];
  /**
   * What the source holds that the loader passes over and was probably meant to be read (a
   * misspelt template file, a folder that is no profile), each warning's `field` naming the file.
   */
  unused?(): readonly ConclusionWarning[];
}

/**
 * A source of files held in memory, e.g. bundled with a web application:
 * `{ "ket-luan-hd36/profile.json": "{…}", "ket-luan-hd36/title.hbs": "KẾT LUẬN", … }`.
 * `label` prefixes each file's name in messages.
 */
export function templateFilesSource(files: Readonly<Record<string, string>>, label = ''): TemplateSource {
  if (typeof files !== 'object' || files === null || Array.isArray(files)) {
    throw new TypeError('template files must be an object of file paths (e.g. "ket-luan-hd36/title.hbs") to their text');
  }
  const copy = new Map<string, string>();
  for (const [path, text] of Object.entries(files)) {
    const file = path.replace(/\\/g, '/').replace(/^\.?\//, '');
    if (typeof text !== 'string') throw new TemplateError(label + file, 'must be given as text (a string)');
    copy.set(file, text);
  }
  return {
    describe: (file) => label + file,
    read: (file) => copy.get(file),
    profiles: () =>
      [...copy.keys()]
        .filter((file) => file.endsWith(`/${PROFILE_FILE}`) && file.split('/').length === 2)
        .map((file) => file.slice(0, -PROFILE_FILE.length - 1))
        .sort(),
  };
}

import type { ConclusionWarning } from '../lint/warning.js';
import { loadProfile, profileChain } from '../profile/load.js';
import type { Profile } from '../profile/schema.js';
import { compileTemplate, type CompiledTemplate } from './engine.js';
import { TemplateError } from './errors.js';
import { DEFAULT_PROFILE, TEMPLATE_FILES, type TemplateName } from './files.js';
import { withinSizeLimit } from './limits.js';
import { templateFilesSource, type TemplateSource } from './source.js';

/** A profile with its compiled templates: what composing a document needs. Frozen, all the way down. */
export interface TemplateSet {
  readonly profile: Profile;
  readonly templates: Readonly<Record<TemplateName, CompiledTemplate>>;
  /** Which file each template and the profile came from, for messages and maintainers. */
  readonly sources: Readonly<Record<TemplateName | 'profile', readonly string[]>>;
  /**
   * What the sources hold but nothing uses, and was probably meant to be (a misspelt template
   * file, a file outside any profile folder, a folder that is no profile), in English and
   * Vietnamese, `field` naming the file. Rendering goes on; composing passes them on as warnings.
   */
  readonly warnings: readonly ConclusionWarning[];
}

/** Template sets this module built: a look-alike object would bring an unchecked profile. */
const built = new WeakSet<object>();

export function isTemplateSet(value: unknown): value is TemplateSet {
  return typeof value === 'object' && value !== null && built.has(value);
}

/**
 * Loads and checks a profile with its templates from the given sources, later sources shadowing
 * earlier ones file by file: every file is read, parsed and validated here, so a bad template or
 * value fails before any output is written. Does no IO itself.
 */
export function loadTemplateSet(sources: readonly TemplateSource[], profileName: string = DEFAULT_PROFILE): TemplateSet {
  const chain = profileChain(sources, profileName);
  const { profile, files } = loadProfile(sources, chain);
  const templates = {} as Record<TemplateName, CompiledTemplate>;
  const origins = { profile: Object.freeze(files) } as Record<TemplateName | 'profile', readonly string[]>;
  // the requested profile before those it extends; within one, the overrides before the defaults
  const searchOrder = [...chain].reverse().flatMap((name) => [...sources].reverse().map((source) => ({ source, name })));
  for (const [name, file] of Object.entries(TEMPLATE_FILES) as [TemplateName, string][]) {
    let found: { text: string; path: string } | undefined;
    for (const { source, name: profile } of searchOrder) {
      const text = source.read(`${profile}/${file}`, 'template');
      if (text !== undefined) {
        const path = source.describe(`${profile}/${file}`);
        found = { text: withinSizeLimit(text, path, 'template'), path };
        break;
      }
    }
    if (found === undefined) {
      const profile = chain[chain.length - 1];
      throw new TemplateError(file, `template missing from profile "${profile}"`, { detailVi: `hồ sơ "${profile}" thiếu mẫu này` });
    }
    templates[name] = compileTemplate(found.text, found.path);
    origins[name] = Object.freeze([found.path]);
  }
  const warnings = deepFreeze(sources.flatMap((source) => source.unused?.() ?? []));
  const set: TemplateSet = Object.freeze({ profile: deepFreeze(profile), templates: Object.freeze(templates), sources: Object.freeze(origins), warnings });
  built.add(set);
  return set;
}

export interface TemplateFilesOptions {
  /** The profile's folder name; default "ket-luan-hd36". */
  profile?: string;
  /** Files that shadow `files` one by one, e.g. a maintainer's changes over the shipped templates. */
  overrides?: Readonly<Record<string, string>>;
}

/**
 * A template set from files held in memory, for the IO-free core (a browser, a worker without a
 * file system): `{ "ket-luan-hd36/profile.json": "{…}", "ket-luan-hd36/title.hbs": "KẾT LUẬN", … }`,
 * laid out like the package's templates/ folder.
 */
export function templateSetFromFiles(files: Readonly<Record<string, string>>, options: TemplateFilesOptions = {}): TemplateSet {
  const sources = [templateFilesSource(files)];
  if (options.overrides !== undefined) sources.push(templateFilesSource(options.overrides, 'overrides/'));
  return loadTemplateSet(sources, options.profile);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

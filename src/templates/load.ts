import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packageRoot } from '../fonts/font-files.js';
import { profileRulesSchema, profileSchema, type Profile } from '../profile/schema.js';
import { z } from 'zod';
import { nearestKey, problemsFromZod } from '../schema/errors.js';
import { compileTemplate, type CompiledTemplate } from './engine.js';
import { TemplateError, type TemplateWarning } from './errors.js';
import { DEFAULT_PROFILE, PROFILE_FILE, TEMPLATE_FILES, type TemplateName } from './files.js';
import { checkTemplatesFolder } from './folder-check.js';
import { describeJsonSyntax } from './profile-json.js';

export interface TemplateSet {
  profile: Profile;
  templates: Record<TemplateName, CompiledTemplate>;
  /** Which file each template and the profile came from, for messages and maintainers. */
  sources: Record<TemplateName | 'profile', string[]>;
  /**
   * What in the `templates` folder is not used and probably meant to be (a misspelt template
   * file, a file outside any profile folder, a folder that is no profile), in English and
   * Vietnamese. Rendering goes on; the command prints them.
   */
  warnings: TemplateWarning[];
}

export interface LoadTemplatesOptions {
  /** A folder laid out like the package's templates/ whose files shadow the defaults. */
  templates?: string;
  /** The profile's folder name, e.g. "thong-bao-hd36". */
  profile?: string;
}

// Through `z.locales`, which both the ESM and the CommonJS builds resolve the same way.
const vietnamese = z.locales.vi();

export function defaultTemplatesDir(): string {
  return join(packageRoot(), 'templates');
}

const cache = new Map<string, TemplateSet>();

/**
 * Loads and checks a profile with its templates: every file is read, parsed and validated
 * here, so a bad template or value fails before any output is written.
 * Results are cached per folder and profile, keyed by the files' modification times.
 */
export function loadTemplates(options: LoadTemplatesOptions = {}): TemplateSet {
  const roots = rootsOf(options);
  const profileName = options.profile ?? DEFAULT_PROFILE;
  const chain = profileChain(roots, profileName);
  // Read on every call, as the files' times are: a file added or renamed changes them.
  const warnings = roots.length > 1 ? checkTemplatesFolder(roots[1]!, listProfiles(roots[0]!)) : [];
  const key = JSON.stringify([roots, profileName, chain.flatMap((p) => roots.map((r) => mtimeOf(join(r, p)))), warnings.map((w) => w.message)]);
  const cached = cache.get(key);
  if (cached) return cached;
  const loaded = { ...loadUncached(roots, chain), warnings };
  cache.set(key, loaded);
  return loaded;
}

function rootsOf(options: LoadTemplatesOptions): string[] {
  const roots = [defaultTemplatesDir()];
  if (options.templates !== undefined) {
    const dir = resolve(options.templates);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      throw new TemplateError(dir, { en: 'the templates folder does not exist', vi: 'thư mục mẫu không tồn tại' });
    }
    roots.push(dir);
  }
  return roots;
}

function mtimeOf(dir: string): number[] {
  if (!existsSync(dir)) return [];
  return [PROFILE_FILE, ...Object.values(TEMPLATE_FILES)].map((f) => {
    const path = join(dir, f);
    return existsSync(path) ? statSync(path).mtimeMs : 0;
  });
}

/** The profile and those it extends, the most basic first. */
function profileChain(roots: string[], name: string): string[] {
  const chain: string[] = [];
  let current: string | undefined = name;
  while (current !== undefined) {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(current)) {
      throw new TemplateError(current, {
        en: 'a profile name is lower-case letters, digits and hyphens',
        vi: 'tên bộ thể thức chỉ gồm chữ thường, chữ số và dấu gạch ngang',
      });
    }
    if (chain.includes(current)) {
      throw new TemplateError(current, { en: `profile "${current}" extends itself`, vi: `bộ thể thức "${current}" kế thừa chính nó` });
    }
    const folders = roots.map((r) => join(r, current!)).filter((d) => existsSync(join(d, PROFILE_FILE)));
    if (folders.length === 0) {
      const known = [...new Set(roots.flatMap((r) => listProfiles(r)))];
      const meant = nearestKey(current, known);
      throw new TemplateError(current, {
        en: `no such profile${meant ? `; did you mean ${meant}?` : ''} (known: ${known.join(', ')})`,
        vi: `không có bộ thể thức này${meant ? `; có phải là ${meant}?` : ''} (các bộ có sẵn: ${known.join(', ')})`,
      });
    }
    chain.unshift(current);
    let parent: string | undefined;
    for (const folder of folders) {
      const json = readProfileJson(join(folder, PROFILE_FILE));
      if (typeof json.extends === 'string') parent = json.extends;
    }
    current = parent;
  }
  return chain;
}

export function listProfiles(root: string): string[] {
  if (!existsSync(root) || !statSync(root).isDirectory()) return [];
  return readdirSync(root)
    .filter((name) => existsSync(join(root, name, PROFILE_FILE)))
    .sort();
}

function readProfileJson(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw unreadable(path, error);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new TemplateError(path, describeJsonSyntax(text, (error as Error).message));
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new TemplateError(path, { en: 'must hold a JSON object', vi: 'phải chứa một đối tượng JSON { … }' });
  }
  return json as Record<string, unknown>;
}

function loadUncached(roots: string[], chain: string[]): Omit<TemplateSet, 'warnings'> {
  const profileFiles = chain.flatMap((name) => roots.map((r) => join(r, name, PROFILE_FILE))).filter((p) => existsSync(p));
  const layers = profileFiles.map((path) => ({ path, json: readProfileJson(path) }));
  const merged = layers.reduce<Record<string, unknown>>((acc, layer) => deepMerge(acc, withoutExtends(layer.json)), {});
  const parsed = profileRulesSchema.safeParse(merged);
  if (!parsed.success) {
    const inVietnamese = profileRulesSchema.safeParse(merged, { error: vietnamese.localeError as z.core.$ZodErrorMap });
    const problems = problemsFromZod(parsed.error.issues, inVietnamese.success ? [] : inVietnamese.error.issues, { schema: profileSchema, input: merged });
    // each problem in the most specific file that sets its key; the error names the first one's
    const fileOf = (path: (string | number)[]) => [...layers].reverse().find((l) => hasPath(l.json, path))?.path ?? layers[layers.length - 1]!.path;
    const file = fileOf(problems[0]!.path);
    const line = (p: (typeof problems)[number], message: string) => {
      const where = fileOf(p.path) === file ? '' : `${fileOf(p.path)}: `;
      return `${where}${p.field}: ${message}${allowedOf(p.path)}`;
    };
    throw new TemplateError(file, {
      en: problems.map((p) => line(p, p.message)).join('\n'),
      vi: problems.map((p) => line(p, p.messageVi)).join('\n'),
    });
  }

  const templates = {} as Record<TemplateName, CompiledTemplate>;
  const sources = { profile: profileFiles } as Record<TemplateName | 'profile', string[]>;
  const searchOrder = [...chain].reverse().flatMap((name) => [...roots].reverse().map((r) => join(r, name)));
  for (const [name, file] of Object.entries(TEMPLATE_FILES) as [TemplateName, string][]) {
    const path = searchOrder.map((dir) => join(dir, file)).find((p) => existsSync(p));
    if (path === undefined) {
      const profile = chain[chain.length - 1];
      throw new TemplateError(file, { en: `template missing from profile "${profile}"`, vi: `bộ thể thức "${profile}" thiếu mẫu này` });
    }
    templates[name] = compileTemplate(readTemplateFile(path), path);
    sources[name] = [path];
  }
  return { profile: parsed.data, templates, sources };
}

function readTemplateFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw unreadable(path, error);
  }
}

function unreadable(path: string, error: unknown): TemplateError {
  const reason = (error as Error).message;
  return new TemplateError(path, { en: `cannot be read: ${reason}`, vi: `không đọc được: ${reason}` });
}

function allowedOf(path: (string | number)[]): string {
  let schema: unknown = profileSchema;
  for (const key of path) {
    const shape = (schema as { shape?: Record<string, unknown> }).shape;
    schema = shape?.[key as string];
    if (schema === undefined) return '';
  }
  const description = (schema as { description?: string }).description;
  return description ? ` (expected: ${description})` : '';
}

function withoutExtends(json: Record<string, unknown>): Record<string, unknown> {
  const { extends: _parent, ...rest } = json;
  return rest;
}

function hasPath(json: unknown, path: (string | number)[]): boolean {
  let node = json;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, key)) return false;
    node = (node as Record<string, unknown>)[key as string];
  }
  return true;
}

function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    const current = out[key];
    out[key] = isPlainObject(current) && isPlainObject(value) ? deepMerge(current, value) : value;
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

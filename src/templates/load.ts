import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packageRoot } from '../fonts/font-files.js';
import { profileRulesSchema, profileSchema, type Profile } from '../profile/schema.js';
import { formatPath } from '../schema/errors.js';
import { compileTemplate, type CompiledTemplate } from './engine.js';
import { TemplateError } from './errors.js';
import { MAX_PROFILE_BYTES, MAX_TEMPLATE_BYTES, readLimitedText } from './file-limits.js';
import { DEFAULT_PROFILE, PROFILE_FILE, TEMPLATE_FILES, type TemplateName } from './files.js';

export interface TemplateSet {
  profile: Profile;
  templates: Record<TemplateName, CompiledTemplate>;
  /** Which file each template and the profile came from, for messages and maintainers. */
  sources: Record<TemplateName | 'profile', string[]>;
}

export interface LoadTemplatesOptions {
  /** A folder laid out like the package's templates/ whose files shadow the defaults. */
  templates?: string;
  /** The profile's folder name, e.g. "thong-bao-hd36". */
  profile?: string;
}

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
  const key = JSON.stringify([roots, profileName, chain.flatMap((p) => roots.map((r) => mtimeOf(join(r, p))))]);
  const cached = cache.get(key);
  if (cached) return cached;
  const loaded = loadUncached(roots, chain);
  cache.set(key, loaded);
  return loaded;
}

function rootsOf(options: LoadTemplatesOptions): string[] {
  const roots = [defaultTemplatesDir()];
  if (options.templates !== undefined) {
    const dir = resolve(options.templates);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      throw new TemplateError(dir, 'the templates folder does not exist');
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
      throw new TemplateError(current, 'a profile name is lower-case letters, digits and hyphens');
    }
    if (chain.includes(current)) throw new TemplateError(current, `profile "${current}" extends itself`);
    const folders = roots.map((r) => join(r, current!)).filter((d) => existsSync(join(d, PROFILE_FILE)));
    if (folders.length === 0) {
      const known = roots.flatMap((r) => listProfiles(r));
      throw new TemplateError(current, `no such profile (known: ${[...new Set(known)].join(', ')})`);
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
  const text = readLimitedText(path, MAX_PROFILE_BYTES, 'profile');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new TemplateError(path, `is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new TemplateError(path, 'must hold a JSON object');
  }
  return json as Record<string, unknown>;
}

function loadUncached(roots: string[], chain: string[]): TemplateSet {
  const profileFiles = chain.flatMap((name) => roots.map((r) => join(r, name, PROFILE_FILE))).filter((p) => existsSync(p));
  const layers = profileFiles.map((path) => ({ path, json: readProfileJson(path) }));
  const merged = layers.reduce<Record<string, unknown>>((acc, layer) => deepMerge(acc, withoutExtends(layer.json)), {});
  const parsed = profileRulesSchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k));
    // A rule between keys blames the last file that set any key it weighs.
    const related = ((issue as { params?: { related?: (string | number)[][] } }).params?.related ?? []);
    const file = [...layers].reverse().find((l) => [path, ...related].some((p) => hasPath(l.json, p)))?.path ?? layers[layers.length - 1]!.path;
    const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more)` : '';
    throw new TemplateError(file, `${formatPath(path)}: ${issue.message}${allowedOf(path)}${more}`);
  }

  const templates = {} as Record<TemplateName, CompiledTemplate>;
  const sources = { profile: profileFiles } as Record<TemplateName | 'profile', string[]>;
  const searchOrder = [...chain].reverse().flatMap((name) => [...roots].reverse().map((r) => join(r, name)));
  for (const [name, file] of Object.entries(TEMPLATE_FILES) as [TemplateName, string][]) {
    const path = searchOrder.map((dir) => join(dir, file)).find((p) => existsSync(p));
    if (path === undefined) throw new TemplateError(file, `template missing from profile "${chain[chain.length - 1]}"`);
    templates[name] = compileTemplate(readLimitedText(path, MAX_TEMPLATE_BYTES, 'template'), path);
    sources[name] = [path];
  }
  return { profile: parsed.data, templates, sources };
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

import { z } from 'zod';
import { formatPath, nearestKey, problemsFromZod } from '../schema/errors.js';
import { TemplateError } from '../templates/errors.js';
import { PROFILE_FILE } from '../templates/files.js';
import { withinSizeLimit } from '../templates/limits.js';
import { describeJsonSyntax } from '../templates/profile-json.js';
import type { TemplateSource } from '../templates/source.js';
import { profileRulesSchema, profileSchema, type Profile } from './schema.js';

// Through `z.locales`, which both the ESM and the CommonJS builds resolve the same way.
const vietnamese = z.locales.vi();

/** A loaded profile and the files it was merged from, the most basic first. */
interface LoadedProfile {
  profile: Profile;
  files: string[];
}

/**
 * The profile and those it extends (`"extends": "ket-luan-hd36"`), the most basic first. Each
 * later source (an override folder) may shadow a profile's file of an earlier one (the defaults).
 */
export function profileChain(sources: readonly TemplateSource[], name: string): string[] {
  const chain: string[] = [];
  // Names are compared in NFC, like every other word the library compares.
  let current: string | undefined = name.normalize('NFC');
  while (current !== undefined) {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(current)) {
      throw new TemplateError(current, 'a profile name is lower-case letters, digits and hyphens', {
        detailVi: 'tên hồ sơ chỉ gồm chữ thường, chữ số và dấu gạch ngang',
      });
    }
    if (chain.includes(current)) throw new TemplateError(current, `profile "${current}" extends itself`, { detailVi: `hồ sơ "${current}" kế thừa chính nó` });
    const layers = profileLayers(sources, [current]);
    if (layers.length === 0) {
      const known = [...new Set(sources.flatMap((source) => source.profiles()))];
      const meant = nearestKey(current, known);
      const list = known.join(', ');
      throw new TemplateError(current, `no such profile${meant ? `; did you mean ${meant}?` : ''} (known: ${list})`, {
        detailVi: `không có hồ sơ này${meant ? `; có phải là ${meant}?` : ''} (các hồ sơ có: ${list})`,
      });
    }
    chain.unshift(current);
    let parent: string | undefined;
    for (const layer of layers) if (typeof layer.json.extends === 'string') parent = layer.json.extends.normalize('NFC');
    current = parent;
  }
  return chain;
}

interface ProfileLayer {
  file: string;
  json: Record<string, unknown>;
}

/** The profile.json files of the chain, in merge order: each profile's, the defaults before the overrides. */
function profileLayers(sources: readonly TemplateSource[], chain: readonly string[]): ProfileLayer[] {
  return chain.flatMap((name) =>
    sources.flatMap((source) => {
      const relative = `${name}/${PROFILE_FILE}`;
      const text = source.read(relative, 'profile');
      if (text === undefined) return [];
      const file = source.describe(relative);
      return [{ file, json: parseProfileJson(withinSizeLimit(text, file, 'profile'), file) }];
    }),
  );
}

function parseProfileJson(text: string, file: string): Record<string, unknown> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const { en, vi } = describeJsonSyntax(text, (error as Error).message);
    throw new TemplateError(file, en, { detailVi: vi });
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new TemplateError(file, 'must hold a JSON object', { detailVi: 'phải chứa một đối tượng JSON' });
  }
  return json as Record<string, unknown>;
}

/**
 * Merges the chain's profile files (a later file's keys replace an earlier one's, object by
 * object) and validates the result; a problem names the file that set the key. Strings come out
 * in NFC, as input text does, so that nothing later needs to normalise text again.
 */
export function loadProfile(sources: readonly TemplateSource[], chain: readonly string[]): LoadedProfile {
  const layers = profileLayers(sources, chain);
  const merged = layers.reduce<Record<string, unknown>>((acc, layer) => deepMerge(acc, withoutExtends(layer.json)), {});
  const parsed = profileRulesSchema.safeParse(merged);
  if (!parsed.success) {
    const inVietnamese = profileRulesSchema.safeParse(merged, { error: vietnamese.localeError as z.core.$ZodErrorMap });
    const problems = problemsFromZod(parsed.error.issues, inVietnamese.success ? [] : inVietnamese.error.issues, { schema: profileSchema, input: merged });
    // A rule between keys blames the last file that set any key it weighs.
    const relatedOf = (path: (string | number)[]) =>
      parsed.error.issues
        .filter((issue) => formatPath(issue.path) === formatPath(path))
        .flatMap((issue) => (issue as { params?: { related?: (string | number)[][] } }).params?.related ?? []);
    // each problem in the most specific file that sets its key; the error names the first one's
    const fileOf = (path: (string | number)[]) =>
      [...layers].reverse().find((l) => [path, ...relatedOf(path)].some((p) => hasPath(l.json, p)))?.file ?? layers[layers.length - 1]!.file;
    const file = fileOf(problems[0]!.path);
    const line = (p: (typeof problems)[number], message: string) => {
      const where = fileOf(p.path) === file ? '' : `${fileOf(p.path)}: `;
      return `${where}${p.field}: ${message}${allowedOf(p.path)}`;
    };
    throw new TemplateError(file, problems.map((p) => line(p, p.message)).join('\n'), {
      detailVi: problems.map((p) => line(p, p.messageVi)).join('\n'),
    });
  }
  return { profile: nfcStrings(parsed.data), files: layers.map((layer) => layer.file) };
}

function nfcStrings<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map(nfcStrings) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, nfcStrings(item)])) as T;
  }
  return value;
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

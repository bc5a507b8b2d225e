/**
 * Keeps templates/README.md, the maintainers' guide, honest: every profile key of the schema,
 * every template file, every template variable and every helper must have its row in the guide's
 * tables, and the values the guide quotes (ket-luan-hd36's defaults, the template outputs and
 * variable values for the reference document) must be the real ones.
 *
 * A row is a Markdown table line whose first cell is the name in backticks: "| `header.issuer.sizePt` | …".
 * When this test fails after a change to the schema, a template or profile.json, update the guide.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { templateContext } from '../../src/compose/context.js';
import { renderLines } from '../../src/compose/phrases.js';
import { profileSchema } from '../../src/profile/schema.js';
import { parseConclusion } from '../../src/schema/parse.js';
import { templateHelperNames } from '../../src/templates/engine.js';
import { DEFAULT_PROFILE, TEMPLATE_FILES, type TemplateName } from '../../src/templates/files.js';
import { defaultTemplatesDir } from '../../src/node/package-paths.js';
import { listProfiles, loadTemplates } from '../../src/node/template-folders.js';

const read = (relative: string) => readFileSync(fileURLToPath(new URL(relative, import.meta.url)), 'utf8');

const GUIDE = read('../../templates/README.md');
const GUIDE_LINES = GUIDE.split('\n');
const DEFAULT_PROFILE_JSON = JSON.parse(read(`../../templates/${DEFAULT_PROFILE}/profile.json`)) as Record<string, unknown>;
const REFERENCE_INPUT = JSON.parse(read('../../examples/cho-chu-2024-11.json')) as unknown;

// ---------------------------------------------------------------------------------------------
// Reading the guide
// ---------------------------------------------------------------------------------------------

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The table rows whose first cell is `name` in backticks. */
function rowsFor(name: string, lines: readonly string[] = GUIDE_LINES): string[] {
  const first = new RegExp(`^\\|\\s*\`${escapeRegExp(name)}\`\\s*\\|`);
  return lines.filter((line) => first.test(line));
}

/** The lines of the `## ` section whose heading contains `title`, up to the next `## ` heading. */
function section(title: string): string[] {
  const start = GUIDE_LINES.findIndex((line) => line.startsWith('## ') && line.includes(title));
  if (start === -1) throw new Error(`templates/README.md has no "## … ${title}" section`);
  const end = GUIDE_LINES.findIndex((line, i) => i > start && line.startsWith('## '));
  return GUIDE_LINES.slice(start, end === -1 ? undefined : end);
}

/** The names in the first cell of every table row of some lines ("| `name` | …"). */
function firstCells(lines: readonly string[]): string[] {
  return lines.flatMap((line) => {
    const match = /^\|\s*`([^`]+)`\s*\|/.exec(line);
    return match ? [match[1]!] : [];
  });
}

/** How the guide quotes a value: as JSON, in backticks. */
const quoted = (value: unknown) => `\`${JSON.stringify(value)}\``;

// ---------------------------------------------------------------------------------------------
// What the code says
// ---------------------------------------------------------------------------------------------

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault) {
    current = current.unwrap() as z.ZodType;
  }
  return current;
}

interface SchemaKey {
  path: string;
  /** Not an object: a value a maintainer writes. */
  leaf: boolean;
}

/** Every key of a zod object schema, depth first, as dotted paths ("header.issuer.sizePt"). */
function schemaKeys(schema: z.ZodType, prefix = ''): SchemaKey[] {
  const inner = unwrap(schema);
  if (!(inner instanceof z.ZodObject)) return [];
  return Object.entries(inner.shape as Record<string, z.ZodType>).flatMap(([key, child]) => {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    const below = schemaKeys(child, path);
    return [{ path, leaf: !(unwrap(child) instanceof z.ZodObject) }, ...below];
  });
}

const PROFILE_KEYS = schemaKeys(profileSchema);
/** `extends` is read by the loader before validation, so the schema does not have it. */
const LOADER_KEYS = ['extends'];

/** The value at a dotted path of a JSON object, or undefined. */
function valueAt(json: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined), json);
}

/** Every leaf of a plain object as a dotted path and value ("meeting.previous.month" → 10). */
function leaves(value: unknown, prefix = ''): [string, unknown][] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [[prefix, value]];
  return Object.entries(value).flatMap(([key, child]) => leaves(child, prefix === '' ? key : `${prefix}.${key}`));
}

function referenceRender() {
  const conclusion = parseConclusion(REFERENCE_INPUT);
  const set = loadTemplates({ profile: DEFAULT_PROFILE });
  const context = templateContext(conclusion, set.profile);
  return { set, context };
}

// ---------------------------------------------------------------------------------------------

describe('templates/README.md covers every profile key', () => {
  it('finds the keys of the schema (the walker still understands zod)', () => {
    const paths = PROFILE_KEYS.map((k) => k.path);
    expect(paths).toContain('header.issuer.sizePt');
    expect(paths).toContain('footer.recipient.terminator');
    expect(paths).toContain('text.firstLineIndentMm');
    expect(PROFILE_KEYS.filter((k) => k.leaf).length).toBeGreaterThan(200);
  });

  it('has a row for every key of the profile schema, by its full dotted path', () => {
    const rows = section('Profile keys');
    const missing = [...PROFILE_KEYS.map((k) => k.path), ...LOADER_KEYS].filter((path) => rowsFor(path, rows).length === 0);
    expect(missing, `templates/README.md needs a row "| \`<key>\` | …" in section 5 for: ${missing.join(', ')}`).toEqual([]);
  });

  it('lists no key the schema does not have (renamed or removed keys)', () => {
    const known = new Set([...PROFILE_KEYS.map((k) => k.path), ...LOADER_KEYS]);
    const stale = firstCells(section('Profile keys')).filter((name) => !known.has(name));
    expect(stale).toEqual([]);
  });

  it(`quotes ${DEFAULT_PROFILE}'s value of every key, or says it is inherited from text`, () => {
    const wrong: string[] = [];
    for (const { path, leaf } of PROFILE_KEYS) {
      if (!leaf) continue;
      const value = valueAt(DEFAULT_PROFILE_JSON, path);
      const rows = rowsFor(path, section('Profile keys'));
      // An element style key the profile leaves out: "*inherits* `text.sizePt`: `14`".
      const base = `text.${path.split('.').pop()}`;
      const expected = value === undefined ? `*inherits* \`${base}\`: ${quoted(valueAt(DEFAULT_PROFILE_JSON, base))}` : quoted(value);
      if (!rows.some((row) => row.includes(expected))) wrong.push(`${path} (expected ${expected})`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('templates/README.md covers every template file', () => {
  const files = Object.values(TEMPLATE_FILES);

  it('has a row for every template file', () => {
    const missing = files.filter((file) => rowsFor(file, section('Template files')).length === 0);
    expect(missing, `templates/README.md needs a row "| \`<file>\` | …" in section 3 for: ${missing.join(', ')}`).toEqual([]);
  });

  it('lists no template file the code does not have', () => {
    const stale = firstCells(section('Template files')).filter((name) => !(files as string[]).includes(name));
    expect(stale).toEqual([]);
  });

  it(`shows ${DEFAULT_PROFILE}'s real output for the reference document`, () => {
    const { set, context } = referenceRender();
    const wrong: string[] = [];
    for (const [name, file] of Object.entries(TEMPLATE_FILES) as [TemplateName, string][]) {
      const row = rowsFor(file, section('Template files'))[0] ?? '';
      for (const line of renderLines(set, name, context)) {
        if (!row.includes(`\`${line}\``)) wrong.push(`${file}: \`${line}\``);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('templates/README.md covers every other profile', () => {
  const root = defaultTemplatesDir();
  const others = listProfiles(root).filter((profile) => profile !== DEFAULT_PROFILE);

  it.each(others)('shows the real output of every template %s overrides', (profile) => {
    const conclusion = parseConclusion(REFERENCE_INPUT);
    const set = loadTemplates({ profile });
    const context = templateContext(conclusion, set.profile);
    const own = new Set(readdirSync(join(root, profile)));
    const wrong: string[] = [];
    for (const [name, file] of Object.entries(TEMPLATE_FILES) as [TemplateName, string][]) {
      if (!own.has(file)) continue;
      const row = rowsFor(`${profile}/${file}`)[0];
      if (row === undefined) {
        wrong.push(`no row "| \`${profile}/${file}\` | …"`);
        continue;
      }
      for (const line of renderLines(set, name, context)) {
        if (!row.includes(`\`${line}\``)) wrong.push(`${profile}/${file}: \`${line}\``);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('templates/README.md covers every template variable and helper', () => {
  it('has a row for every helper', () => {
    const missing = templateHelperNames.filter((helper) => rowsFor(helper, section('Template variables')).length === 0);
    expect(missing, `templates/README.md needs a row "| \`<helper>\` | …" in section 4 for: ${missing.join(', ')}`).toEqual([]);
  });

  it('has a row for every variable, with its value for the reference document', () => {
    const { context } = referenceRender();
    const variables = leaves(context);
    expect(variables.map(([path]) => path)).toContain('meeting.previous.month');
    const rows = section('Template variables');
    const wrong = variables
      .filter(([path, value]) => !rowsFor(path, rows).some((row) => row.includes(quoted(value))))
      .map(([path, value]) => `${path} = ${quoted(value)}`);
    expect(wrong).toEqual([]);
    expect(rowsFor('meeting', rows)).not.toEqual([]);
  });

  it('has a row for every variable the shipped templates use', () => {
    const root = defaultTemplatesDir();
    const used = new Set<string>();
    for (const profile of listProfiles(root)) {
      for (const file of readdirSync(join(root, profile)).filter((f) => f.endsWith('.hbs'))) {
        // {{name.path}}, {{helper name.path}}, {{#if name.path}}
        for (const match of readFileSync(join(root, profile, file), 'utf8').matchAll(/\{\{[#/]?\s*(?:[a-z0-9]+\s+)?([a-zA-Z][\w.]*)\s*\}\}/g)) {
          used.add(match[1]!);
        }
      }
    }
    expect(used.size).toBeGreaterThan(5);
    const missing = [...used].filter((variable) => rowsFor(variable, section('Template variables')).length === 0);
    expect(missing).toEqual([]);
  });
});

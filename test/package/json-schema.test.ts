/** schema.json: generated from the zod schema, shipped as ket-luan/schema.json, and agreeing with it. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conclusionJsonSchemaText, SCHEMA_FILE } from '../../scripts/build-schema.js';
import { parseConclusion } from '../../src/index.js';
import { conclusionArb, mutate, mutationArb } from '../helpers/arbitraries.js';
import { ROOT } from '../helpers/cli.js';

const committed = readFileSync(SCHEMA_FILE, 'utf8');
const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(JSON.parse(committed));
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

function jsonFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsonFilesUnder(path);
    return name.endsWith('.json') ? [path] : [];
  });
}

function zodAccepts(input: unknown): boolean {
  try {
    parseConclusion(input);
    return true;
  } catch {
    return false;
  }
}

describe('schema.json', () => {
  it('is what the build script generates from the zod schema today (run `npm run build` after changing the schema)', () => {
    expect(committed).toBe(conclusionJsonSchemaText());
  });

  it('is exported as ket-luan/schema.json and shipped', () => {
    const pkg = readJson(join(ROOT, 'package.json')) as { exports: Record<string, unknown>; files: string[] };
    expect(pkg.exports['./schema.json']).toBe('./schema.json');
    expect(pkg.files).toContain('schema.json');
  });

  const examples = [join(ROOT, 'examples', 'cho-chu-2024-11.json'), ...jsonFilesUnder(join(ROOT, 'examples', 'monthly')), ...jsonFilesUnder(join(ROOT, 'test', 'fixtures', 'inputs'))];
  it.each(examples.map((path) => [path.slice(ROOT.length)]))('accepts %s', (relative) => {
    const input = readJson(join(ROOT, relative));
    expect(zodAccepts(input)).toBe(true);
    expect(validate(input), JSON.stringify(validate.errors)).toBe(true);
  });

  it('accepts a "$schema" key, as an editor writes it', () => {
    const input = { $schema: './node_modules/ket-luan/schema.json', ...(readJson(examples[0]!) as object) };
    expect(validate(input), JSON.stringify(validate.errors)).toBe(true);
    expect(zodAccepts(input)).toBe(true);
  });

  it.each<[string, (x: Record<string, any>) => void, string]>([
    ['a misspelt key', (x) => (x.palce = x.place), '/'],
    ['a missing signature name', (x) => delete x.signature.name, '/signature'],
    ['a date not written YYYY-MM-DD', (x) => (x.date = '29/10/2024'), '/date'],
    ['an unknown key in a point', (x) => (x.results = { text: 'x', note: 'y' }), '/results'],
    ['a sequence as a string', (x) => (x.number.sequence = '45'), '/number/sequence'],
  ])('rejects %s at %s, as the zod schema does', (_, breakIt, where) => {
    const input = structuredClone(readJson(examples[0]!)) as Record<string, any>;
    breakIt(input);
    expect(zodAccepts(input)).toBe(false);
    expect(validate(input)).toBe(false);
    expect(validate.errors!.map((e) => e.instancePath || '/')).toContain(where);
  });

  it('accepts every generated conclusion the zod schema accepts', () => {
    fc.assert(
      fc.property(conclusionArb, (input) => {
        expect(zodAccepts(input)).toBe(true);
        expect(validate(input), JSON.stringify(validate.errors)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('accepts every mutated input the zod schema still accepts', () => {
    // Zod's rules between fields and on the text itself (dates that exist, blank text) are not
    // in the JSON Schema, so only one direction holds in general: zod accepts ⇒ schema.json accepts.
    // An own `constructor` (or `__proto__`, `prototype`) key, added or inside a value put in,
    // breaks the checkers' own object and array handling rather than testing the schema; zod
    // refuses such keys, as the bad-input tests show.
    const prototypeKeys = ['__proto__', 'constructor', 'prototype'];
    const holdsPrototypeKey = (value: unknown, depth = 0): boolean =>
      typeof value === 'object' && value !== null && depth < 20 && Object.getOwnPropertyNames(value).some((key) => prototypeKeys.includes(key) || holdsPrototypeKey((value as Record<string, unknown>)[key], depth + 1));
    const safeMutation = mutationArb.filter((m) => !(m.kind === 'add-key' && prototypeKeys.includes(m.key)) && !('value' in m && holdsPrototypeKey(m.value)));
    fc.assert(
      fc.property(conclusionArb, fc.array(safeMutation, { minLength: 1, maxLength: 3 }), (input, mutations) => {
        const broken = mutate(input, mutations);
        if (zodAccepts(broken)) expect(validate(broken), JSON.stringify(validate.errors)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

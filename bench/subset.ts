/**
 * `npx tsx bench/subset.ts`: the cost of one font subset (the TrueType file embedded in every
 * PDF), made by fontkit's own subset (as before) and by src/adapters/truetype-subset.ts, for each
 * bundled face and two kinds of glyph set: the glyphs of the example's text, and 200 random
 * glyphs (seeded; each subset gets a set of its own). The two are timed in alternating rounds,
 * so drift in the machine's speed falls on both; the medians are in milliseconds per subset.
 *   --rounds N   rounds of each (default 30); each round makes 20 subsets of each set kind
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allowOwnSubsets, parseFont, shapeText, subsettingFont, type FontSubset } from '../src/adapters/fontkit.js';
import { defaultFontFiles } from '../src/node/package-paths.js';
import { machine, median } from './stats.js';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 30;
const PER_ROUND = 20;

/** Every string in the example, in document order. */
function texts(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) texts(item, into);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) texts(item, into);
  return into;
}
const example = JSON.parse(readFileSync(join(root, 'examples', 'cho-chu-2024-11.json'), 'utf8'));
const exampleText = texts(example).join(' ');

let seed = 20241129;
const random = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

function makeSubset(subsets: { createSubset(): FontSubset }, ids: readonly number[]): Uint8Array {
  const subset = subsets.createSubset();
  for (const id of ids) subset.includeGlyph(id);
  return subset.encode();
}

console.log(machine());
console.log('| Face | Glyph set | fontkit (ms/subset) | own encoder (ms/subset) | Speed-up |');
console.log('|---|---|---:|---:|---:|');
for (const [style, path] of Object.entries(defaultFontFiles())) {
  const data = new Uint8Array(readFileSync(path));
  const font = parseFont(data);
  const { numGlyphs } = font as unknown as { numGlyphs: number };
  const exampleIds = [...new Set(shapeText(font, exampleText).glyphs.map((glyph) => glyph.id))];
  const randomSets = Array.from({ length: PER_ROUND }, () => Array.from({ length: 200 }, () => Math.floor(random() * numGlyphs)));
  allowOwnSubsets(false);
  const fontkits = subsettingFont(data);
  allowOwnSubsets(true);
  const own = subsettingFont(data);
  if (own === fontkits) throw new Error(`${style}: no own encoder for this face`);
  const sets: [string, number[][]][] = [
    [`the example's text (${exampleIds.length} glyphs)`, Array.from({ length: PER_ROUND }, () => exampleIds)],
    ['200 random glyphs', randomSets],
  ];
  for (const [label, idSets] of sets) {
    // the same bytes, and a warm-up for both
    for (const ids of idSets) {
      if (Buffer.compare(Buffer.from(makeSubset(fontkits, ids)), Buffer.from(makeSubset(own, ids))) !== 0) throw new Error(`${style}: the bytes differ`);
    }
    const times: Record<'fontkit' | 'own', number[]> = { fontkit: [], own: [] };
    for (let round = 0; round < rounds; round++) {
      for (const [name, subsets] of [['fontkit', fontkits], ['own', own]] as const) {
        const start = performance.now();
        for (const ids of idSets) makeSubset(subsets, ids);
        times[name].push((performance.now() - start) / idSets.length);
      }
    }
    const before = median(times.fontkit);
    const after = median(times.own);
    console.log(`| ${style} | ${label} | ${before.toFixed(3)} | ${after.toFixed(3)} | ${(before / after).toFixed(1)}× |`);
  }
}

/**
 * The package declares Node 22 and 24 (`engines`); the suite itself runs on whatever Node runs
 * vitest. Here the library renders the example under each declared LTS line, fetched by
 * scripts/ensure-node-runtimes.mjs (npm test's pretest step), and every runtime must give the
 * same bytes: a document rendered on a clerk's Node 24 is the one the tests checked.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const SCRIPT = join(import.meta.dirname, 'render-digests.ts');
const TSX = createRequire(import.meta.url).resolve('tsx');
const LINES = ['22', '24'];

interface Digests {
  version: string;
  sizes: Record<string, number>;
  digests: Record<string, string>;
}

function renderUnder(node: string): Digests {
  const out = execFileSync(node, ['--import', TSX, SCRIPT], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
  return JSON.parse(out.trim().split('\n').pop() ?? '') as Digests;
}

const runtimeOf = (line: string) => join(ROOT, '.cache', 'node', line, 'bin', 'node');
// Where the runtimes cannot be fetched (not Linux x64), these tests skip; CI always has them.
const missing = LINES.filter((line) => !existsSync(runtimeOf(line)));
if (process.env.CI && missing.length > 0) {
  throw new Error(`Node ${missing.join(', ')} not found in .cache/node: run node scripts/ensure-node-runtimes.mjs`);
}

describe.skipIf(missing.length === LINES.length)('the example under each Node line the package declares', () => {
  const here = renderUnder(process.execPath);

  it('renders a non-empty DOCX, PDF and PDF/A on the suite’s own runtime', () => {
    for (const size of Object.values(here.sizes)) expect(size).toBeGreaterThan(10_000);
    expect(new Set(Object.values(here.digests)).size).toBe(3);
  });

  for (const line of LINES) {
    it.skipIf(missing.includes(line))(`Node ${line} gives the same DOCX, PDF and PDF/A bytes`, () => {
      const there = renderUnder(runtimeOf(line));
      expect(there.version.startsWith(`v${line}.`)).toBe(true);
      expect(there.digests).toEqual(here.digests);
    });
  }
});

/**
 * Lists the declarations of src/ that are exported but named in no other file of the repository
 * (sources, tests, scripts, benchmarks): exports that only widen a module's surface. The entries
 * (src/index.ts, src/core.ts, src/shared-exports.ts) are the public API and are left out.
 *
 *     npx tsx scripts/own-module-exports.ts
 *
 * A name is matched as a word, so a name used elsewhere for something else keeps its export: the
 * list errs on the side of saying less. Exits with 1 when it lists anything.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const PUBLIC_ENTRIES = new Set(['src/index.ts', 'src/core.ts', 'src/shared-exports.ts']);
const DECLARATION = /^export\s+(?:declare\s+)?(?:async\s+)?(?:abstract\s+)?(?:function\*?|const|let|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/gm;

const files = execFileSync('git', ['ls-files', 'src', 'test', 'scripts', 'bench', 'examples', '*.config.ts'], { encoding: 'utf8' })
  .split('\n')
  .filter((file) => /\.(?:[cm]?ts|[cm]?js)$/.test(file));
const texts = new Map(files.map((file) => [file, readFileSync(file, 'utf8')]));

const unused: string[] = [];
for (const [file, text] of texts) {
  if (!file.startsWith('src/') || PUBLIC_ENTRIES.has(file)) continue;
  for (const [, name] of text.matchAll(DECLARATION)) {
    const word = new RegExp(`(?<![\\w$])${name!.replace(/\$/g, '\\$')}(?![\\w$])`);
    if (![...texts].some(([other, otherText]) => other !== file && word.test(otherText))) unused.push(`${file}: ${name}`);
  }
}
console.log(unused.length === 0 ? 'Every export of src/ is named in another file.' : unused.join('\n'));
process.exitCode = unused.length === 0 ? 0 : 1;

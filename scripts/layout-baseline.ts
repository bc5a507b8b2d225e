/**
 * Records what a reader sees of every sample document's layout (see test/helpers/layout-snapshot.ts)
 * into test/fixtures/layout-baseline.json, which test/layout-baseline.test.ts compares with.
 *
 *   npx tsx scripts/layout-baseline.ts           # print which cases differ from the baseline
 *   npx tsx scripts/layout-baseline.ts --write   # record the current output as the baseline
 *
 * Write the baseline only from code whose output is the reference: the file says so in its
 * `recordedFrom` field.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { layoutCases, snapshot, type LayoutSnapshot } from '../test/helpers/layout-snapshot.js';

const root = join(import.meta.dirname, '..');
const file = join(root, 'test', 'fixtures', 'layout-baseline.json');
const write = process.argv.includes('--write');

const cases: Record<string, LayoutSnapshot> = {};
for (const c of layoutCases()) {
  cases[c.name] = await snapshot(c);
  console.error(`${c.name}: ${cases[c.name]?.pdfPages} pages`);
}

if (write) {
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src'], { cwd: root, encoding: 'utf8' }).trim() !== '';
  const recordedFrom = `the real output of commit ${commit}${dirty ? ' with uncommitted changes to src/' : ''}, recorded by scripts/layout-baseline.ts`;
  writeFileSync(file, `${JSON.stringify({ recordedFrom, cases }, null, 1)}\n`);
  console.error(`wrote ${file}`);
} else {
  const baseline = JSON.parse(readFileSync(file, 'utf8')) as { cases: Record<string, LayoutSnapshot> };
  let differ = 0;
  for (const [name, now] of Object.entries(cases)) {
    const before = baseline.cases[name];
    for (const key of ['pdfSha256', 'pdfPages', 'pdfPageTexts', 'docxParagraphs', 'docxParts'] as const) {
      if (JSON.stringify(before?.[key]) !== JSON.stringify(now[key])) {
        differ++;
        console.log(`${name}: ${key} differs`);
      }
    }
  }
  console.log(differ === 0 ? 'every case as in the baseline' : `${differ} differences`);
  process.exitCode = differ === 0 ? 0 : 1;
}

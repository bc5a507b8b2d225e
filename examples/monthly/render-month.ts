/**
 * An office's own monthly script: renders one month's conclusions for every party committee
 * in examples/monthly/data/<YYYY-MM>/ to examples/out/monthly/<YYYY-MM>/, DOCX and PDF.
 *
 *   npm run example:monthly            # the newest month in data/
 *   npm run example:monthly -- 2024-12 # a given month
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { renderConclusion } from '../../src/index.js';

const dataDir = join(import.meta.dirname, 'data');
const month = process.argv[2] ?? (await readdir(dataDir)).sort().at(-1)!;
const outDir = join(import.meta.dirname, '..', 'out', 'monthly', month);
await mkdir(outDir, { recursive: true });

for (const file of (await readdir(join(dataDir, month))).filter((f) => f.endsWith('.json')).sort()) {
  const input = JSON.parse(await readFile(join(dataDir, month, file), 'utf8'));
  for (const format of ['docx', 'pdf'] as const) {
    const target = join(outDir, `${basename(file, '.json')}.${format}`);
    await writeFile(target, await renderConclusion(input, { format }));
    console.log(`${month}/${file} → ${target}`);
  }
}

/**
 * An office's own monthly script: renders one month's conclusions for every party committee
 * in examples/monthly/data/<YYYY-MM>/ to examples/out/monthly/<YYYY-MM>/, DOCX and PDF.
 *
 *   npm run example:monthly            # the newest month in data/
 *   npm run example:monthly -- 2024-12 # a given month
 *
 * Copied into a project of your own, it runs as is once `ket-luan` is installed
 * (`npm install ket-luan`, then `npx tsx render-month.ts`). In this repository the name
 * `ket-luan` is mapped to the sources (tsconfig.json "paths"), so no build is needed.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { renderConclusion } from 'ket-luan';

const dataDir = join(import.meta.dirname, 'data');
const months = (await readdir(dataDir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
const month = process.argv[2] ?? months.at(-1);
if (month === undefined || !months.includes(month)) {
  console.error(`No data for ${month ?? 'any month'}: make a folder ${join(dataDir, month ?? 'YYYY-MM')} holding the month's .json inputs.`);
  console.error(`Months with data: ${months.join(', ') || 'none'}`);
  process.exit(1);
}
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

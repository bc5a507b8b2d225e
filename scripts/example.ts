/** Renders examples/cho-chu-2024-11.json to examples/out/ as DOCX and PDF. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderConclusion, type OutputFormat } from '../src/index.js';

const root = join(import.meta.dirname, '..');
const input = JSON.parse(await readFile(join(root, 'examples', 'cho-chu-2024-11.json'), 'utf8'));
const outDir = join(root, 'examples', 'out');
await mkdir(outDir, { recursive: true });
for (const format of ['docx', 'pdf'] as OutputFormat[]) {
  const bytes = await renderConclusion(input, { format });
  const path = join(outDir, `cho-chu-2024-11.${format}`);
  await writeFile(path, bytes);
  console.log(`wrote ${path} (${bytes.length} bytes)`);
}

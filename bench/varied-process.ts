/**
 * `npx tsx bench/varied-process.ts`: the CPU time of rendering varied documents to PDF in one
 * process (bench/varied.ts's documents, composed and written one after another, as a server
 * does), with the font subsets made by this project's encoder and by fontkit (before it). Each
 * count is rendered in a fresh process per mode, the modes alternating, so that one mode's caches
 * never serve the other and drift in the machine's speed falls on both.
 *   --docs N     documents per process (default 300)
 *   --runs N     processes per mode (default 3)
 * With --mode own|fontkit it is the child: renders and prints its time as JSON.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allowOwnSubsets } from '../src/adapters/fontkit.js';
import { composeConclusion } from '../src/node/render.js';
import { writeComposed } from '../src/pipeline.js';
import { machine, median } from './stats.js';
import { variedInputs } from './varied.js';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const argOf = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const docs = Number(argOf('--docs') ?? 300);
const runs = Number(argOf('--runs') ?? 3);
const mode = argOf('--mode');

if (mode) {
  allowOwnSubsets(mode === 'own');
  const example = JSON.parse(readFileSync(join(root, 'examples', 'cho-chu-2024-11.json'), 'utf8'));
  const inputs = variedInputs(example, docs);
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  let bytes = 0;
  for (const input of inputs) bytes += (await writeComposed(composeConclusion(input), 'pdf')).length;
  const wallMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  console.log(JSON.stringify({ wallMs, cpuMs: (cpu.user + cpu.system) / 1000, bytes }));
} else {
  console.log(machine());
  const results: Record<string, { wallMs: number; cpuMs: number; bytes: number }[]> = { fontkit: [], own: [] };
  for (let run = 0; run < runs; run++) {
    for (const each of ['fontkit', 'own']) {
      const out = execFileSync(process.execPath, [...process.execArgv, import.meta.filename, '--mode', each, '--docs', String(docs)], { encoding: 'utf8' });
      const result = JSON.parse(out.trim().split('\n').pop() as string);
      results[each]!.push(result);
      console.error(`${each}: ${result.wallMs.toFixed(0)} ms wall, ${result.cpuMs.toFixed(0)} ms CPU`);
    }
  }
  const bytes = new Set(Object.values(results).flatMap((list) => list.map((result) => result.bytes)));
  if (bytes.size !== 1) throw new Error('the two modes wrote PDFs of different sizes');
  for (const each of ['fontkit', 'own']) {
    const wall = median(results[each]!.map((result) => result.wallMs));
    const cpu = median(results[each]!.map((result) => result.cpuMs));
    console.log(`${each === 'own' ? 'own subset encoder' : 'fontkit subsets   '}: ${docs} documents in ${wall.toFixed(0)} ms wall (${(wall / docs).toFixed(2)} ms each), ${cpu.toFixed(0)} ms CPU (median of ${runs} processes)`);
  }
}

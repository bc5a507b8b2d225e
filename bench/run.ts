/**
 * `npm run bench`: every figure the project promises, with its peers, measured in one run.
 *   --only docx,pdf,peers,scale,large,cold,batch,hostile,signing   run some parts only (large: bench/scale-large.ts)
 *   --docs N                                                documents in the batch figure (default 1000)
 * Each comparison with LibreOffice is like for like: a warm render against a LibreOffice kept
 * running (over UNO, as a conversion server does), one cold command against one cold soffice.
 * Prints a Markdown table to paste into the README, and the machine it ran on.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeConclusion, loadTemplates, parseConclusion, renderConclusion } from '../src/index.js';
import { fillTemplate, makeTemplate, templateData } from './docxtemplater-peer.js';
import { docxWithoutReferencePackage } from './package-frame.js';
import { describeLarge, LARGE_RUNS, measureLarge } from './scale-large.js';
import { fmt, machine, median, warmMedianMs } from './stats.js';
import { variedInputs } from './varied.js';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const argOf = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const only = argOf('--only')?.split(',');
const wants = (part: string) => !only || only.includes(part);
const batchSize = Number(argOf('--docs') ?? 1000);

const example = JSON.parse(readFileSync(join(root, 'examples', 'cho-chu-2024-11.json'), 'utf8'));
const rows: [string, string, string][] = [];
const row = (what: string, value: string, target = '') => {
  rows.push([what, value, target]);
  console.error(`${what}: ${value}${target ? `  (target ${target})` : ''}`);
};
const work = mkdtempSync(join(tmpdir(), 'ket-luan-bench-'));

/** The example with its sections repeated `times` times: a document `times` as long. */
function scaled(times: number) {
  const sections = Array.from({ length: times }, () => example.sections).flat();
  return { ...example, sections };
}

function withPoints(count: number) {
  const texts = example.sections.flatMap((s: { content: { text: string }[] }) => s.content.map((c) => c.text));
  const content = Array.from({ length: count }, (_, i) => ({ text: texts[i % texts.length] }));
  return { ...example, sections: [{ heading: 'Nhiệm vụ', content }] };
}

/**
 * One cold `soffice --convert-to pdf`: a new process, as an office runs it, on a user profile
 * that already exists (made by one untimed conversion first), as on a desk where LibreOffice has
 * been used before; a first start that builds the profile would flatter us.
 */
const libreOfficeProfile = mkdtempSync(join(tmpdir(), 'ket-luan-lo-'));
let libreOfficeProfileReady = false;
function libreOfficeToPdf(docxPath: string): number {
  const convert = () =>
    execFileSync('soffice', [`-env:UserInstallation=file://${libreOfficeProfile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', work, docxPath], {
      stdio: 'ignore',
    });
  if (!libreOfficeProfileReady) {
    convert();
    libreOfficeProfileReady = true;
  }
  const start = performance.now();
  convert();
  return performance.now() - start;
}

async function timeOnce(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/**
 * Runs a command, sampling its resident memory and its threads' CPU time every 100 ms: wall time,
 * peak and the samples over time, and each thread's CPU seconds as last seen (busiest first).
 */
function runSampled(command: string, argv: string[], cwd: string): Promise<{ ms: number; peakMb: number; samplesMb: number[]; threadCpuS: number[]; code: number }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, argv, { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
    const samplesMb: number[] = [];
    const threadTicks = new Map<string, number>();
    let peakMb = 0;
    const timer = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
        samplesMb.push(kb('VmRSS') / 1024);
        peakMb = Math.max(peakMb, kb('VmHWM') / 1024);
        for (const thread of readdirSync(`/proc/${child.pid}/task`)) {
          // utime and stime, the 14th and 15th fields, counted after the command name's ")"
          const stat = readFileSync(`/proc/${child.pid}/task/${thread}/stat`, 'utf8');
          const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          threadTicks.set(thread, Number(fields[11]) + Number(fields[12]));
        }
      } catch {
        // the process, or one of its threads, has just ended
      }
    }, 100);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      // clock ticks: 100 a second on Linux (sysconf(_SC_CLK_TCK))
      const threadCpuS = [...threadTicks.values()].map((ticks) => ticks / 100).sort((a, b) => b - a);
      resolve({ ms: performance.now() - start, peakMb, samplesMb, threadCpuS, code: code ?? -1 });
    });
  });
}

console.error(`machine: ${machine()}`);

if (wants('docx')) {
  row('DOCX of the example, warm median', fmt(await warmMedianMs(() => renderConclusion(example, { format: 'docx' }))), '≤ 10 ms');
  // what the reference package saves: docx packing every part of the same document each time
  const { model } = composeConclusion(example);
  row('DOCX of the example, docx packing every part each time (no reference package), warm median', fmt(await warmMedianMs(docxWithoutReferencePackage(model))));
}

if (wants('pdf')) {
  const pdfMs = await warmMedianMs(() => renderConclusion(example, { format: 'pdf' }));
  row('PDF of the example, warm median', fmt(pdfMs), '≤ 40 ms');
  const docxPath = join(work, 'example.docx');
  writeFileSync(docxPath, await renderConclusion(example, { format: 'docx' }));
  // 30 warm-up conversions, about 2 s of LibreOffice work: the same warm-up as our renders get
  const warmLibreOffice = libreOfficeOverUno(docxPath, 30, 30);
  row(`LibreOffice ${warmLibreOffice.version} kept running, converting the same DOCX over UNO, warm median of 30`, fmt(median(warmLibreOffice.ms)));
  row('Warm PDF against warm LibreOffice', ratio(median(warmLibreOffice.ms), pdfMs), '≥ 6×');
}

if (wants('signing')) {
  const { benchSigning } = await import('./signing.js');
  await benchSigning(example, row);
}

if (wants('peers')) {
  const { conclusion, model } = composeConclusion(example);
  const template = await makeTemplate(model);
  const data = templateData(conclusion);
  row('docxtemplater filling an equivalent template, warm median', fmt(await warmMedianMs(() => fillTemplate(template, data))));
}

if (wants('scale')) {
  for (const times of [1, 10, 100]) {
    const input = scaled(times);
    const samples = times === 100 ? 3 : 10;
    const docx = median(await sequential(samples, () => timeOnce(() => renderConclusion(input, { format: 'docx' }))));
    const pdf = median(await sequential(samples, () => timeOnce(() => renderConclusion(input, { format: 'pdf' }))));
    const pages = pageCount(await renderConclusion(input, { format: 'pdf' }));
    row(`${times}× the example (${pages} PDF pages): DOCX / PDF, median`, `${fmt(docx)} / ${fmt(pdf)}`);
  }
  const big = withPoints(2000);
  const docx = await timeOnce(() => renderConclusion(big, { format: 'docx' }));
  const pdfBytes: { value: Uint8Array } = { value: new Uint8Array() };
  const pdf = await timeOnce(async () => {
    pdfBytes.value = await renderConclusion(big, { format: 'pdf' });
  });
  row(`2,000 points (${pageCount(pdfBytes.value)} PDF pages): DOCX / PDF, one run`, `${fmt(docx)} / ${fmt(pdf)}`);
}

if (wants('large')) {
  // each in a fresh process, for its own peak memory
  const perPoint = new Map<number, number>();
  for (const [kind, count, format] of LARGE_RUNS) {
    const result = measureLarge(kind, count, format);
    const [label, value] = describeLarge(result);
    row(label, value, kind === 'short' && count === 40000 && format === 'pdf' ? 'peak < 1 GB' : '');
    if (kind === 'short' && format === 'pdf') perPoint.set(count, result.cpuMs / count);
  }
  const ratio = (perPoint.get(20000) ?? NaN) / (perPoint.get(2000) ?? NaN);
  row('CPU per short point to PDF, 20,000 against 2,000 points', `${ratio.toFixed(2)}×`, '≤ 2×');
}

const cli = join(root, 'dist', 'cli.js');
if (wants('cold') || wants('batch')) {
  // The command as users run it: built from the current sources.
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
}

interface Runtime {
  /** "Node 22.23.5": one row per version. */
  name: string;
  executable: string;
  /** Node 22.1 and later keep V8's compile cache between runs of the command (src/cli/main.ts). */
  compileCache: boolean;
}

function runtimeAt(executable: string, version: string): Runtime {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return { name: `Node ${version}`, executable, compileCache: major > 22 || (major === 22 && minor >= 1) };
}

let measuredRuntimes: Runtime[] | undefined;

/**
 * This process's Node, then the tests' copies of the Node lines the package declares
 * (scripts/ensure-node-runtimes.mjs fetches them into .cache/node if missing; none offline).
 */
function runtimesToMeasure(): Runtime[] {
  if (measuredRuntimes) return measuredRuntimes;
  try {
    execFileSync(process.execPath, [join(root, 'scripts', 'ensure-node-runtimes.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
  } catch {
    // offline: only this process's Node is measured
  }
  const runtimes = [runtimeAt(process.execPath, process.versions.node)];
  const cache = join(root, '.cache', 'node');
  const lines = existsSync(cache) ? readdirSync(cache).filter((line) => /^\d+$/.test(line)).sort((a, b) => Number(a) - Number(b)) : [];
  for (const line of lines) {
    const executable = join(cache, line, 'bin', 'node');
    if (!existsSync(executable)) continue;
    const runtime = runtimeAt(executable, execFileSync(executable, ['--version'], { encoding: 'utf8' }).trim().slice(1));
    if (!runtimes.some(({ name }) => name === runtime.name)) runtimes.push(runtime);
  }
  measuredRuntimes = runtimes;
  return runtimes;
}

if (wants('cold')) {
  const one = join(work, 'one.json');
  writeFileSync(one, JSON.stringify(example));
  const docxPath = join(work, 'cold.docx');
  writeFileSync(docxPath, await renderConclusion(example, { format: 'docx' }));
  const command = [cli, 'render', one, '-f', 'docx,pdf', '-o', join(work, 'one-out'), '--quiet'];
  // Users run Node 22 and 24, where the command keeps V8's compile cache between runs (Node 20 has
  // none); the tests' copies of them are fetched if missing. The cache is filled by one untimed
  // run, as on a desk where the command has run before (LibreOffice's profile likewise).
  const runtimes = runtimesToMeasure();
  for (const runtime of runtimes) if (runtime.compileCache) execFileSync(runtime.executable, command, { cwd: work, stdio: 'ignore' });
  const timedCommand = async (node: string) => {
    const run = await runSampled(node, command, work);
    if (run.code !== 0) throw new Error(`ket-luan render exited ${run.code}`);
    return run.ms;
  };
  // Interleaved, so a change in the machine's load falls on all alike.
  const ours = runtimes.map(() => [] as number[]);
  const theirs: number[] = [];
  for (let i = 0; i < 7; i++) {
    for (const [index, runtime] of runtimes.entries()) ours[index]?.push(await timedCommand(runtime.executable));
    theirs.push(libreOfficeToPdf(docxPath));
  }
  for (const [index, { name, compileCache }] of runtimes.entries()) {
    const cache = compileCache ? ', with its compile cache' : '';
    row(`One document from a cold start, DOCX and PDF (\`ket-luan render x.json -f docx,pdf\`, a new process), ${name}${cache}, median of 7`, fmt(median(ours[index] ?? [])));
  }
  row('Cold LibreOffice converting the DOCX to PDF (`soffice --convert-to pdf`, a new process), median of 7', fmt(median(theirs)));
  for (const [index, { name }] of runtimes.entries()) row(`Cold command against cold LibreOffice, ${name}`, ratio(median(theirs), median(ours[index] ?? [])), '≥ 3×');
}

if (wants('batch')) {
  const inputs = join(work, 'batch');
  mkdirSync(inputs);
  variedInputs(example, batchSize).forEach((input, i) => writeFileSync(join(inputs, `doc-${String(i).padStart(4, '0')}.json`), JSON.stringify(input)));
  // Users run Node 22 and 24 (the package's engines); the batch runs on this process's Node (20
  // on the machine the README names, outside the engines) and on the tests' Node 22 and 24, three
  // times each, interleaved: the machine's speed drifts by a quarter within minutes, and a run's
  // wall time with it.
  const runtimes = runtimesToMeasure();
  const runs = runtimes.map(() => [] as Awaited<ReturnType<typeof runSampled>>[]);
  for (let round = 0; round < 3; round++) {
    for (const [index, runtime] of runtimes.entries()) {
      rmSync(join(work, 'batch-out'), { recursive: true, force: true });
      const result = await runSampled(runtime.executable, [cli, 'render', inputs, '-f', 'docx,pdf', '-o', join(work, 'batch-out'), '--quiet'], work);
      if (result.code !== 0) throw new Error(`batch render exited ${result.code}`);
      runs[index]?.push(result);
    }
  }
  for (const [index, { name }] of runtimes.entries()) {
    const results = (runs[index] ?? []).sort((a, b) => a.ms - b.ms);
    const middle = results[1] as (typeof results)[number];
    const walls = results.map((result) => (result.ms / 1000).toFixed(1)).join(' / ');
    row(`${batchSize} varied documents, DOCX and PDF, through \`ket-luan render\`, ${name}: wall, median of 3 (${walls} s)`, fmt(middle.ms), '≤ 12 s');
    row(`${batchSize} varied documents, ${name}: peak resident memory, highest of 3`, `${Math.max(...results.map((result) => result.peakMb)).toFixed(0)} MB`, '≤ 300 MB');
    // the render workers are the busiest threads, one per core (or per document, if fewer)
    const workerCount = Math.min(availableParallelism(), batchSize);
    const workersCpu = middle.threadCpuS.slice(0, workerCount);
    const othersCpu = middle.threadCpuS.slice(workerCount).reduce((sum, seconds) => sum + seconds, 0);
    row(
      `${batchSize} varied documents, ${name}: CPU time by thread in the median run: render workers / all other threads (V8's collector and compiler, the file system, the main thread) / all`,
      `${workersCpu.map((seconds) => seconds.toFixed(1)).join(' + ')} s / ${othersCpu.toFixed(1)} s / ${(workersCpu.reduce((sum, seconds) => sum + seconds, 0) + othersCpu).toFixed(1)} s`,
    );
    const steady = middle.samplesMb.slice(Math.floor(middle.samplesMb.length / 5));
    const half = Math.floor(steady.length / 2);
    row(`${batchSize} varied documents, ${name}: resident memory, median of 1st vs 2nd half of the median run`, `${median(steady.slice(0, half)).toFixed(0)} MB → ${median(steady.slice(half)).toFixed(0)} MB`, 'flat');
  }
}

/** How many times faster `ours` is than `theirs`. */
function ratio(theirsMs: number, oursMs: number): string {
  return `${(theirsMs / oursMs).toFixed(1)}×`;
}

/** A LibreOffice kept running, converting `docxPath` over and over (bench/libreoffice-uno.py). */
function libreOfficeOverUno(docxPath: string, warmup: number, samples: number): { ms: number[]; version: string } {
  const out = execFileSync('/usr/bin/python3', [join(import.meta.dirname, 'libreoffice-uno.py'), docxPath, work, String(warmup), String(samples)], {
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}');
}

if (wants('hostile')) {
  // Hostile input is refused or rendered in time that grows linearly (issue 11, points 2 and 3).
  const withText = (text: string) => ({ ...example, sections: [{ heading: 'Nhiệm vụ', content: [text] }] });
  const marks = (count: number) => Array.from({ length: count }, (_, i) => ['\u0301', '\u0323', '\u0300'][i % 3]).join('');
  const refusedMs = (run: () => unknown) => {
    const start = performance.now();
    try {
      run();
    } catch {
      return performance.now() - start;
    }
    throw new Error('expected the input to be refused');
  };
  row('Validating a 2 MB field of combining marks (refused: over 30 in a row)', fmt(refusedMs(() => parseConclusion(withText(`a${marks(2_000_000)}`)))));
  const stacked = `a${marks(30)}`;
  const valid = Array.from({ length: 2_000_000 / 32 }, () => stacked).join(' ');
  row('Validating a 2 MB field of letters with 30 marks each (accepted)', fmt(await timeOnce(async () => parseConclusion(withText(valid)))));
  for (const words of [2_000, 20_000]) {
    const plain = await timeOnce(() => renderConclusion(withText(Array.from({ length: words }, () => 'aaa').join(' ')), { format: 'pdf' }));
    const heavy = await timeOnce(() => renderConclusion(withText(Array.from({ length: words }, () => stacked).join(' ')), { format: 'pdf' }));
    row(`PDF of ${words.toLocaleString('en')} words: plain / each letter carrying 30 marks`, `${fmt(plain)} / ${fmt(heavy)}`);
  }
  const templates = join(work, 'hostile-templates');
  mkdirSync(join(templates, 'ket-luan-hd36'), { recursive: true });
  const title = join(templates, 'ket-luan-hd36', 'title.hbs');
  writeFileSync(title, 'x'.repeat(20 * 1024 * 1024));
  row('Loading a 20 MB template (refused before reading)', fmt(refusedMs(() => loadTemplates({ templates }))));
  writeFileSync(title, '{{place}} '.repeat(6_500));
  row('Loading the worst template allowed: 64 KiB of `{{place}}`', fmt(await timeOnce(async () => loadTemplates({ templates }))));
}

async function sequential<T>(count: number, run: () => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < count; i++) out.push(await run());
  return out;
}

function pageCount(pdf: Uint8Array): number {
  return (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

rmSync(work, { recursive: true, force: true });
rmSync(libreOfficeProfile, { recursive: true, force: true });
console.log(`Measured on: ${machine()}\n`);
console.log('| figure | measured | target |\n|---|---|---|');
for (const [what, value, target] of rows) console.log(`| ${what} | ${value} | ${target} |`);

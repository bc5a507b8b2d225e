/**
 * `npm run bench`: every figure the project promises, with its peers, measured in one run.
 *   --only docx,pdf,peers,scale,cli   run some parts only
 *   --docs N                          documents in the batch figure (default 1000)
 * Prints a Markdown table to paste into the README, and the machine it ran on.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeConclusion, renderConclusion } from '../src/index.js';
import { fillTemplate, makeTemplate, templateData } from './docxtemplater-peer.js';
import { fmt, machine, median, warmMedianMs } from './stats.js';
import { variedInput } from './varied.js';

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

function libreOfficeToPdf(docxPath: string): number {
  const profile = mkdtempSync(join(tmpdir(), 'ket-luan-lo-'));
  const start = performance.now();
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', work, docxPath], { stdio: 'ignore' });
  const ms = performance.now() - start;
  rmSync(profile, { recursive: true, force: true });
  return ms;
}

async function timeOnce(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/** Runs a command, sampling its resident memory; wall time, peak and the samples over time. */
function runSampled(command: string, argv: string[], cwd: string): Promise<{ ms: number; peakMb: number; samplesMb: number[]; code: number }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, argv, { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
    const samplesMb: number[] = [];
    let peakMb = 0;
    const timer = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
        samplesMb.push(kb('VmRSS') / 1024);
        peakMb = Math.max(peakMb, kb('VmHWM') / 1024);
      } catch {
        // the process has just ended
      }
    }, 100);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      resolve({ ms: performance.now() - start, peakMb, samplesMb, code: code ?? -1 });
    });
  });
}

console.error(`machine: ${machine()}`);

if (wants('docx')) {
  row('DOCX of the example, warm median', fmt(await warmMedianMs(() => renderConclusion(example, { format: 'docx' }))), '≤ 10 ms');
}

if (wants('pdf')) {
  const pdfMs = await warmMedianMs(() => renderConclusion(example, { format: 'pdf' }));
  row('PDF of the example, warm median', fmt(pdfMs), '≤ 40 ms');
  const docxPath = join(work, 'example.docx');
  writeFileSync(docxPath, await renderConclusion(example, { format: 'docx' }));
  const loMs = median([0, 1, 2, 3, 4].map(() => libreOfficeToPdf(docxPath)));
  row('LibreOffice converting the same DOCX to PDF, median of 5', fmt(loMs));
  row('PDF speed-up over LibreOffice', `${(loMs / pdfMs).toFixed(0)}×`, '≥ 25×');
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

if (wants('cli')) {
  const cli = join(root, 'dist', 'cli.js');
  // The command as users run it: built from the current sources.
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
  const one = join(work, 'one.json');
  writeFileSync(one, JSON.stringify(example));
  const cold = [];
  for (let i = 0; i < 5; i++) {
    cold.push((await runSampled(process.execPath, [cli, 'render', one, '-f', 'docx,pdf', '-o', join(work, 'one-out'), '--quiet'], work)).ms);
  }
  row('One document from a cold start (`ket-luan render x.json -f docx,pdf`), median of 5', fmt(median(cold)), '≤ 1 s');

  const inputs = join(work, 'batch');
  mkdirSync(inputs);
  // different documents, not copies: each has its own names, dates, figures and paragraphs (varied.ts)
  for (let i = 0; i < batchSize; i++) writeFileSync(join(inputs, `doc-${String(i).padStart(4, '0')}.json`), JSON.stringify(variedInput(example, i)));
  const result = await runSampled(process.execPath, [cli, 'render', inputs, '-f', 'docx,pdf', '-o', join(work, 'batch-out'), '--quiet'], work);
  if (result.code !== 0) throw new Error(`batch render exited ${result.code}`);
  row(`${batchSize} different documents, DOCX and PDF, through \`ket-luan render\`: wall`, fmt(result.ms), '≤ 40 s');
  row(`${batchSize} documents: peak resident memory`, `${result.peakMb.toFixed(0)} MB`, '≤ 400 MB');
  const steady = result.samplesMb.slice(Math.floor(result.samplesMb.length / 5));
  const half = Math.floor(steady.length / 2);
  const first = median(steady.slice(0, half));
  const last = median(steady.slice(half));
  row(`${batchSize} documents: resident memory, median of 1st vs 2nd half of the run`, `${first.toFixed(0)} MB → ${last.toFixed(0)} MB`, 'flat');
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
console.log(`Measured on: ${machine()}\n`);
console.log('| figure | measured | target |\n|---|---|---|');
for (const [what, value, target] of rows) console.log(`| ${what} | ${value} | ${target} |`);

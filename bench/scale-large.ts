/**
 * Large documents: time and peak memory of one render per size, each in a fresh process so that
 * its peak resident memory (getrusage's maxrss) is its own. Run by `npm run bench -- --only large`
 * or on its own:
 *   npx tsx bench/scale-large.ts                      every size, a Markdown table on stdout
 *   npx tsx bench/scale-large.ts --child short 2000 pdf   one render, a JSON line (used by the above)
 * Inputs: "short" points are one line each (about 30 characters, as in a 1 MB input of 40,000
 * points); "example" points are the example's own point texts, two or three lines each; "sentences"
 * is one paragraph of that many sentences.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(import.meta.dirname, '..');
type Kind = 'short' | 'example' | 'sentences';
type Format = 'docx' | 'pdf';

export function largeInput(kind: Kind, count: number): unknown {
  const example = JSON.parse(readFileSync(join(root, 'examples', 'cho-chu-2024-11.json'), 'utf8'));
  if (kind === 'sentences') {
    const sentence = 'Tiếp tục chỉ đạo các chi bộ tổ chức quán triệt nghị quyết của Đảng ủy. ';
    return { ...example, sections: [{ heading: 'Nhiệm vụ', content: [{ text: sentence.repeat(count).trim() }] }] };
  }
  const texts: string[] = example.sections.flatMap((s: { content: { text: string }[] }) => s.content.map((c) => c.text));
  const text = (i: number) => (kind === 'short' ? `Điểm ${i + 1}: triển khai thực hiện.` : (texts[i % texts.length] as string));
  return { ...example, sections: [{ heading: 'Nhiệm vụ', content: Array.from({ length: count }, (_, i) => ({ text: text(i) })) }] };
}

export interface LargeResult {
  kind: Kind;
  count: number;
  format: Format;
  /** Wall time of the render (input already parsed), and the CPU time the process spent on it. */
  ms: number;
  cpuMs: number;
  peakMb: number;
  pages?: number;
  error?: string;
}

async function child(kind: Kind, count: number, format: Format): Promise<void> {
  const { renderConclusion } = await import('../src/index.js');
  const input = largeInput(kind, count);
  const start = performance.now();
  const cpu = process.cpuUsage();
  const bytes = await renderConclusion(input, { format });
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  const pages = format === 'pdf' ? (Buffer.from(bytes).toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length : undefined;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ kind, count, format, ms, cpuMs, peakMb, pages } satisfies LargeResult)}\n`);
}

/** One render in a fresh process (heap capped at 4 GB, so a runaway render fails instead of swapping). */
export function measureLarge(kind: Kind, count: number, format: Format): LargeResult {
  try {
    const out = execFileSync(process.execPath, ['--max-old-space-size=4096', '--import', 'tsx', fileURLToPath(import.meta.url), '--child', kind, String(count), format], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 16 * 1024 * 1024,
    });
    return JSON.parse(out.trim().split('\n').at(-1) as string) as LargeResult;
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? error);
    return { kind, count, format, ms: NaN, cpuMs: NaN, peakMb: NaN, error: /heap out of memory/i.test(stderr) ? 'out of memory' : stderr.trim().split('\n').at(-1) };
  }
}

/** The sizes the README reports. */
export const LARGE_RUNS: [Kind, number, Format][] = [
  ['example', 500, 'pdf'],
  ['example', 2000, 'pdf'],
  ['example', 4000, 'pdf'],
  ['example', 2000, 'docx'],
  ['short', 2000, 'pdf'],
  ['short', 20000, 'pdf'],
  ['short', 40000, 'pdf'],
  ['short', 40000, 'docx'],
  ['sentences', 2500, 'pdf'],
  ['sentences', 25000, 'pdf'],
];

export function describeLarge(result: LargeResult): [string, string] {
  const what = { short: 'short points', example: "of the example's points", sentences: 'sentences in one paragraph' }[result.kind];
  const label = `${result.count.toLocaleString('en-US')} ${what} → ${result.format.toUpperCase()}${result.pages ? ` (${result.pages} pages)` : ''}`;
  if (result.error) return [label, `failed: ${result.error}`];
  const per = (result.cpuMs / result.count) * 1000;
  const unit = result.kind === 'sentences' ? 'sentence' : 'point';
  return [label, `${fmtMs(result.ms)} (CPU ${fmtMs(result.cpuMs)}), peak ${result.peakMb.toFixed(0)} MB, ${per.toFixed(0)} µs CPU per ${unit}`];
}

function fmtMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

const args = process.argv.slice(2);
if (args[0] === '--child') {
  await child(args[1] as Kind, Number(args[2]), args[3] as Format);
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const only = args.length > 0 ? LARGE_RUNS.filter(([kind, count, format]) => args.includes(`${kind}:${count}:${format}`)) : LARGE_RUNS;
  console.log('| document | wall time (CPU time), peak resident memory, CPU per item |\n|---|---|');
  for (const [kind, count, format] of only) {
    const [label, value] = describeLarge(measureLarge(kind, count, format));
    console.log(`| ${label} | ${value} |`);
  }
}

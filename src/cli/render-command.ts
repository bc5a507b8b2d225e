import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { FontFiles } from '../fonts/font-files.js';
import type { OutputFormat } from '../pipeline.js';
import { makeFolder, removeStaleTempFiles, removeTempFiles } from './atomic-write.js';
import type { CommandContext } from './context.js';
import { messageIn } from './describe-error.js';
import { displayPath } from './display-path.js';
import { bytesOrFile } from '../node/signing-files.js';
import { checkFonts } from './font-option.js';
import { EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK } from './exit-codes.js';
import { expandInputs, isInputFileName, isSearchedFolder, readStdin, sourceOf, STDIN_ARGUMENT, type InputEntry } from './input-files.js';
import type { Lang, Messages } from './messages.js';
import { createProgress, type Progress } from './progress.js';
import type { PlannedOutput, RenderJob, RenderOutcome, RenderSettings, SigningSettings } from './render-job.js';
import { defaultJobs, poolSize } from './render-options.js';
import { checkTemplates } from './template-check.js';
import { WorkerPool, workerLaunchFor } from './worker-pool.js';

export interface RenderCommandOptions {
  out?: string;
  /** Parsed from --format by `parseFormats`. */
  format: OutputFormat[];
  templates?: string;
  profile?: string;
  pdfa?: boolean;
  quiet?: boolean;
  /** Parsed from --jobs by `parseJobs`; default: the cores available. */
  jobs?: number;
  /** Parsed from --fonts. */
  fonts?: FontFiles;
  signatureField?: boolean;
  signatureImage?: string;
  sealImage?: string;
  sign?: string;
}

/**
 * A single input smaller than this renders in the main thread (well under a second), sparing a
 * worker's start-up; a larger one renders in a worker, so that Ctrl-C stops it at once rather
 * than when the main thread's work is done.
 */
const MAIN_THREAD_MAX_BYTES = 64 * 1024;

/**
 * `ket-luan render`: checks the templates once, then renders every input to every format,
 * in worker threads when there are several.
 */
export async function renderCommand(args: readonly string[], options: RenderCommandOptions, context: CommandContext): Promise<number> {
  const jobs = options.jobs ?? defaultJobs();
  // Several inputs: the workers start now and load the library while the command checks its
  // templates, reads the folders and plans the outputs (each takes about as long).
  const inputs = likelyInputs(args, context.io.cwd);
  const pool = inputs > 1 ? new WorkerPool(poolSize(jobs, inputs), workerLaunchFor(context.entryUrl), context.msg) : null;
  pool?.warm();
  try {
    return await renderWith(pool, jobs, args, options, context);
  } finally {
    // the warmed workers are stopped however the command ends (a pool made later stops its own)
    await pool?.terminate();
  }
}

/**
 * How many inputs the arguments hold, as far as a glance at them tells before they are read:
 * a file or standard input is one, a folder its .json files, and any number more when it has
 * subfolders that expandInputs would search. It only decides when, and how many, workers start.
 */
function likelyInputs(args: readonly string[], cwd: string): number {
  let count = 0;
  for (const arg of args) {
    if (arg === STDIN_ARGUMENT) {
      count++;
      continue;
    }
    let entries;
    try {
      entries = readdirSync(resolve(cwd, arg), { withFileTypes: true });
    } catch {
      count++; // a file, or nothing there: expandInputs says which
      continue;
    }
    for (const entry of entries) {
      if (entry.isDirectory() && isSearchedFolder(entry.name)) return Number.POSITIVE_INFINITY;
      if (isInputFileName(entry.name)) count++;
    }
  }
  return count;
}

async function renderWith(pool: WorkerPool | null, jobs: number, args: readonly string[], options: RenderCommandOptions, context: CommandContext): Promise<number> {
  const { io, msg, lang } = context;
  const formats = options.format;
  const started = performance.now();

  const templates = checkTemplates({ templates: options.templates, profile: options.profile }, lang, io.cwd);
  if (!templates.ok) {
    io.stderr.write(`${msg.errorPrefix}${templates.message}\n`);
    return EXIT_FAILED;
  }
  for (const warning of templates.warnings) io.stderr.write(`${msg.warningPrefix}${warning}\n`);

  const fontProblem = options.fonts === undefined ? null : await checkFonts(options.fonts, lang, io.cwd);
  if (fontProblem !== null) {
    io.stderr.write(`${msg.errorPrefix}${fontProblem}\n`);
    return EXIT_FAILED;
  }

  const signing = signingSettings(options, io.cwd, io.env);
  // A certificate that cannot be opened is said once, before anything is rendered.
  const signingProblem = signing.sign === undefined ? null : await checkP12(signing.sign.p12, signing.sign.passphrase, lang, io.cwd);
  if (signingProblem !== null) {
    io.stderr.write(`${msg.errorPrefix}${signingProblem}\n`);
    return EXIT_FAILED;
  }

  const { entries, problems, usesStdin } = await expandInputs(args, io.cwd, msg);
  const stdinBytes = usesStdin ? await readStdin(io.stdin) : null;
  const outDir = resolve(io.cwd, options.out ?? '.');
  const outFolders = [...new Set(entries.map((e) => join(outDir, e.outSubdir)))].sort();
  try {
    for (const folder of outFolders) await makeFolder(folder, displayPath(folder, io.cwd), msg);
  } catch (error) {
    io.stderr.write(`${msg.errorPrefix}${(error as Error).message}\n`);
    return EXIT_FAILED;
  }
  // A batch killed mid-write (kill -9, a power cut) left its temporary files behind.
  await Promise.all(outFolders.map((folder) => removeStaleTempFiles(folder)));

  const settings: RenderSettings = {
    ...(templates.templatesDir !== undefined && { templates: templates.templatesDir }),
    ...(options.profile !== undefined && { profile: options.profile }),
    ...(options.pdfa === true && { pdfa: true }),
    ...(options.fonts !== undefined && { fonts: options.fonts }),
    ...(Object.keys(signing).length > 0 && { signing }),
    lang,
    cwd: io.cwd,
    run: randomUUID(),
  };
  const plan = planJobs(entries, formats, outDir, options.out, settings, stdinBytes, msg);
  const progress = createProgress({ total: entries.length + problems.length, quiet: options.quiet === true, stream: io.stderr, msg });
  let rendered = 0;
  let failed = 0;
  let warned = 0;
  const report = (outcome: RenderOutcome) => {
    if (outcome.ok) {
      rendered++;
      if (outcome.warnings.length > 0) warned++;
      progress.rendered(outcome.name, outcome.outputs, outcome.warnings);
    } else {
      failed++;
      progress.failed(outcome.name, outcome.messages);
    }
  };
  for (const problem of [...problems, ...plan.conflicts]) {
    report({ id: -1, name: problem.name, ok: false, messages: [`${problem.name}: ${problem.message}`] });
  }

  const inMainThread = plan.jobs.length === 1 && (await isSmall(plan.jobs[0]!));
  const workers = plan.jobs.length === 0 || inMainThread ? null : (pool ?? new WorkerPool(poolSize(jobs, plan.jobs.length), workerLaunchFor(context.entryUrl), msg));
  // warmed for nothing (one small input, or none): stopped, so as not to slow the main thread's render
  if (pool !== null && workers !== pool) await pool.terminate();
  const stopOnSignal = interruptHandler(progress, workers, outFolders, io.stderr, msg);
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  try {
    if (workers !== null) {
      await workers.run(plan.jobs, report);
      // A worker that died while writing leaves its temporary files (its jobs were rendered
      // again under other names); once the pool is done, no thread of this process writes.
      for (const folder of outFolders) removeTempFiles(folder);
    } else if (plan.jobs.length > 0) {
      // One small input: the main thread renders, sparing a worker's start-up.
      const render = await loadRenderer(msg);
      for (const job of plan.jobs) report(await render(job));
    }
  } finally {
    process.off('SIGINT', stopOnSignal);
    process.off('SIGTERM', stopOnSignal);
  }

  progress.finish({ rendered, failed, warned, seconds: (performance.now() - started) / 1000 });
  return failed > 0 ? EXIT_FAILED : EXIT_OK;
}

async function isSmall(job: RenderJob): Promise<boolean> {
  if (job.source.kind === 'bytes') return job.source.bytes.length < MAIN_THREAD_MAX_BYTES;
  const size = (await stat(job.source.path).catch(() => null))?.size ?? 0;
  return size < MAIN_THREAD_MAX_BYTES;
}

/** The library's renderer; if it cannot even be loaded, every job fails with the reason. */
async function loadRenderer(msg: Messages): Promise<(job: RenderJob) => Promise<RenderOutcome>> {
  try {
    return (await import('./render-job.js')).renderJob;
  } catch (error) {
    const reason = msg.render.cannotLoad(error instanceof Error ? error.message : String(error));
    return async (job) => ({ id: job.id, name: job.name, ok: false, messages: [`${job.name}: ${reason}`] });
  }
}

interface Plan {
  jobs: RenderJob[];
  /** Inputs left out because their outputs would overwrite another input's or an input. */
  conflicts: { name: string; message: string }[];
}

function planJobs(
  entries: readonly InputEntry[],
  formats: readonly OutputFormat[],
  outDir: string,
  outArg: string | undefined,
  settings: RenderSettings,
  stdinBytes: Uint8Array | null,
  msg: Messages,
): Plan {
  const jobs: RenderJob[] = [];
  const conflicts: Plan['conflicts'] = [];
  const inputPaths = new Set(entries.flatMap((e) => (e.path === null ? [] : [e.path])));
  const claimed = new Map<string, string>();
  for (const entry of entries) {
    const outputs: PlannedOutput[] = formats.map((format) => {
      const file = join(entry.outSubdir, `${entry.base}.${format}`);
      return { format, path: join(outDir, file), display: outArg === undefined ? file : join(outArg, file) };
    });
    const clash = outputs.find((o) => claimed.has(o.path) || inputPaths.has(o.path));
    if (clash) {
      const other = claimed.get(clash.path);
      conflicts.push({ name: entry.name, message: other ? msg.render.clash(clash.display, other) : msg.render.overwritesInput(clash.display) });
      continue;
    }
    for (const o of outputs) claimed.set(o.path, entry.name);
    jobs.push({ id: jobs.length, name: entry.name, source: sourceOf(entry, stdinBytes), outputs, settings });
  }
  return { jobs, conflicts };
}

/** On Ctrl-C: stop the workers, remove this process's temporary files, restore the terminal. */
function interruptHandler(
  progress: Progress,
  pool: WorkerPool | null,
  outFolders: readonly string[],
  stderr: CommandContext['io']['stderr'],
  msg: Messages,
): (signal: NodeJS.Signals) => void {
  return (signal) => {
    progress.abort();
    const timeout = new Promise((done) => setTimeout(done, 2000).unref());
    void Promise.race([pool?.terminate(), timeout]).finally(() => {
      for (const folder of outFolders) removeTempFiles(folder);
      stderr.write(`\n${msg.render.stopped(signal)}\n`);
      process.exit(EXIT_INTERRUPTED);
    });
  };
}

/** The signing options with their paths made absolute and the passphrase taken from the environment, never from a flag. */
function signingSettings(options: RenderCommandOptions, cwd: string, env: NodeJS.ProcessEnv): SigningSettings {
  return {
    ...(options.signatureField === true && { signatureField: true }),
    ...(options.signatureImage !== undefined && { signatureImage: resolve(cwd, options.signatureImage) }),
    ...(options.sealImage !== undefined && { sealImage: resolve(cwd, options.sealImage) }),
    ...(options.sign !== undefined && { sign: { p12: resolve(cwd, options.sign), passphrase: env.KET_LUAN_P12_PASSPHRASE ?? '' } }),
  };
}

async function checkP12(path: string, passphrase: string, lang: Lang, cwd: string): Promise<string | null> {
  try {
    const { openP12 } = await import('../sign/p12.js');
    await openP12(bytesOrFile('--sign', path), passphrase);
    return null;
  } catch (error) {
    return messageIn(error as Error, lang).replace(/^sign\.p12: /, `--sign ${displayPath(path, cwd)}: `);
  }
}

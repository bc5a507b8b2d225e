import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { OutputFormat } from '../pipeline.js';
import { removeTempFiles } from './atomic-write.js';
import { EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK } from './exit-codes.js';
import { expandInputs, readStdin, sourceOf, type InputEntry } from './input-files.js';
import { createProgress, type Progress } from './progress.js';
import type { PlannedOutput, RenderJob, RenderOutcome, RenderSettings } from './render-job.js';
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
}

export interface CommandContext {
  /** The URL of the command's entry file, which worker threads run too. */
  entryUrl: string;
}

/**
 * `ket-luan render`: checks the templates once, then renders every input to every format,
 * in worker threads when there are several.
 */
export async function renderCommand(args: readonly string[], options: RenderCommandOptions, context: CommandContext): Promise<number> {
  const formats = options.format;
  const jobs = options.jobs ?? defaultJobs();
  const started = performance.now();

  const templates = checkTemplates({ templates: options.templates, profile: options.profile });
  if (!templates.ok) {
    process.stderr.write(`error: ${templates.message}\n`);
    return EXIT_FAILED;
  }

  const { entries, problems, usesStdin } = await expandInputs(args);
  const stdinText = usesStdin ? await readStdin() : null;
  const outDir = resolve(options.out ?? '.');
  if (entries.length > 0) {
    try {
      await mkdir(outDir, { recursive: true });
    } catch (error) {
      process.stderr.write(`error: cannot create the output folder ${options.out}: ${(error as Error).message}\n`);
      return EXIT_FAILED;
    }
  }

  const settings: RenderSettings = {
    ...(templates.templatesDir !== undefined && { templates: templates.templatesDir }),
    ...(options.profile !== undefined && { profile: options.profile }),
    ...(options.pdfa === true && { pdfa: true }),
  };
  const plan = planJobs(entries, formats, outDir, options.out, settings, stdinText);
  const progress = createProgress({ total: entries.length + problems.length, quiet: options.quiet === true });
  let rendered = 0;
  let failed = 0;
  const report = (outcome: RenderOutcome) => {
    if (outcome.ok) {
      rendered++;
      progress.rendered(outcome.name, outcome.outputs);
    } else {
      failed++;
      progress.failed(outcome.name, outcome.messages);
    }
  };
  for (const problem of [...problems, ...plan.conflicts]) {
    report({ id: -1, name: problem.name, ok: false, messages: [`${problem.name}: ${problem.message}`] });
  }

  const threads = poolSize(jobs, plan.jobs.length);
  const pool = threads > 1 ? new WorkerPool(threads, workerLaunchFor(context.entryUrl)) : null;
  const stopOnSignal = interruptHandler(progress, pool, outDir);
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  try {
    if (pool !== null) {
      await pool.run(plan.jobs, report);
    } else if (plan.jobs.length > 0) {
      // One input (or one core): the main thread renders, sparing a worker's start-up.
      const render = await loadRenderer();
      for (const job of plan.jobs) report(await render(job));
    }
  } finally {
    process.off('SIGINT', stopOnSignal);
    process.off('SIGTERM', stopOnSignal);
  }

  progress.finish({ rendered, failed, seconds: (performance.now() - started) / 1000 });
  return failed > 0 ? EXIT_FAILED : EXIT_OK;
}

/** The library's renderer; if it cannot even be loaded, every job fails with the reason. */
async function loadRenderer(): Promise<(job: RenderJob) => Promise<RenderOutcome>> {
  try {
    return (await import('./render-job.js')).renderJob;
  } catch (error) {
    const reason = `cannot load the renderer: ${error instanceof Error ? error.message : String(error)}`;
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
  stdinText: string | null,
): Plan {
  const jobs: RenderJob[] = [];
  const conflicts: Plan['conflicts'] = [];
  const inputPaths = new Set(entries.flatMap((e) => (e.path === null ? [] : [e.path])));
  const claimed = new Map<string, string>();
  for (const entry of entries) {
    const outputs: PlannedOutput[] = formats.map((format) => {
      const file = `${entry.base}.${format}`;
      return { format, path: join(outDir, file), display: outArg === undefined ? file : join(outArg, file) };
    });
    const clash = outputs.find((o) => claimed.has(o.path) || inputPaths.has(o.path));
    if (clash) {
      const other = claimed.get(clash.path);
      conflicts.push({
        name: entry.name,
        message: other
          ? `not rendered: it would write ${clash.display}, as ${other} does (rename one of them, or render them to different folders)`
          : `not rendered: it would overwrite the input ${clash.display}`,
      });
      continue;
    }
    for (const o of outputs) claimed.set(o.path, entry.name);
    jobs.push({ id: jobs.length, name: entry.name, source: sourceOf(entry, stdinText), outputs, settings });
  }
  return { jobs, conflicts };
}

/** On Ctrl-C: stop the workers, remove this process's temporary files, restore the terminal. */
function interruptHandler(progress: Progress, pool: WorkerPool | null, outDir: string): (signal: NodeJS.Signals) => void {
  return (signal) => {
    progress.abort();
    const timeout = new Promise((done) => setTimeout(done, 2000).unref());
    void Promise.race([pool?.terminate(), timeout]).finally(() => {
      removeTempFiles(outDir);
      process.stderr.write(`\nstopped (${signal}); no partial file was left\n`);
      process.exit(EXIT_INTERRUPTED);
    });
  };
}

import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { Messages } from './messages.js';
import type { RenderJob, RenderOutcome } from './render-job.js';
import { WORKER_MARKER, type FromWorker, type ToWorker, type WorkerData } from './render-worker.js';

/** How to start a worker thread running the command's entry file. */
interface WorkerLaunch {
  filename: string | URL;
  options: WorkerOptions;
}

/**
 * The worker runs the command's own entry file, `entryUrl` (main.ts's `import.meta.url`):
 *
 * - built (dist/cli.js): a plain JavaScript file, started as is;
 * - in development (src/cli/main.ts, run with `node --import tsx`): Node 20 does not carry the
 *   parent's `--import tsx` loader hooks into a worker, and a worker's own `execArgv: ['--import',
 *   …]` does not install them either. So the worker starts from a small JavaScript bootstrap
 *   that registers tsx (`tsx/esm/api`, resolved from this file, so the current folder does not
 *   matter) and then imports the TypeScript entry.
 */
/**
 * A smaller young generation than V8's default makes each worker collect short-lived garbage
 * (a document's XML and PDF buffers) sooner, which keeps a long batch's resident memory low and
 * flat; it is no limit on how large a document can be.
 */
const WORKER_HEAP = { maxYoungGenerationSizeMb: 8 };

export function workerLaunchFor(entryUrl: string): WorkerLaunch {
  const workerData: WorkerData = { kind: WORKER_MARKER };
  if (!/\.[cm]?ts$/.test(new URL(entryUrl).pathname)) {
    return { filename: new URL(entryUrl), options: { workerData, resourceLimits: WORKER_HEAP } };
  }
  const tsxApi = resolveFromHere('tsx/esm/api');
  if (tsxApi === null) return { filename: new URL(entryUrl), options: { workerData, resourceLimits: WORKER_HEAP } };
  const bootstrap =
    `import(${JSON.stringify(tsxApi)})` +
    `.then((tsx) => { tsx.register(); return import(${JSON.stringify(entryUrl)}); })` +
    `.catch((error) => { process.nextTick(() => { throw error; }); });`;
  // execArgv [] : the parent's "--import tsx" would be resolved again from the current folder.
  return { filename: bootstrap, options: { eval: true, execArgv: [], workerData, resourceLimits: WORKER_HEAP } };
}

function resolveFromHere(specifier: string): string | null {
  try {
    const resolve = (import.meta as { resolve?: (specifier: string) => string }).resolve;
    return resolve ? resolve(specifier) : null;
  } catch {
    return null;
  }
}

/**
 * A fixed number of worker threads, each loading the library once and rendering the jobs it is
 * sent one after another; a free worker takes the next job. A worker that dies fails the job
 * it had and is replaced while jobs remain.
 */
export class WorkerPool {
  private readonly workers = new Set<Worker>();
  private stopped = false;

  constructor(
    private readonly size: number,
    private readonly launch: WorkerLaunch,
    private readonly msg: Messages,
  ) {}

  /** Renders every job; `onOutcome` hears of each as it finishes. Resolves when all are done. */
  run(jobs: readonly RenderJob[], onOutcome: (outcome: RenderOutcome) => void): Promise<void> {
    const queue = [...jobs];
    let remaining = jobs.length;
    return new Promise((resolvePool) => {
      if (remaining === 0) return resolvePool();
      const finish = (outcome: RenderOutcome) => {
        onOutcome(outcome);
        remaining--;
        if (remaining === 0) resolvePool();
      };
      const startWorker = () => {
        if (this.stopped) return;
        const worker = new Worker(this.launch.filename, this.launch.options);
        this.workers.add(worker);
        let current: RenderJob | null = null;
        const next = () => {
          current = queue.shift() ?? null;
          if (current === null || this.stopped) {
            this.workers.delete(worker);
            void worker.terminate();
            return;
          }
          worker.postMessage({ type: 'job', job: current } satisfies ToWorker);
        };
        const die = (reason: string) => {
          this.workers.delete(worker);
          const lost = current;
          current = null;
          if (lost !== null) finish({ id: lost.id, name: lost.name, ok: false, messages: [`${lost.name}: ${reason}`] });
          if (queue.length > 0 && !this.stopped) startWorker();
        };
        worker.on('message', (message: FromWorker) => {
          if (message.type !== 'done') return;
          current = null;
          finish(message.outcome);
          next();
        });
        worker.on('error', (error) => die(this.msg.render.workerFailed(error.message)));
        worker.on('exit', (code) => {
          if (this.workers.has(worker)) die(this.msg.render.workerStopped(code));
        });
        next();
      };
      const count = Math.max(1, Math.min(this.size, jobs.length));
      for (let i = 0; i < count; i++) startWorker();
    });
  }

  /** Stops every worker at once (on an interrupt). */
  async terminate(): Promise<void> {
    this.stopped = true;
    const workers = [...this.workers];
    this.workers.clear();
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

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
 * Each worker's heap. A smaller young generation than V8's default makes each worker collect
 * short-lived garbage (a document's XML and PDF buffers) sooner. The old generation gets a bound
 * for what the bound does to V8's heap growth: about 40 MB stay live in a worker (the library's
 * code, the fonts, the caches), and with no bound (a heap of several GB) V8 lets the old
 * generation grow to about three times that before it collects again, which two workers turned
 * into most of a batch's resident memory (over 400 MB for 1,000 documents). Under a bound of
 * 1.5 GB V8 grows the heap by at most 1.8 times what is live, collecting a little more often. The
 * bound is no limit on how large a document can be: a job that outgrows it is rendered again in
 * a worker without the bound (see `WorkerPool`).
 */
const WORKER_HEAP = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 1536 };

/** The same launch without the old generation's bound, for a job that outgrew it. */
export function roomyLaunch(launch: WorkerLaunch): WorkerLaunch {
  const { maxOldGenerationSizeMb: _bound, ...limits } = launch.options.resourceLimits ?? {};
  return { filename: launch.filename, options: { ...launch.options, resourceLimits: limits } };
}

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
 * sent one after another. While jobs are plentiful a worker is sent its next job before it has
 * finished the one it renders, so it never waits for the pool to answer (with every core busy,
 * the main thread may not run for a while); near the end of the queue it is sent one at a time,
 * so that no job waits behind another worker's while a worker is free. A worker holds at most
 * three jobs at once: two not yet rendered, or the last ones' files being written. A worker that
 * dies fails the job it was rendering, gives back those it had not started, and is replaced while
 * jobs remain; one that ran out of its bounded heap is replaced by a worker without the bound,
 * which renders that job again (nothing of it was written: a job writes its files only once all
 * are rendered). A job whose files were being written when its worker died is rendered again,
 * once: what it had written is whole or absent. Every job is reported once.
 */
export class WorkerPool {
  private readonly workers = new Set<Worker>();
  /** Workers started by warm() and not yet given jobs; `died` if one stopped before run took it. */
  private readonly warmed: { worker: Worker; died: boolean; onDeath: () => void }[] = [];
  private stopped = false;

  constructor(
    private readonly size: number,
    private readonly launch: WorkerLaunch,
    private readonly msg: Messages,
  ) {}

  /**
   * Starts the workers now, so that they load the library while the command is still reading its
   * inputs and making its folders (a worker takes about as long to start as that does); run()
   * gives them their jobs. Workers run() does not need are stopped.
   */
  warm(): void {
    while (this.warmed.length < this.size && !this.stopped) {
      const worker = new Worker(this.launch.filename, this.launch.options);
      // heard until run() takes the worker: a worker that fails to start is replaced then
      const entry = { worker, died: false, onDeath: () => (entry.died = true) };
      worker.on('error', entry.onDeath);
      worker.on('exit', entry.onDeath);
      this.warmed.push(entry);
    }
  }

  /** A worker warm() started that is still running, or a new one. */
  private workerFor(launch: WorkerLaunch): Worker {
    while (launch === this.launch && this.warmed.length > 0) {
      const { worker, died, onDeath } = this.warmed.shift() as (typeof this.warmed)[number];
      worker.off('error', onDeath);
      worker.off('exit', onDeath);
      if (!died) return worker;
      void worker.terminate();
    }
    return new Worker(launch.filename, launch.options);
  }

  /** Stops the warmed workers no job went to. */
  private stopWarmed(): void {
    for (const { worker } of this.warmed.splice(0)) void worker.terminate();
  }

  /** Renders every job; `onOutcome` hears of each as it finishes. Resolves when all are done. */
  run(jobs: readonly RenderJob[], onOutcome: (outcome: RenderOutcome) => void): Promise<void> {
    const queue = [...jobs];
    let remaining = jobs.length;
    const roomy = roomyLaunch(this.launch);
    return new Promise((resolvePool) => {
      if (remaining === 0) {
        this.stopWarmed();
        return resolvePool();
      }
      const count = Math.max(1, Math.min(this.size, jobs.length));
      const finished = new Set<number>();
      /** Jobs already rendered again once because their worker died while writing their files. */
      const rewritten = new Set<number>();
      const finish = (outcome: RenderOutcome) => {
        // once per job, whatever a dying worker still delivers
        if (finished.has(outcome.id)) return;
        finished.add(outcome.id);
        onOutcome(outcome);
        remaining--;
        if (remaining === 0) resolvePool();
      };
      const startWorker = (launch: WorkerLaunch) => {
        if (this.stopped) return;
        const worker = this.workerFor(launch);
        this.workers.add(worker);
        /** Sent and not yet rendered, in the order the worker renders them: the first is rendering. */
        const sent: RenderJob[] = [];
        const writing = new Map<number, RenderJob>();
        // A worker's failure ('error') can arrive before messages it posted earlier, such as
        // that it rendered a job; Node delivers them all before 'exit'. So its death is dealt
        // with on 'exit', when what it rendered is known; after that nothing it says counts.
        let dead = false;
        let failure: { reason: string; outOfMemory: boolean } | undefined;
        const next = () => {
          if (dead) return;
          // a second job in hand only while more are left than there are workers to take them
          while (sent.length < (queue.length > count ? 2 : 1) && sent.length + writing.size < 3 && queue.length > 0 && !this.stopped) {
            const job = queue.shift() as RenderJob;
            sent.push(job);
            worker.postMessage({ type: 'job', job } satisfies ToWorker);
          }
          if (sent.length === 0 && writing.size === 0 && (queue.length === 0 || this.stopped)) {
            this.workers.delete(worker);
            void worker.terminate();
          }
        };
        const die = (reason: string, outOfMemory = false) => {
          if (dead) return;
          dead = true;
          this.workers.delete(worker);
          const lost = sent.shift() ?? null;
          const unstarted = sent.splice(0);
          const held = [...writing.values()];
          writing.clear();
          queue.unshift(...unstarted);
          // a job being written is rendered again, once: a second death while writing it fails it
          for (const job of held) {
            if (rewritten.has(job.id)) finish({ id: job.id, name: job.name, ok: false, messages: [`${job.name}: ${reason}`] });
            else rewritten.add(job.id);
          }
          queue.unshift(...held.filter((job) => !finished.has(job.id)));
          // the files being written count against the bound too: no job is blamed for the memory
          if (outOfMemory && launch !== roomy && (lost !== null || held.length > 0)) {
            if (lost !== null) queue.unshift(lost);
            return startWorker(roomy);
          }
          if (lost !== null) finish({ id: lost.id, name: lost.name, ok: false, messages: [`${lost.name}: ${reason}`] });
          if (queue.length > 0 && !this.stopped) startWorker(launch);
        };
        worker.on('message', (message: FromWorker) => {
          if (dead) return;
          if (message.type === 'rendered' && sent[0]?.id === message.id) {
            writing.set(message.id, sent.shift() as RenderJob);
          } else if (message.type === 'done') {
            writing.delete(message.outcome.id);
            finish(message.outcome);
          }
          next();
        });
        worker.on('error', (error: NodeJS.ErrnoException) => {
          failure ??= { reason: this.msg.render.workerFailed(error.message), outOfMemory: error.code === 'ERR_WORKER_OUT_OF_MEMORY' };
        });
        worker.on('exit', (code) => {
          // a worker the pool stopped itself is no longer among its workers
          if (this.workers.has(worker)) die(failure?.reason ?? this.msg.render.workerStopped(code), failure?.outOfMemory ?? false);
        });
        next();
      };
      for (let i = 0; i < count; i++) startWorker(this.launch);
      this.stopWarmed();
    });
  }

  /** Stops every worker at once (on an interrupt). */
  async terminate(): Promise<void> {
    this.stopped = true;
    const workers = [...this.workers, ...this.warmed.splice(0).map((entry) => entry.worker)];
    this.workers.clear();
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

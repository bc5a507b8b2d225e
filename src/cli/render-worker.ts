/**
 * The worker-thread side of batch rendering. The worker runs the command's own entry file
 * (src/cli/main.ts, or dist/cli.js once built), which sees the marker in `workerData` and
 * comes here instead of parsing the command line.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { messagesFor } from './messages.js';
import type { RenderJob, RenderOutcome } from './render-job.js';

export const WORKER_MARKER = 'ket-luan/render-worker';

export interface WorkerData {
  kind: typeof WORKER_MARKER;
}

/**
 * Messages between the pool and a worker. A worker says when a job is rendered, before its files
 * are written, and again when they are: should it die, the pool knows which job it was rendering
 * (failed) and whose files were being written (rendered again), and it bounds how many a worker
 * holds. The worker renders its next job while the disk flushes the last one's files.
 */
export type ToWorker = { type: 'job'; job: RenderJob };
export type FromWorker = { type: 'rendered'; id: number } | { type: 'done'; outcome: RenderOutcome };

export function isRenderWorker(): boolean {
  return !isMainThread && (workerData as Partial<WorkerData> | null)?.kind === WORKER_MARKER;
}

/** Loads the library once, then renders each job it is sent, one at a time; writing overlaps the next render. */
export function runRenderWorker(): void {
  const port = parentPort;
  if (port === null) throw new Error('ket-luan: the render worker must run in a worker thread');
  const library = import('./render-job.js');
  library.catch(() => undefined); // reported with each job below, not as an unhandled rejection
  let rendering = Promise.resolve();
  port.on('message', (message: ToWorker) => {
    if (message.type !== 'job') return;
    const { job } = message;
    rendering = rendering.then(async () => {
      let written: Promise<RenderOutcome>;
      try {
        const { renderInMemory, writeRendered } = await library;
        const rendered = await renderInMemory(job);
        written = writeRendered(rendered);
      } catch (error) {
        // The library itself failed to load: every job fails the same way.
        written = Promise.resolve({ id: job.id, name: job.name, ok: false, messages: [`${job.name}: ${messagesFor(job.settings.lang).render.cannotLoad((error as Error).message)}`] });
      }
      port.postMessage({ type: 'rendered', id: job.id } satisfies FromWorker);
      void written.then((outcome) => port.postMessage({ type: 'done', outcome } satisfies FromWorker));
    });
  });
}

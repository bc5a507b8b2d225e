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

/** Messages between the pool and a worker. */
export type ToWorker = { type: 'job'; job: RenderJob };
export type FromWorker = { type: 'done'; outcome: RenderOutcome };

export function isRenderWorker(): boolean {
  return !isMainThread && (workerData as Partial<WorkerData> | null)?.kind === WORKER_MARKER;
}

/** Loads the library once, then renders each job it is sent, one at a time. */
export function runRenderWorker(): void {
  const port = parentPort;
  if (port === null) throw new Error('ket-luan: the render worker must run in a worker thread');
  const library = import('./render-job.js');
  library.catch(() => undefined); // reported with each job below, not as an unhandled rejection
  let queue = Promise.resolve();
  port.on('message', (message: ToWorker) => {
    if (message.type !== 'job') return;
    queue = queue.then(async () => {
      let outcome: RenderOutcome;
      try {
        outcome = await (await library).renderJob(message.job);
      } catch (error) {
        // The library itself failed to load: every job fails the same way.
        outcome = { id: message.job.id, name: message.job.name, ok: false, messages: [`${message.job.name}: ${messagesFor(message.job.settings.lang).render.cannotLoad((error as Error).message)}`] };
      }
      port.postMessage({ type: 'done', outcome } satisfies FromWorker);
    });
  });
}

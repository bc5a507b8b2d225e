#!/usr/bin/env node
/**
 * The `ket-luan` command. The same file is the entry of the render worker threads: started as a
 * worker (marked in workerData), it renders the jobs it is sent instead of reading the command line.
 */
import { runCli } from './program.js';
import { isRenderWorker, runRenderWorker } from './render-worker.js';

if (isRenderWorker()) {
  runRenderWorker();
} else {
  // `ket-luan help render | head -3`: the reader has gone; stop quietly, as cat and grep do.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  runCli(process.argv, { entryUrl: import.meta.url }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`ket-luan: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}

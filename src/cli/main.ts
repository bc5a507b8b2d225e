#!/usr/bin/env node
/**
 * The `ket-luan` command. The same file is the entry of the render worker threads: started as a
 * worker (marked in workerData), it renders the jobs it is sent instead of reading the command line.
 */
import module from 'node:module';

// From Node 22.1 on, V8 keeps the command's compiled code between runs (in the system's temporary
// folder; NODE_DISABLE_COMPILE_CACHE=1 turns it off), so a clerk's next run starts sooner. The
// rest of the command is imported only after this, or its first compile would not be kept.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

const { isRenderWorker, runRenderWorker } = await import('./render-worker.js');

if (isRenderWorker()) {
  // A worker needs the renderer only, not the command line's parser, help and progress bar.
  runRenderWorker();
} else {
  const { runCli } = await import('./program.js');
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

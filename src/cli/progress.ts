import { MultiBar, Presets, type SingleBar } from 'cli-progress';

/**
 * What the render command tells the user while it works, on standard error:
 * a progress bar on a terminal, one plain line per input otherwise, nothing but errors with --quiet.
 */
export interface Progress {
  rendered(name: string, outputs: readonly string[]): void;
  /** Error lines, each naming the input; shown even with --quiet. */
  failed(name: string, messages: readonly string[]): void;
  /** Ends the display and prints the summary. */
  finish(summary: { rendered: number; failed: number; seconds: number }): void;
  /** Ends the display at once (on an interrupt), leaving the terminal as it was. */
  abort(): void;
}

export interface ProgressOptions {
  total: number;
  quiet: boolean;
  stream?: NodeJS.WriteStream;
}

export function createProgress({ total, quiet, stream = process.stderr }: ProgressOptions): Progress {
  if (quiet) return new QuietProgress(stream);
  if (stream.isTTY) return new BarProgress(stream, total);
  return new LineProgress(stream);
}

export function formatSummary({ rendered, failed, seconds }: { rendered: number; failed: number; seconds: number }): string {
  return `rendered ${rendered}, failed ${failed} in ${seconds.toFixed(1)} s`;
}

function errorText(messages: readonly string[]): string {
  return messages.map((m) => `${m}\n`).join('');
}

class QuietProgress implements Progress {
  constructor(private readonly stream: NodeJS.WritableStream) {}
  rendered(): void {}
  failed(_name: string, messages: readonly string[]): void {
    this.stream.write(errorText(messages));
  }
  finish(): void {}
  abort(): void {}
}

class LineProgress implements Progress {
  constructor(private readonly stream: NodeJS.WritableStream) {}
  rendered(name: string, outputs: readonly string[]): void {
    this.stream.write(`rendered ${name} → ${outputs.join(', ')}\n`);
  }
  failed(_name: string, messages: readonly string[]): void {
    this.stream.write(errorText(messages));
  }
  finish(summary: { rendered: number; failed: number; seconds: number }): void {
    this.stream.write(`${formatSummary(summary)}\n`);
  }
  abort(): void {}
}

class BarProgress implements Progress {
  private readonly bars: MultiBar;
  private readonly bar: SingleBar;
  private done = 0;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    total: number,
  ) {
    this.bars = new MultiBar(
      {
        stream,
        format: ' {bar} {value}/{total} | {eta_formatted} left | {file}',
        hideCursor: true,
        clearOnComplete: true,
        stopOnComplete: false,
        autopadding: true,
        etaBuffer: 20,
      },
      Presets.shades_classic,
    );
    this.bar = this.bars.create(total, 0, { file: '' });
  }

  rendered(name: string): void {
    this.bar.update(++this.done, { file: name });
  }

  failed(name: string, messages: readonly string[]): void {
    this.bars.log(errorText(messages));
    this.bar.update(++this.done, { file: name });
  }

  finish(summary: { rendered: number; failed: number; seconds: number }): void {
    this.bars.stop();
    this.stream.write(`${formatSummary(summary)}\n`);
  }

  abort(): void {
    this.bars.stop();
  }
}

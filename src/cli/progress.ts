import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import type { OutStream } from './context.js';
import type { Messages } from './messages.js';

interface Summary {
  rendered: number;
  failed: number;
  /** Rendered, but with warnings. */
  warned: number;
  seconds: number;
}

/**
 * What the render command tells the user while it works, on standard error:
 * a progress bar on a terminal, one plain line per input otherwise, nothing but errors and
 * warnings with --quiet.
 */
export interface Progress {
  rendered(name: string, outputs: readonly string[], warnings: readonly string[]): void;
  /** Error lines, each naming the input; shown even with --quiet. */
  failed(name: string, messages: readonly string[]): void;
  /** Ends the display and prints the summary. */
  finish(summary: Summary): void;
  /** Ends the display at once (on an interrupt), leaving the terminal as it was. */
  abort(): void;
}

interface ProgressOptions {
  total: number;
  quiet: boolean;
  stream: OutStream;
  msg: Messages;
}

export function createProgress({ total, quiet, stream, msg }: ProgressOptions): Progress {
  if (quiet) return new QuietProgress(stream);
  if (stream.isTTY === true) return new BarProgress(stream as NodeJS.WriteStream, total, msg);
  return new LineProgress(stream, msg);
}

function formatSummary(msg: Messages, { rendered, failed, warned, seconds }: Summary): string {
  return msg.render.summary(rendered, failed, seconds.toFixed(1)) + (warned > 0 ? msg.render.summaryWarned(warned) : '');
}

function lines(messages: readonly string[]): string {
  return messages.map((m) => `${m}\n`).join('');
}

class QuietProgress implements Progress {
  constructor(private readonly stream: OutStream) {}
  rendered(_name: string, _outputs: readonly string[], warnings: readonly string[]): void {
    if (warnings.length > 0) this.stream.write(lines(warnings));
  }
  failed(_name: string, messages: readonly string[]): void {
    this.stream.write(lines(messages));
  }
  finish(): void {}
  abort(): void {}
}

class LineProgress implements Progress {
  constructor(
    private readonly stream: OutStream,
    private readonly msg: Messages,
  ) {}
  rendered(name: string, outputs: readonly string[], warnings: readonly string[]): void {
    this.stream.write(`${this.msg.render.rendered(name, outputs.join(', '))}\n${lines(warnings)}`);
  }
  failed(_name: string, messages: readonly string[]): void {
    this.stream.write(lines(messages));
  }
  finish(summary: Summary): void {
    this.stream.write(`${formatSummary(this.msg, summary)}\n`);
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
    private readonly msg: Messages,
  ) {
    this.bars = new MultiBar(
      {
        stream,
        format: ' {bar} {value}/{total} | {eta_formatted} | {file}',
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

  rendered(name: string, _outputs: readonly string[], warnings: readonly string[]): void {
    if (warnings.length > 0) this.bars.log(lines(warnings));
    this.bar.update(++this.done, { file: name });
  }

  failed(name: string, messages: readonly string[]): void {
    this.bars.log(lines(messages));
    this.bar.update(++this.done, { file: name });
  }

  finish(summary: Summary): void {
    this.bars.stop();
    this.stream.write(`${formatSummary(this.msg, summary)}\n`);
  }

  abort(): void {
    this.bars.stop();
  }
}

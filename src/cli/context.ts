import type { Lang, Messages } from './messages.js';

/** Where the command writes: a stream, or anything that takes text (tests capture it). */
export interface OutStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** The world the command runs in; the real process's, or one a test makes up. */
export interface CliIo {
  /** The folder relative paths are read from and written to. */
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadableStream;
  stdout: OutStream;
  stderr: OutStream;
}

export interface CommandContext {
  /** The URL of the command's entry file, which worker threads run too. */
  entryUrl: string;
  io: CliIo;
  lang: Lang;
  msg: Messages;
}

export function processIo(): CliIo {
  return { cwd: process.cwd(), env: process.env, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
}

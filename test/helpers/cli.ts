/**
 * Runs the real `ket-luan` command: in this process (the command's own `runCli`, with its folder,
 * environment and streams made up; fast), or in a child process where a test needs one
 * (signals, pipes, the built bundle).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runCli } from '../../src/cli/program.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI_MAIN = join(ROOT, 'src', 'cli', 'main.ts');
/** An absolute loader URL: a bare `--import tsx` would be looked up from the working folder. */
export const TSX_LOADER = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment commands run in: English messages unless a test says otherwise. */
export function testEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const { LC_ALL: _all, LC_MESSAGES: _messages, LANG: _lang, LANGUAGE: _language, ...rest } = process.env;
  return { ...rest, LANG: 'C.UTF-8', NO_COLOR: '1', FORCE_COLOR: '0', ...extra };
}

export function runNode(nodeArgs: string[], args: string[], cwd: string, stdin?: string, env?: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, ...args], { cwd, env: testEnv(env), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

/** `ket-luan …` from the sources, in a child process. */
export const ketLuanProcess = (args: string[], cwd: string, stdin?: string, env?: NodeJS.ProcessEnv): Promise<Run> =>
  runNode(['--import', TSX_LOADER, CLI_MAIN], args, cwd, stdin, env);

/** `ket-luan …` from the sources, in this process: its output captured, `cwd` its folder. */
export async function ketLuan(args: string[], cwd: string, stdin?: string | Uint8Array, env?: NodeJS.ProcessEnv): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['node', 'ket-luan', ...args], {
    entryUrl: pathToFileURL(CLI_MAIN).href,
    io: {
      cwd,
      env: testEnv(env),
      stdin: Readable.from(stdin === undefined ? [] : [typeof stdin === 'string' ? Buffer.from(stdin) : Buffer.from(stdin)]),
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
    },
  });
  return { code, stdout, stderr };
}

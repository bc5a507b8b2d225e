/** Runs the real `ket-luan` command from the sources in a child process. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI_MAIN = join(ROOT, 'src', 'cli', 'main.ts');
/** An absolute loader URL: a bare `--import tsx` would be looked up from the working folder. */
export const TSX_LOADER = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runNode(nodeArgs: string[], args: string[], cwd: string, stdin?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

/** `ket-luan …` from the sources. */
export const ketLuan = (args: string[], cwd: string, stdin?: string): Promise<Run> => runNode(['--import', TSX_LOADER, CLI_MAIN], args, cwd, stdin);

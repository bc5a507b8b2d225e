/**
 * Converts an office document with LibreOffice in headless mode, for tests that check how a real
 * consumer lays out what the writers produce.
 *
 * Each call gets its own temp folder and its own LibreOffice user profile
 * (-env:UserInstallation): soffice refuses to start a second instance on a profile in use, so
 * parallel test files would otherwise fail or hand their work to each other's process.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';

export interface ConvertOptions {
  /** Kill soffice after this long; a first start with a fresh profile takes several seconds. */
  timeoutMs?: number;
}

export async function convertWithLibreOffice(
  input: Uint8Array | string,
  ext: 'docx',
  outFormat: 'pdf',
  options: ConvertOptions = {},
): Promise<Uint8Array> {
  const timeoutMs = options.timeoutMs ?? 90_000;
  const dir = await mkdtemp(join(tmpdir(), 'ket-luan-lo-'));
  try {
    const inputPath = join(dir, `input.${ext}`);
    if (typeof input === 'string') await writeFile(inputPath, await readFile(input));
    else await writeFile(inputPath, input);
    const outDir = join(dir, 'out');
    const profile = pathToFileURL(join(dir, 'profile')).href;
    await run(
      SOFFICE,
      [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--nolockcheck', '--convert-to', outFormat, '--outdir', outDir, inputPath],
      timeoutMs,
    );
    const outPath = join(outDir, `${basename(inputPath, extname(inputPath))}.${outFormat}`);
    try {
      return new Uint8Array(await readFile(outPath));
    } catch {
      throw new Error(`LibreOffice produced no ${outFormat} for ${inputPath}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs a command, failing on a non-zero exit or on the timeout (killing its whole process group). */
export function run(command: string, args: string[], timeoutMs: number): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // detached: soffice forks (oosplash → soffice.bin); killing the group stops both on timeout.
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      reject(new Error(`${command} timed out after ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve({ stdout, stderr });
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}\n${stderr}`));
    });
  });
}

/** The version soffice reports, e.g. "LibreOffice 7.4.7.2 40(Build:2)". */
export async function libreOfficeVersion(): Promise<string> {
  const { stdout } = await run(SOFFICE, ['--version'], 60_000);
  return stdout.trim();
}

/**
 * Converts office documents with LibreOffice in headless mode, for tests that check how a real
 * consumer lays out what the writers produce.
 *
 * Starting soffice costs seconds (more with a new user profile); converting one more file in a
 * process already started costs a fraction of a second. So conversions asked for within a moment
 * of each other (tests of a file running concurrently) go to one soffice process together, and a
 * test process keeps one LibreOffice user profile (-env:UserInstallation) for all its conversions.
 * Batches run one after another: soffice refuses a second instance on a profile in use. Test files
 * run in separate processes, each with its own profile, so they never hand work to each other.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';

export interface ConvertOptions {
  /** Kill soffice after this long; a first start with a fresh profile takes several seconds. */
  timeoutMs?: number;
}

interface Conversion {
  input: Uint8Array | string;
  timeoutMs: number;
  resolve: (pdf: Uint8Array) => void;
  reject: (error: unknown) => void;
}

/** How long a conversion waits for others to join its soffice process. */
const GATHER_MS = 250;
/** What each file after the first adds to a batch's time limit. */
const PER_EXTRA_FILE_MS = 20_000;

let gathering: Conversion[] = [];
let gatherTimer: NodeJS.Timeout | undefined;
let batches: Promise<void> = Promise.resolve();
let profileDir: string | undefined;

/** LibreOffice's PDF of a DOCX (its bytes, or a path to it). */
export function convertWithLibreOffice(input: Uint8Array | string, options: ConvertOptions = {}): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    gathering.push({ input, timeoutMs: options.timeoutMs ?? 90_000, resolve, reject });
    if (gatherTimer !== undefined) clearTimeout(gatherTimer);
    gatherTimer = setTimeout(() => {
      gatherTimer = undefined;
      const batch = gathering;
      gathering = [];
      batches = batches.then(() => convertBatch(batch));
    }, GATHER_MS);
  });
}

/** The test process's LibreOffice profile: made by the first conversion, removed when the process exits. */
function profile(): string {
  if (profileDir === undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'ket-luan-lo-profile-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    profileDir = dir;
  }
  return profileDir;
}

function dropProfile(): void {
  if (profileDir !== undefined) rmSync(profileDir, { recursive: true, force: true });
  profileDir = undefined;
}

async function convertBatch(batch: Conversion[]): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'ket-luan-lo-'));
  try {
    const inputs = batch.map((_, index) => join(dir, `input-${index}.docx`));
    await Promise.all(batch.map(async (conversion, index) => writeFile(inputs[index]!, typeof conversion.input === 'string' ? await readFile(conversion.input) : conversion.input)));
    const outDir = join(dir, 'out');
    const timeoutMs = Math.max(...batch.map((conversion) => conversion.timeoutMs)) + PER_EXTRA_FILE_MS * (batch.length - 1);
    try {
      await run(SOFFICE, [`-env:UserInstallation=${pathToFileURL(profile()).href}`, '--headless', '--norestore', '--nolockcheck', '--convert-to', 'pdf', '--outdir', outDir, ...inputs], timeoutMs);
    } catch (error) {
      // a killed or failed soffice may leave the profile half-written: the next batch starts afresh
      dropProfile();
      throw error;
    }
    await Promise.all(
      batch.map(async (conversion, index) => {
        try {
          conversion.resolve(new Uint8Array(await readFile(join(outDir, `input-${index}.pdf`))));
        } catch {
          conversion.reject(new Error(`LibreOffice produced no pdf for ${inputs[index]}`));
        }
      }),
    );
  } catch (error) {
    for (const conversion of batch) conversion.reject(error);
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

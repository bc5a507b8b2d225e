import { lstat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseConclusion } from '../schema/parse.js';
import { writeFilesAtomically } from './atomic-write.js';
import { EXIT_FAILED, EXIT_OK } from './exit-codes.js';
import { starterInput } from './starter-input.js';

export const DEFAULT_INIT_FILE = 'ket-luan.json';

export interface InitCommandOptions {
  force?: boolean;
}

/** `ket-luan init [file]`: writes a starter input for this month's regular meeting. */
export async function initCommand(file: string | undefined, options: InitCommandOptions, today = new Date()): Promise<number> {
  const name = file ?? DEFAULT_INIT_FILE;
  const path = resolve(name);
  const existing = await lstat(path).catch(() => null);
  if (existing?.isDirectory()) {
    process.stderr.write(`error: ${name} is a folder; give a file name, e.g. ket-luan init ${name}/ket-luan.json\n`);
    return EXIT_FAILED;
  }
  if (existing && options.force !== true) {
    process.stderr.write(`error: ${name} already exists; use --force to overwrite it\n`);
    return EXIT_FAILED;
  }
  const input = starterInput(today);
  parseConclusion(input); // the starter must itself be valid; a failure here is a bug, and says so
  const text = `${JSON.stringify(input, null, 2)}\n`;
  try {
    await writeFilesAtomically([{ path, display: name, data: new TextEncoder().encode(text) }]);
  } catch (error) {
    process.stderr.write(`error: ${(error as Error).message}\n`);
    return EXIT_FAILED;
  }
  const meeting = input.meeting!;
  process.stdout.write(
    `wrote ${name}: the conclusion of the regular meeting of ${meeting.month}/${meeting.year}, dated today.\n` +
      `Replace the placeholders, then: ket-luan render ${name}\n`,
  );
  return EXIT_OK;
}

import { lstat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { MonthRef } from '../compose/context.js';
import { parseConclusion } from '../schema/parse.js';
import { makeFolder, writeFilesAtomically } from './atomic-write.js';
import type { CommandContext } from './context.js';
import { describeError } from './describe-error.js';
import { displayPath } from './display-path.js';
import { EXIT_FAILED, EXIT_OK } from './exit-codes.js';
import { readInput } from './read-input.js';
import { monthName, starterDate, starterFrom, starterInput } from './starter-input.js';

const DEFAULT_INIT_FILE = 'ket-luan.json';

export interface InitCommandOptions {
  force?: boolean;
  /** --month, parsed. */
  month?: MonthRef;
  /** --from: last month's input. */
  from?: string;
}

/**
 * `ket-luan init [file]`: writes a starter input for a month's regular meeting: this month's,
 * the --month given, or the month after the --from input's, carrying that input's issuer,
 * place, signature and recipients over.
 */
export async function initCommand(file: string | undefined, options: InitCommandOptions, context: CommandContext, today = new Date()): Promise<number> {
  const { io, msg } = context;
  const fail = (message: string) => {
    io.stderr.write(`${msg.errorPrefix}${message}\n`);
    return EXIT_FAILED;
  };

  let input;
  let meeting: MonthRef;
  let fromPath: string | null = null;
  if (options.from !== undefined) {
    fromPath = resolve(io.cwd, options.from);
    let last: unknown;
    try {
      last = await readInput({ kind: 'file', path: fromPath }, msg);
      parseConclusion(last);
    } catch (error) {
      const lines = describeError(options.from, error, context.lang, io.cwd);
      return fail(`${msg.init.fromInvalid(options.from)}\n${lines.join('\n')}`);
    }
    const next = starterFrom(last as Record<string, unknown>, options.month);
    if (next === null) return fail(msg.init.fromNoMonth(options.from));
    ({ input, meeting } = next);
  } else {
    meeting = options.month ?? { month: today.getMonth() + 1, year: today.getFullYear() };
    input = starterInput(meeting, starterDate(meeting, today));
  }

  const name = file ?? defaultTarget(fromPath, options.from, meeting, options.month !== undefined);
  const path = resolve(io.cwd, name);
  const existing = await lstat(path).catch(() => null);
  if (existing?.isDirectory()) return fail(msg.init.isFolder(name));
  if (existing?.isSymbolicLink()) return fail(msg.init.symlink(name));
  if (existing && options.force !== true) return fail(msg.init.exists(name));

  parseConclusion(input); // the starter must itself be valid; a failure here is a bug, and says so
  const text = `${JSON.stringify(input, null, 2)}\n`;
  try {
    await makeFolder(dirname(path), displayPath(dirname(path), io.cwd), msg);
    await writeFilesAtomically([{ path, display: name, data: new TextEncoder().encode(text) }], msg);
  } catch (error) {
    return fail((error as Error).message);
  }
  io.stdout.write(
    `${options.from !== undefined ? msg.init.wroteFrom(name, options.from, meeting.month, meeting.year, input.date) : msg.init.wrote(name, meeting.month, meeting.year, input.date)}\n`,
  );
  return EXIT_OK;
}

/**
 * Where a starter goes when no file is named: ket-luan.json for this month's; for a month given
 * or rolled forward, where that month's input belongs: beside last month's when it is named by
 * its month (data/2025-01.json → data/2025-02.json), in the next month's folder when it sits in
 * one (data/2025-01/cho-chu.json → data/2025-02/cho-chu.json), else <YYYY-MM>.json here.
 */
function defaultTarget(fromPath: string | null, fromArg: string | undefined, meeting: MonthRef, monthGiven: boolean): string {
  const month = monthName(meeting);
  if (fromPath === null || fromArg === undefined) return monthGiven ? `${month}.json` : DEFAULT_INIT_FILE;
  const isMonth = (s: string) => /^\d{4}-\d{2}$/.test(s);
  const fileBase = basename(fromArg).replace(/\.json$/i, '');
  if (isMonth(fileBase)) return join(dirname(fromArg), `${month}.json`);
  const folder = basename(dirname(fromPath));
  if (isMonth(folder)) return join(dirname(dirname(fromArg)), month, basename(fromArg));
  return `${month}.json`;
}

import { availableParallelism } from 'node:os';
import type { OutputFormat } from '../pipeline.js';
import { LANGS, type Lang, type Messages } from './messages.js';

const FORMATS: readonly OutputFormat[] = ['docx', 'pdf'];
export const DEFAULT_FORMATS = 'docx,pdf';

/** A command-line value that makes no sense; the command exits with status 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** "docx,pdf", "pdf", "PDF, docx" → the formats in that order, each once. */
export function parseFormats(value: string, msg: Messages): OutputFormat[] {
  const names = value
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
  if (names.length === 0) throw new UsageError(msg.usage.formatNeedsOne(FORMATS.join(', ')));
  const formats: OutputFormat[] = [];
  for (const name of names) {
    if (!(FORMATS as readonly string[]).includes(name)) throw new UsageError(msg.usage.unknownFormat(name, FORMATS.join(', ')));
    if (!formats.includes(name as OutputFormat)) formats.push(name as OutputFormat);
  }
  return formats;
}

export function defaultJobs(): number {
  return availableParallelism();
}

export function parseJobs(value: string, msg: Messages): number {
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < 1) throw new UsageError(msg.usage.jobs(value));
  return n;
}

export function parseLang(value: string, msg: Messages): Lang {
  const lang = value.trim().toLowerCase();
  if (!(LANGS as readonly string[]).includes(lang)) throw new UsageError(msg.usage.lang(value));
  return lang as Lang;
}

/** "2026-01" → { year: 2026, month: 1 }. */
export function parseMonth(value: string, msg: Messages): { year: number; month: number } {
  const match = /^\s*(\d{4})-(\d{1,2})\s*$/.exec(value);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  if (!match || month < 1 || month > 12 || year < 1930 || year > 2200) throw new UsageError(msg.usage.month(value));
  return { year, month };
}

/** Worker threads to start: no more than asked, than inputs, or than the machine has cores. */
export function poolSize(jobs: number, inputs: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(jobs, inputs, cores));
}

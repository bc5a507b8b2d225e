import { availableParallelism } from 'node:os';
import type { OutputFormat } from '../pipeline.js';

export const FORMATS: readonly OutputFormat[] = ['docx', 'pdf'];
export const DEFAULT_FORMATS = 'docx,pdf';

/** A command-line value that makes no sense; the command exits with status 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** "docx,pdf", "pdf", "PDF, docx" → the formats in that order, each once. */
export function parseFormats(value: string): OutputFormat[] {
  const names = value
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
  if (names.length === 0) throw new UsageError(`--format needs at least one of ${FORMATS.join(', ')}`);
  const formats: OutputFormat[] = [];
  for (const name of names) {
    if (!(FORMATS as readonly string[]).includes(name)) {
      throw new UsageError(`unknown format "${name}" (choose from ${FORMATS.join(', ')}, e.g. --format docx,pdf)`);
    }
    if (!formats.includes(name as OutputFormat)) formats.push(name as OutputFormat);
  }
  return formats;
}

export function defaultJobs(): number {
  return availableParallelism();
}

export function parseJobs(value: string): number {
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < 1) {
    throw new UsageError(`--jobs must be a whole number of at least 1, not "${value}"`);
  }
  return n;
}

/** Worker threads to start: no more than asked, than inputs, or than the machine has cores. */
export function poolSize(jobs: number, inputs: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(jobs, inputs, cores));
}

/**
 * Rendering one input to its files: the work a worker thread (or, for a single input, the main
 * thread) does. This module loads the library's writers, so it is imported only when rendering.
 */
import { composeConclusion } from '../node/render.js';
import { writeComposed, type OutputFormat } from '../pipeline.js';
import { writeFilesAtomically, type OutputFile } from './atomic-write.js';
import { describeError } from './describe-error.js';
import { readInput, type InputSource } from './read-input.js';

export interface PlannedOutput {
  format: OutputFormat;
  /** Absolute path. */
  path: string;
  /** As messages show it, e.g. "out/2024-11.pdf". */
  display: string;
}

export interface RenderSettings {
  /** Absolute path of the templates folder given with --templates. */
  templates?: string;
  profile?: string;
  pdfa?: boolean;
}

/** Everything a worker needs for one input; plain data, so it crosses to a worker thread. */
export interface RenderJob {
  id: number;
  name: string;
  source: InputSource;
  outputs: PlannedOutput[];
  settings: RenderSettings;
}

export type RenderOutcome =
  | { id: number; name: string; ok: true; outputs: string[] }
  | { id: number; name: string; ok: false; messages: string[] };

/**
 * Reads, validates and renders one input in every format asked for, all in memory, and only
 * then writes the files (each whole, or not at all). Never throws: a failure is an outcome.
 */
export async function renderJob(job: RenderJob): Promise<RenderOutcome> {
  try {
    const input = await readInput(job.source);
    const composed = composeConclusion(input, { templates: job.settings.templates, profile: job.settings.profile });
    const files: OutputFile[] = [];
    for (const output of job.outputs) {
      const data = await writeComposed(composed, output.format, { pdfa: job.settings.pdfa });
      files.push({ path: output.path, display: output.display, data });
    }
    await writeFilesAtomically(files);
    return { id: job.id, name: job.name, ok: true, outputs: job.outputs.map((o) => o.display) };
  } catch (error) {
    return { id: job.id, name: job.name, ok: false, messages: describeError(job.name, error) };
  }
}

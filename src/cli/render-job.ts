/**
 * Rendering one input to its files: the work a worker thread (or, for a single input, the main
 * thread) does. This module loads the library's writers, so it is imported only when rendering.
 */
import { composeConclusion } from '../node/render.js';
import type { FontFiles } from '../fonts/font-files.js';
import { writeComposed, type OutputFormat } from '../pipeline.js';
import { writeFilesAtomically, type OutputFile } from './atomic-write.js';
import { describeError } from './describe-error.js';
import { messagesFor, type Lang } from './messages.js';
import { readInput, type InputSource } from './read-input.js';
import { placeholderFields } from './starter-input.js';
import { conclusionWarnings } from './validate-command.js';

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
  /** Absolute paths of the four faces given with --fonts. */
  fonts?: FontFiles;
  /** The language of messages. */
  lang: Lang;
  /** The folder paths in messages are relative to. */
  cwd: string;
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
  | { id: number; name: string; ok: true; outputs: string[]; warnings: string[] }
  | { id: number; name: string; ok: false; messages: string[] };

/**
 * Reads, validates and renders one input in every format asked for, all in memory, and only
 * then writes the files (each whole, or not at all). Never throws: a failure is an outcome.
 */
export async function renderJob(job: RenderJob): Promise<RenderOutcome> {
  const { settings } = job;
  const msg = messagesFor(settings.lang);
  try {
    const input = await readInput(job.source, msg);
    const composed = composeConclusion(input, { templates: settings.templates, profile: settings.profile, fonts: settings.fonts });
    const files: OutputFile[] = [];
    for (const output of job.outputs) {
      const data = await writeComposed(composed, output.format, { pdfa: settings.pdfa });
      files.push({ path: output.path, display: output.display, data });
    }
    await writeFilesAtomically(files, msg);
    const placeholders = placeholderFields(input);
    const warnings = [
      ...(placeholders.length > 0 ? [msg.render.placeholders(placeholders)] : []),
      ...conclusionWarnings(input, composed.warnings, settings.lang),
    ].map((warning) => `${job.name}: ${msg.warningPrefix}${warning}`);
    return { id: job.id, name: job.name, ok: true, outputs: job.outputs.map((o) => o.display), warnings };
  } catch (error) {
    return { id: job.id, name: job.name, ok: false, messages: describeError(job.name, error, settings.lang, settings.cwd) };
  }
}

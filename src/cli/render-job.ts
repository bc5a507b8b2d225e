/**
 * Rendering one input to its files: the work a worker thread (or, for a single input, the main
 * thread) does. This module loads the library's writers, so it is imported only when rendering.
 */
import type { FontFiles } from '../fonts/font-files.js';
import { readComposeFiles, type ComposeFiles } from '../node/render.js';
import { bytesOrFile } from '../node/signing-files.js';
import { compose, writeComposed, type OutputFormat } from '../pipeline.js';
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
  /** --signature-field, --signature-image, --seal-image and --sign (paths absolute; the passphrase from the environment). */
  signing?: SigningSettings;
  /** Absolute paths of the four faces given with --fonts. */
  fonts?: FontFiles;
  /** The language of messages. */
  lang: Lang;
  /** The folder paths in messages are relative to. */
  cwd: string;
  /** Names the command's run: its jobs share the files they read (see runFiles); another run reads them again. */
  run?: string;
}

export interface SigningSettings {
  signatureField?: boolean;
  signatureImage?: string;
  sealImage?: string;
  sign?: { p12: string; passphrase: string };
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

/** A job rendered in memory: its files, not yet written, or why it failed. */
export type RenderedJob = { job: RenderJob; files: OutputFile[]; warnings: string[] } | { job: RenderJob; failure: RenderOutcome };

/**
 * Reads, validates and renders one input in every format asked for, all in memory, and only
 * then writes the files (each whole, or not at all). Never throws: a failure is an outcome.
 */
export async function renderJob(job: RenderJob): Promise<RenderOutcome> {
  return writeRendered(await renderInMemory(job));
}

/** The rendering half of renderJob: nothing is written. Never throws. */
export async function renderInMemory(job: RenderJob): Promise<RenderedJob> {
  const { settings } = job;
  const msg = messagesFor(settings.lang);
  try {
    const input = await readInput(job.source, msg);
    const signing = settings.signing ?? {};
    const run = runFiles(settings);
    const composed = compose(input, run.templates, run.fonts, run.images);
    // The field and the signature are the PDF's; the DOCX, the editable draft, carries the images only.
    const sign = signing.sign && { ...signing.sign, p12: bytesOrFile('--sign', signing.sign.p12) };
    const files: OutputFile[] = [];
    for (const output of job.outputs) {
      const pdfOnly = output.format === 'pdf' ? { signatureField: signing.signatureField, sign } : {};
      const data = await writeComposed(composed, output.format, { pdfa: settings.pdfa, ...pdfOnly });
      files.push({ path: output.path, display: output.display, data });
    }
    const placeholders = placeholderFields(input);
    const warnings = [
      ...(placeholders.length > 0 ? [msg.render.placeholders(placeholders)] : []),
      ...conclusionWarnings(composed, settings.lang),
    ].map((warning) => `${job.name}: ${msg.warningPrefix}${warning}`);
    return { job, files, warnings };
  } catch (error) {
    return { job, failure: failed(job, error) };
  }
}

/** The writing half of renderJob: the files of a rendered job, each whole or not at all. Never throws. */
export async function writeRendered(rendered: RenderedJob): Promise<RenderOutcome> {
  if ('failure' in rendered) return rendered.failure;
  const { job, files, warnings } = rendered;
  try {
    await writeFilesAtomically(files, messagesFor(job.settings.lang));
    return { id: job.id, name: job.name, ok: true, outputs: job.outputs.map((o) => o.display), warnings };
  } catch (error) {
    return failed(job, error);
  }
}

/** The files of the latest run: a thread renders one run at a time. */
let latest: { key: string; files: ComposeFiles } | undefined;

/**
 * The run's files (templates, fonts, signing images), read by its first job in this thread and
 * kept for the others (a run has one set of settings): a file edited while a batch runs does not
 * change it halfway, and no document pays for looking through the templates folder again. The
 * next run (another `settings.run`) reads them again; a job without a run reads them each time.
 */
function runFiles(settings: RenderSettings): ComposeFiles {
  const signing = settings.signing ?? {};
  const options = { templates: settings.templates, profile: settings.profile, fonts: settings.fonts, signatureImage: signing.signatureImage, sealImage: signing.sealImage };
  const key = JSON.stringify([settings.run, options]);
  if (settings.run !== undefined && latest?.key === key) return latest.files;
  const files = readComposeFiles(options);
  latest = { key, files };
  return files;
}

function failed(job: RenderJob, error: unknown): RenderOutcome {
  return { id: job.id, name: job.name, ok: false, messages: describeError(job.name, error, job.settings.lang, job.settings.cwd) };
}

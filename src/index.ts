/**
 * `ket-luan`: the library for Node. Templates and fonts are read from disk, by folder and path;
 * `ket-luan/core` is the same pipeline without IO, for browsers and other runtimes.
 */
export { renderConclusion, composeConclusion, checkConclusion, type RenderOptions, type ComposeOptions, type CheckOptions } from './node/render.js';
export { loadTemplates, listProfiles, type LoadTemplatesOptions } from './node/template-folders.js';
export { defaultTemplatesDir } from './node/package-paths.js';
export type { FontFiles } from './fonts/font-files.js';
export * from './shared-exports.js';
export { lintConclusion, type LintOptions } from './lint/lint.js';
export { formatWarning, type ConclusionWarning } from './lint/warning.js';

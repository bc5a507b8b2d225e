/** What both entries export: `ket-luan` (Node, reads from disk) and `ket-luan/core` (IO-free). */
export { parseConclusion } from './schema/parse.js';
export {
  conclusionSchema,
  type Conclusion,
  type ConclusionInput,
  type Section,
  type SectionItem,
  type Point,
  type SubPoint,
  type Signature,
  type Marks,
} from './schema/conclusion.js';
export { ERROR_CODES, type ErrorCode } from './errors.js';
export { ConclusionValidationError, isConclusionValidationError, type ValidationProblem } from './schema/errors.js';
export { TemplateError, isTemplateError } from './templates/errors.js';
export { FontError, MissingGlyphError, isFontError, isMissingGlyphError } from './fonts/errors.js';
export { loadTemplateSet, templateSetFromFiles, type TemplateSet, type TemplateFilesOptions } from './templates/load.js';
export { templateFilesSource, type TemplateSource } from './templates/source.js';
export type { OutputFormat, ComposedConclusion } from './pipeline.js';
export { profileSchema, type Profile, type TextStyle } from './profile/schema.js';
export type * from './model/document.js';
export { formatDateInWords, formatPlaceAndDate } from './text/date-line.js';
export { toUpperVi } from './text/case.js';
export { toRoman, toLetter } from './text/numbering.js';

export { renderConclusion, type RenderOptions, type OutputFormat } from './render.js';
export { composeConclusion, type ComposeOptions, type ComposedConclusion } from './compose-conclusion.js';
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
export { ConclusionValidationError, type ValidationProblem } from './schema/errors.js';
export { TemplateError, type TemplateWarning } from './templates/errors.js';
export { FontError } from './fonts/load.js';
export { loadTemplates, defaultTemplatesDir, listProfiles, type TemplateSet } from './templates/load.js';
export { profileSchema, type Profile, type TextStyle } from './profile/schema.js';
export type * from './model/document.js';
export { formatDateInWords, formatPlaceAndDate } from './text/date-line.js';
export { toUpperVi } from './text/case.js';
export { toRoman, toLetter } from './text/numbering.js';
export type { FontFiles } from './fonts/font-files.js';

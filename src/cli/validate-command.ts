import type { FontFiles } from '../fonts/font-files.js';
import { lintParsed } from '../lint/lint.js';
import { formatWarning, isTemplatesFolderWarning } from '../lint/warning.js';
import type { ComposedConclusion } from '../pipeline.js';
import type { Lang } from './messages.js';
import type { CommandContext } from './context.js';
import { describeError } from './describe-error.js';
import { checkFonts } from './font-option.js';
import { EXIT_FAILED, EXIT_OK } from './exit-codes.js';
import { expandInputs, readStdin, sourceOf } from './input-files.js';
import { readInput } from './read-input.js';
import { placeholderFields } from './starter-input.js';
import { checkTemplates } from './template-check.js';

export interface ValidateCommandOptions {
  templates?: string;
  profile?: string;
  /** --fonts, parsed. */
  fonts?: FontFiles;
}

/**
 * `ket-luan validate`: reads and checks each input, writing nothing. An input is valid when
 * `render` would accept it (checkConclusion): it passes the schema, its document can be composed
 * with the chosen templates (a phrase template may need a field the schema leaves optional, such
 * as issuer.unit), and the chosen fonts have a glyph for every character.
 * Prints "<file>: ok" on standard output, each problem and warning on standard error.
 */
export async function validateCommand(args: readonly string[], options: ValidateCommandOptions, context: CommandContext): Promise<number> {
  const { io, msg, lang } = context;
  const templates = checkTemplates(options, lang, io.cwd);
  if (!templates.ok) {
    io.stderr.write(`${msg.errorPrefix}${templates.message}\n`);
    return EXIT_FAILED;
  }
  for (const warning of templates.warnings) io.stderr.write(`${msg.warningPrefix}${warning}\n`);
  const fontProblem = options.fonts === undefined ? null : await checkFonts(options.fonts, lang, io.cwd);
  if (fontProblem !== null) {
    io.stderr.write(`${msg.errorPrefix}${fontProblem}\n`);
    return EXIT_FAILED;
  }
  // loaded here, not at start-up: checking measures text and looks up glyphs, with fontkit
  const { composeConclusion } = await import('../node/render.js');
  const { checkComposed } = await import('../pipeline.js');
  const { entries, problems, usesStdin } = await expandInputs(args, io.cwd, msg);
  const stdinBytes = usesStdin ? await readStdin(io.stdin) : null;
  let invalid = problems.length;
  for (const problem of problems) io.stderr.write(`${problem.name}: ${problem.message}\n`);
  for (const entry of entries) {
    try {
      const input = await readInput(sourceOf(entry, stdinBytes), msg);
      const composed = composeConclusion(input, {
        ...(templates.templatesDir !== undefined && { templates: templates.templatesDir }),
        ...(options.profile !== undefined && { profile: options.profile }),
        ...(options.fonts !== undefined && { fonts: options.fonts }),
      });
      // what render would still refuse (checkConclusion's last step): a character the fonts lack
      checkComposed(composed);
      for (const warning of [...inputWarnings(input, context), ...conclusionWarnings(composed, lang)]) {
        io.stderr.write(`${entry.name}: ${msg.warningPrefix}${warning}\n`);
      }
      io.stdout.write(`${entry.name}: ${msg.validate.ok}\n`);
    } catch (error) {
      invalid++;
      io.stderr.write(describeError(entry.name, error, lang, io.cwd).map((line) => `${line}\n`).join(''));
    }
  }
  return invalid > 0 ? EXIT_FAILED : EXIT_OK;
}

/**
 * The library's warnings on a valid input, one line each naming the field: what lintConclusion
 * finds (its placeholders are already listed, all on one line, by inputWarnings) and what the
 * layout had to give way on.
 */
export function conclusionWarnings(composed: Pick<ComposedConclusion, 'conclusion' | 'warnings'>, lang: Lang): string[] {
  const lint = lintParsed(composed.conclusion).filter((warning) => warning.code !== 'placeholder');
  // the templates folder's warnings are printed once, before the inputs (see checkTemplates)
  const layout = composed.warnings.filter((warning) => !isTemplatesFolderWarning(warning));
  return [...lint, ...layout].map((warning) => formatWarning(warning, lang));
}

/** What is worth a warning in a valid input: the starter's placeholders left in. */
function inputWarnings(input: unknown, context: Pick<CommandContext, 'msg'>): string[] {
  const fields = placeholderFields(input);
  return fields.length > 0 ? [context.msg.render.placeholders(fields)] : [];
}

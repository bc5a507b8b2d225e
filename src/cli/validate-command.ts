import { composeDocument } from '../compose/compose.js';
import { parseConclusion } from '../schema/parse.js';
import type { TemplateSet } from '../templates/load.js';
import { describeError } from './describe-error.js';
import { EXIT_FAILED, EXIT_OK } from './exit-codes.js';
import { expandInputs, readStdin, sourceOf } from './input-files.js';
import { readInput } from './read-input.js';
import { checkTemplates } from './template-check.js';

export interface ValidateCommandOptions {
  templates?: string;
  profile?: string;
}

/**
 * `ket-luan validate`: reads and checks each input, writing nothing. An input is valid when it
 * passes the schema and its document can be composed with the chosen templates (a phrase
 * template may need a field the schema leaves optional, such as issuer.unit).
 * Prints "<file>: ok" on standard output, each problem on standard error.
 */
export async function validateCommand(args: readonly string[], options: ValidateCommandOptions): Promise<number> {
  const templates = checkTemplates(options);
  if (!templates.ok) {
    process.stderr.write(`error: ${templates.message}\n`);
    return EXIT_FAILED;
  }
  const { entries, problems, usesStdin } = await expandInputs(args);
  const stdinText = usesStdin ? await readStdin() : null;
  let invalid = problems.length;
  for (const problem of problems) process.stderr.write(`${problem.name}: ${problem.message}\n`);
  for (const entry of entries) {
    try {
      checkConclusion(await readInput(sourceOf(entry, stdinText)), templates.set);
      process.stdout.write(`${entry.name}: ok\n`);
    } catch (error) {
      invalid++;
      process.stderr.write(describeError(entry.name, error).map((line) => `${line}\n`).join(''));
    }
  }
  return invalid > 0 ? EXIT_FAILED : EXIT_OK;
}

/** Throws what rendering would throw about the input itself, without the writers and fonts. */
export function checkConclusion(input: unknown, set: TemplateSet): void {
  const conclusion = parseConclusion(input);
  // Text widths only size the rule under the party's name; the model is thrown away here.
  composeDocument(conclusion, set, () => 0);
}

import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from './exit-codes.js';
import { DEFAULT_INIT_FILE, initCommand } from './init-command.js';
import { packageVersion } from './package-version.js';
import { renderCommand, type CommandContext, type RenderCommandOptions } from './render-command.js';
import { DEFAULT_FORMATS, defaultJobs, parseFormats, parseJobs, UsageError } from './render-options.js';
import { templatesInitCommand, type TemplatesInitOptions } from './templates-init-command.js';
import { validateCommand, type ValidateCommandOptions } from './validate-command.js';

/** A parser for commander that reports a bad value as commander's own usage error. */
function usage<T>(parse: (value: string) => T): (value: string) => T {
  return (value) => {
    try {
      return parse(value);
    } catch (error) {
      if (error instanceof UsageError) throw new InvalidArgumentError(error.message);
      throw error;
    }
  };
}

/** The `ket-luan` command and its subcommands; each action stores its exit status in `result`. */
export function buildProgram(context: CommandContext, result: { exitCode: number }): Command {
  const program = new Command('ket-luan')
    .description('Render Vietnamese Party conclusions (KẾT LUẬN) from JSON to DOCX and PDF, in the official layout.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .exitOverride()
    .showHelpAfterError('(add --help for usage)');

  program
    .command('render')
    .description('render inputs to DOCX and/or PDF')
    .argument('<input...>', 'JSON files, folders (every *.json inside), or - for standard input')
    .option('-o, --out <dir>', 'the folder to write to (default: the current folder)')
    .addOption(
      new Option('-f, --format <list>', 'formats to write, comma-separated: docx, pdf')
        .argParser(usage(parseFormats))
        .default(parseFormats(DEFAULT_FORMATS), DEFAULT_FORMATS),
    )
    .option('--templates <dir>', 'a folder of templates that shadow the built-in ones (see: ket-luan templates init)')
    .option('--profile <name>', 'the layout profile (default: ket-luan-hd36)')
    .option('--pdfa', 'write PDF/A-2b, the archival form of PDF')
    .option('-q, --quiet', 'print nothing but errors')
    .option('-j, --jobs <n>', `inputs rendered at once, in worker threads (default: the cores available, ${defaultJobs()} here)`, usage(parseJobs))
    .addHelpText(
      'after',
      `
Each input <name>.json is written to <dir>/<name>.docx and <dir>/<name>.pdf; standard input to stdin.docx/.pdf.
The templates and profile are checked before anything is rendered. A file is written whole or not at all.
Exit status: 0 all rendered, 1 some input failed (or a template is bad), 2 usage error.

Examples:
  ket-luan render 2024-11.json
  ket-luan render inputs/ -o out -f pdf --pdfa
  cat 2024-11.json | ket-luan render - -f docx`,
    )
    .action(async (inputs: string[], options: RenderCommandOptions) => {
      result.exitCode = await renderCommand(inputs, options, context);
    });

  program
    .command('validate')
    .description('check inputs without writing anything')
    .argument('<input...>', 'JSON files, folders (every *.json inside), or - for standard input')
    .option('--templates <dir>', 'check against these templates too')
    .option('--profile <name>', 'check against this layout profile')
    .addHelpText('after', '\nPrints "<file>: ok" for each valid input, and each problem as "<file>: <field>: <message>".\nExit status: 0 all valid, 1 some input invalid, 2 usage error.')
    .action(async (inputs: string[], options: ValidateCommandOptions) => {
      result.exitCode = await validateCommand(inputs, options);
    });

  program
    .command('init')
    .description("write a starter input for this month's regular meeting")
    .argument('[file]', 'the file to write', DEFAULT_INIT_FILE)
    .option('--force', 'overwrite the file if it exists')
    .action(async (file: string, options: { force?: boolean }) => {
      result.exitCode = await initCommand(file, options);
    });

  const templates = program.command('templates').description('work with the layout templates');
  templates
    .command('init')
    .description("write an editable copy of the package's templates (all profiles) into a folder")
    .argument('<dir>', 'the folder to create (or an empty one)')
    .option('--force', 'copy into a folder that is not empty, overwriting files of the same names')
    .addHelpText('after', '\nThen render with: ket-luan render --templates <dir> <input.json>')
    .action(async (dir: string, options: TemplatesInitOptions) => {
      result.exitCode = await templatesInitCommand(dir, options);
    });

  return program;
}

/** Runs the command line; resolves to the exit status (never calls process.exit). */
export async function runCli(argv: readonly string[], context: CommandContext): Promise<number> {
  const result = { exitCode: EXIT_OK };
  const program = buildProgram(context, result);
  try {
    await program.parseAsync([...argv]);
    return result.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    if (error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\n`);
      return EXIT_USAGE;
    }
    process.stderr.write(`ket-luan: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_FAILED;
  }
}

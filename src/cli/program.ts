import { Command, CommanderError, Help, InvalidArgumentError, Option, type Argument } from 'commander';
import { processIo, type CliIo, type CommandContext } from './context.js';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from './exit-codes.js';
import { parseFontsOption } from './font-option.js';
import { initCommand, type InitCommandOptions } from './init-command.js';
import { chooseLang, messagesFor, translateCommanderError, type Messages } from './messages.js';
import { packageVersion } from './package-version.js';
import { renderCommand, type RenderCommandOptions } from './render-command.js';
import { DEFAULT_FORMATS, defaultJobs, parseFormats, parseJobs, parseLang, parseMonth, UsageError } from './render-options.js';
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

/** Commander's help in the chosen language: its headings and the "default:" of options. */
function helpIn(msg: Messages): Partial<Help> & { showGlobalOptions: boolean } {
  const localiseUsage = (text: string) => text.replace('[options]', msg.help.optionsWord).replace('[command]', msg.help.commandWord);
  const localiseDefault = (text: string) => text.replace(/\(default: /, `(${msg.help.defaultWord}: `);
  return {
    showGlobalOptions: true,
    styleTitle: (title: string) => msg.help.titles[title] ?? title,
    styleUsage: (usageText: string) => localiseUsage(usageText),
    subcommandTerm(this: Help, command: Command) {
      return localiseUsage(Help.prototype.subcommandTerm.call(this, command));
    },
    optionDescription(this: Help, option: Option) {
      return localiseDefault(Help.prototype.optionDescription.call(this, option));
    },
    argumentDescription(this: Help, argument: Argument) {
      return localiseDefault(Help.prototype.argumentDescription.call(this, argument));
    },
  };
}

/** The `ket-luan` command and its subcommands; each action stores its exit status in `result`. */
function buildProgram(context: CommandContext, result: { exitCode: number }): Command {
  const { io, msg } = context;
  const h = msg.help;
  const program = new Command('ket-luan')
    .description(h.program)
    .version(packageVersion(), '-V, --version', h.version)
    .helpOption('-h, --help', h.help)
    .helpCommand('help [command]', h.helpCommand)
    .configureOutput({
      writeOut: (text) => void io.stdout.write(text),
      writeErr: (text) => void io.stderr.write(text),
      outputError: (text, write) => write(translateCommanderError(msg, text)),
    })
    .configureHelp(helpIn(msg))
    .exitOverride()
    .showHelpAfterError(h.afterError);
  // Read before parsing (see langFromArgs); declared so that it is accepted and listed.
  program.addOption(new Option('--lang <code>', h.lang).argParser(usage((v) => parseLang(v, msg))));

  const fontsOption = () => new Option('--fonts <fonts>', h.fonts).argParser(usage((v) => parseFontsOption(v, io.cwd, msg)));

  program
    .command('render')
    .description(h.render.description)
    .argument('<input...>', h.inputs)
    .option('-o, --out <dir>', h.render.out)
    .addOption(
      new Option('-f, --format <list>', h.render.format)
        .argParser(usage((v) => parseFormats(v, msg)))
        .default(parseFormats(DEFAULT_FORMATS, msg), DEFAULT_FORMATS),
    )
    .option('--templates <dir>', h.render.templates)
    .option('--profile <name>', h.render.profile)
    .addOption(fontsOption())
    .option('--pdfa', h.render.pdfa)
    .option('--signature-field', h.render.signatureField)
    .option('--signature-image <png>', h.render.signatureImage)
    .option('--seal-image <png>', h.render.sealImage)
    .option('--sign <p12>', h.render.sign)
    .option('-q, --quiet', h.render.quiet)
    .addOption(new Option('-j, --jobs <n>', h.render.jobs(defaultJobs())).argParser(usage((v) => parseJobs(v, msg))))
    .addHelpText('after', h.render.after)
    .action(async (inputs: string[], options: RenderCommandOptions) => {
      result.exitCode = await renderCommand(inputs, options, context);
    });

  program
    .command('validate')
    .description(h.validate.description)
    .argument('<input...>', h.inputs)
    .option('--templates <dir>', h.validate.templates)
    .option('--profile <name>', h.validate.profile)
    .addOption(fontsOption())
    .addHelpText('after', h.validate.after)
    .action(async (inputs: string[], options: ValidateCommandOptions) => {
      result.exitCode = await validateCommand(inputs, options, context);
    });

  program
    .command('init')
    .description(h.init.description)
    .argument('[file]', h.init.file)
    .addOption(new Option('--month <YYYY-MM>', h.init.month).argParser(usage((v) => parseMonth(v, msg))))
    .option('--from <file>', h.init.from)
    .option('--force', h.init.force)
    .addHelpText('after', h.init.after)
    .action(async (file: string | undefined, options: InitCommandOptions) => {
      result.exitCode = await initCommand(file, options, context);
    });

  const templates = program.command('templates').description(h.templates.description);
  templates
    .command('init')
    .description(h.templates.initDescription)
    .argument('<dir>', h.templates.dir)
    .option('--force', h.templates.force)
    .addHelpText('after', h.templates.after)
    .action(async (dir: string, options: TemplatesInitOptions) => {
      result.exitCode = await templatesInitCommand(dir, options, context);
    });

  return program;
}

interface RunOptions {
  /** The URL of the command's entry file, which worker threads run too. */
  entryUrl: string;
  /** Default: the real process's folder, environment and streams. */
  io?: CliIo;
}

/**
 * Runs the command line (`argv` as process.argv: node, script, arguments…); resolves to the exit
 * status and never calls process.exit, so tests can run it in-process.
 */
export async function runCli(argv: readonly string[], { entryUrl, io = processIo() }: RunOptions): Promise<number> {
  const lang = chooseLang(argv.slice(2), io.env);
  const msg = messagesFor(lang);
  const context: CommandContext = { entryUrl, io, lang, msg };
  const result = { exitCode: EXIT_OK };
  const program = buildProgram(context, result);
  try {
    await program.parseAsync([...argv]);
    return result.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    if (error instanceof UsageError) {
      io.stderr.write(`${msg.errorPrefix}${error.message}\n`);
      return EXIT_USAGE;
    }
    io.stderr.write(`${msg.unexpected(error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`);
    return EXIT_FAILED;
  }
}

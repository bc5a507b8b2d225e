import Handlebars from 'handlebars';
import { toLowerVi, toUpperVi } from '../text/case.js';
import { characterProblems, invisibilityProblem } from '../schema/text-rules.js';
import { TemplateError } from './errors.js';
import { explainHandlebarsError } from './handlebars-errors.js';

/**
 * One Handlebars environment for the library, apart from the global one, so a host
 * application's helpers and partials never leak into official documents.
 */
const env = Handlebars.create();

const helpers: Record<string, (value: unknown) => string> = {
  upper: (value) => toUpperVi(String(value)),
  lower: (value) => toLowerVi(String(value)),
  pad2: (value) => String(value).padStart(2, '0'),
};

/** How each helper is called, for the message when a template calls it otherwise. */
const helperExamples: Record<string, string> = { upper: '{{upper unit}}', lower: '{{lower unit}}', pad2: '{{pad2 meeting.month}}' };
for (const [name, helper] of Object.entries(helpers)) env.registerHelper(name, helper);
// Handlebars' `log` writes to the console (stdout, for a CLI's output): not a template's business.
env.unregisterHelper('log');

export const templateHelperNames = Object.keys(helpers);

/**
 * The output is not HTML: `noEscape` keeps "&" and "=" as written (the writers escape what
 * their formats need). `strict` turns a missing variable into an error instead of "".
 * `knownHelpersOnly` rejects an unknown helper when the file is loaded, not when rendering.
 */
const compileOptions = {
  noEscape: true,
  strict: true,
  knownHelpers: { ...Object.fromEntries(templateHelperNames.map((name) => [name, true])), log: false },
  knownHelpersOnly: true,
} as const;

export type CompiledTemplate = (context: object) => string;

/** Compiles a template file's text; syntax errors and unknown helpers name the file and line. */
export function compileTemplate(source: string, file: string): CompiledTemplate {
  checkSourceCharacters(source, file);
  // Parsed once: the checks and both compilations share the tree (parsing is a third of the cost).
  let ast: hbs.AST.Program;
  try {
    ast = env.parse(source);
    env.precompile(ast, compileOptions);
  } catch (error) {
    const { en, vi } = explainHandlebarsError(error, source, templateHelperNames);
    throw new TemplateError(file, en, { detailVi: vi });
  }
  checkHelperCalls(ast, file);
  const template = env.compile(ast, compileOptions);
  return (context) => {
    let output: string;
    try {
      output = template(withoutPrototypes(context), {
        allowProtoPropertiesByDefault: false,
        allowProtoMethodsByDefault: false,
      });
    } catch (error) {
      const missingVariable = missingVariableOf(error);
      const { en, vi } = explainHandlebarsError(error, source, templateHelperNames);
      throw new TemplateError(file, en, { detailVi: vi, ...(missingVariable !== undefined && { missingVariable }) });
    }
    checkOutput(output, file);
    return output;
  };
}

/** A template's own text is checked when it is loaded, as input text is, naming the line. */
function checkSourceCharacters(source: string, file: string): void {
  const problem = characterProblems(source, { multiline: true })[0];
  if (problem) {
    const before = source.slice(0, problem.index).split('\n');
    const line = before.length;
    const column = before[before.length - 1]!.length + 1;
    throw new TemplateError(file, `line ${line}, column ${column}: ${problem.message.replace(/ at position \d+/, '')}`, {
      detailVi: `dòng ${line}, cột ${column}: ${problem.messageVi.replace(/ ở vị trí \d+/, '')}`,
    });
  }
}

/**
 * What a template writes goes into the document as input text does, so it keeps the same rules:
 * values, helpers and the template's text together may still make a character run or a line that
 * shows nothing. Blank lines are layout of the file and are dropped.
 */
function checkOutput(output: string, file: string): void {
  const problem = characterProblems(output, { multiline: true })[0];
  if (problem) throw new TemplateError(file, `its output ${problem.message}`, { detailVi: `kết quả của mẫu ${problem.messageVi}` });
  for (const [i, line] of output.split(/\r?\n|\r|[\u2028\u2029]/).entries()) {
    if (line.trim() === '') continue;
    const invisible = invisibilityProblem(line.normalize('NFC'), { markup: false });
    if (invisible) throw new TemplateError(file, `line ${i + 1} of its output ${invisible.message}`, { detailVi: `dòng ${i + 1} trong kết quả của mẫu ${invisible.messageVi}` });
  }
}

const plainContexts = new WeakMap<object, object>();

/**
 * The context as objects without prototypes, made once per context object. Strict mode looks a
 * name up with `in`, which sees what an object inherits: `{{issuer.constructor.constructor}}`
 * would reach Object and Function. Without prototypes, `constructor`, `__proto__` or `toString`
 * is "not defined", as any name the context lacks, and the template fails with a TemplateError.
 */
function withoutPrototypes(context: object): object {
  let plain = plainContexts.get(context);
  if (plain === undefined) {
    plain = copyWithoutPrototypes(context) as object;
    plainContexts.set(context, plain);
  }
  return plain;
}

/**
 * The one thing a context object inherits: how it reads as a string, which Handlebars' own
 * messages need ("unit" not defined in [object Object]). A template cannot name a symbol.
 */
const CONTEXT_PROTOTYPE = Object.freeze(Object.create(null, { [Symbol.toPrimitive]: { value: () => '[object Object]' } }) as object);

function copyWithoutPrototypes(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return Object.freeze(value.map(copyWithoutPrototypes));
  const copy = Object.create(CONTEXT_PROTOTYPE) as Record<string, unknown>;
  for (const [key, item] of Object.entries(value)) copy[key] = copyWithoutPrototypes(item);
  return Object.freeze(copy);
}

/**
 * Each helper takes exactly one value. Handlebars would call `{{upper}}` with its own options
 * object and print "[OBJECT OBJECT]", and ignore a second value: both are errors when the file
 * is loaded, naming the line, as an unknown helper is.
 */
function checkHelperCalls(ast: hbs.AST.Program, file: string): void {
  const visitor = new Handlebars.Visitor();
  // names a block gives its content (`{{#each items as |upper|}}`) are values there, not helpers
  const blockParams: string[][] = [];
  const check = (node: hbs.AST.MustacheStatement | hbs.AST.SubExpression | hbs.AST.BlockStatement) => {
    const name = calledName(node.path);
    if (name === undefined || !Object.hasOwn(helpers, name) || blockParams.some((names) => names.includes(name))) return;
    const example = helperExamples[name] ?? `{{${name} value}}`;
    const problem =
      node.type === 'BlockStatement'
        ? { en: `is not a block: write ${example}`, vi: `không phải là khối: hãy viết ${example}` }
        : node.params.length !== 1 || node.hash
          ? { en: `takes exactly one value, as in ${example}`, vi: `cần đúng một giá trị, ví dụ ${example}` }
          : undefined;
    if (problem) {
      const { line, column } = node.loc.start;
      throw new TemplateError(file, `line ${line}, column ${column + 1}: {{${name}}} ${problem.en}`, {
        detailVi: `dòng ${line}, cột ${column + 1}: {{${name}}} ${problem.vi}`,
      });
    }
  };
  const base = Handlebars.Visitor.prototype;
  visitor.MustacheStatement = function (node) {
    check(node);
    base.MustacheStatement.call(this, node);
  };
  visitor.SubExpression = function (node) {
    check(node);
    base.SubExpression.call(this, node);
  };
  visitor.BlockStatement = function (node) {
    check(node);
    blockParams.push(node.program?.blockParams ?? []);
    base.BlockStatement.call(this, node);
    blockParams.pop();
  };
  visitor.accept(ast);
}

/** The helper a mustache calls: a plain name, or a name written as a string (`{{"upper"}}`). */
function calledName(path: hbs.AST.PathExpression | hbs.AST.Literal): string | undefined {
  if (path.type === 'PathExpression') return (path as hbs.AST.PathExpression).original;
  if (path.type === 'StringLiteral') return (path as hbs.AST.StringLiteral).value;
  return undefined;
}

/** Strict mode says `"unit" not defined in [object Object]`: the variable's name. */
function missingVariableOf(error: unknown): string | undefined {
  const message = error instanceof Error ? error.message : '';
  return /^"([^"]+)" not defined in /.exec(message)?.[1];
}

import { printParseErrorCode, visit, type ParseErrorCode } from 'jsonc-parser';

/**
 * Where JSON text goes wrong, as an editor shows it (line and column, both from 1).
 *
 * `JSON.parse` reports a position only for some mistakes, and only as a character offset in
 * Node 20 ("… in JSON at position 42", or none at all: "Unexpected token '}', … is not valid JSON").
 * So the text is read again by jsonc-parser (the parser of VS Code's settings files), strict as
 * JSON is, to find the first mistake and say what was expected there.
 */
export interface JsonSyntaxProblem {
  line: number;
  column: number;
  /** What is wrong, e.g. `expected ',' or '}' after a property value, found '"'`. */
  message: string;
}

type Container = 'object' | 'array';
type ErrorName = ReturnType<typeof printParseErrorCode>;

/** The first syntax error of `text`, or null when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxProblem | null {
  if (text.trim() === '') return { line: 1, column: 1, message: 'the input is empty' };
  const containers: Container[] = [];
  const errors: { name: ErrorName; offset: number; inside: Container | undefined }[] = [];
  const onError = (code: ParseErrorCode, offset: number) => {
    errors.push({ name: printParseErrorCode(code), offset, inside: containers.at(-1) });
  };
  try {
    visit(
      text,
      {
        onObjectBegin: () => void containers.push('object'),
        onArrayBegin: () => void containers.push('array'),
        onObjectEnd: () => void containers.pop(),
        onArrayEnd: () => void containers.pop(),
        onError,
      },
      { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
    );
  } catch (error) {
    // Nested too deeply for the parser's recursion: no position to give.
    if (error instanceof RangeError) return { line: 1, column: 1, message: 'nested too deeply' };
    throw error;
  }
  const [first, next] = errors;
  if (first === undefined) return null;
  // An unknown word ('tru', NaN, a quote ') is reported, and then what was expected in its place.
  const expected = next?.name === 'ValueExpected' || next?.name === 'PropertyNameExpected';
  const name = first.name === 'InvalidSymbol' && expected ? next.name : first.name;
  return { ...lineAndColumn(text, first.offset), message: describe(name, first.inside, text, first.offset) };
}

function describe(name: ErrorName, inside: Container | undefined, text: string, offset: number): string {
  const found = foundAt(text, offset);
  const inArray = name === 'CloseBracketExpected' || (name !== 'CloseBraceExpected' && inside === 'array');
  const after = inArray ? "',' or ']' after an array element" : "',' or '}' after a property value";
  switch (name) {
    case 'PropertyNameExpected':
      return trailingComma(text, offset) ?? `expected a property name in double quotes, found ${found}`;
    case 'ValueExpected': {
      const what = inside === 'object' ? 'a property value' : inside === 'array' ? 'an array element' : 'a value';
      return trailingComma(text, offset) ?? `expected ${what}, found ${found}`;
    }
    case 'ColonExpected':
      return `expected ':' after the property name, found ${found}`;
    case 'CommaExpected':
    case 'CloseBraceExpected':
    case 'CloseBracketExpected':
      return `expected ${after}, found ${found}`;
    case 'InvalidSymbol':
      if (inside !== undefined) return `expected ${inside === 'array' ? 'an array element' : 'a property value'}, found ${found}`;
      return `unexpected ${found} after the end of the JSON value`;
    case 'EndOfFileExpected':
      return `unexpected ${found} after the end of the JSON value`;
    case 'UnexpectedEndOfString':
      return 'a string that is not closed before the end of its line (missing ")';
    case 'InvalidEscapeCharacter':
      return 'an invalid escape in a string (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)';
    case 'InvalidUnicode':
      return 'a \\u escape needs four hex digits';
    case 'InvalidCharacter':
      return 'a control character inside a string';
    case 'InvalidNumberFormat':
    case 'UnexpectedEndOfNumber':
      return 'a malformed number';
    case 'InvalidCommentToken':
    case 'UnexpectedEndOfComment':
      return 'a comment (JSON allows none)';
    default:
      return `invalid JSON (${name})`;
  }
}

/** A ',' just before the '}' or ']' at `offset`: the one mistake worth naming as such. */
function trailingComma(text: string, offset: number): string | undefined {
  const close = text[offset];
  if (close !== '}' && close !== ']') return undefined;
  return /,\s*$/.test(text.slice(0, offset)) ? `a comma before '${close}' (JSON allows no trailing comma)` : undefined;
}

function foundAt(text: string, offset: number): string {
  if (offset >= text.length) return 'end of input';
  const c = String.fromCodePoint(text.codePointAt(offset)!);
  return c === "'" ? `"'"` : `'${c}'`;
}

/** The line and column (from 1) of a UTF-16 offset; a column counts characters as editors do. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** The offset in a V8 message such as "… in JSON at position 42 (line 3 column 5)". */
export function positionInMessage(message: string): number | null {
  const match = /at position (\d+)/.exec(message);
  return match ? Number(match[1]) : null;
}

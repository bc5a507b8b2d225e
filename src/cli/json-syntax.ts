import { printParseErrorCode, visit, type ParseErrorCode } from 'jsonc-parser';
import { messagesFor, type Messages } from './messages.js';

/**
 * Where JSON text goes wrong, as an editor shows it (line and column, both from 1).
 *
 * `JSON.parse` reports a position only for some mistakes, and only as a character offset in
 * Node 20 ("… in JSON at position 42", or none at all: "Unexpected token '}', … is not valid JSON").
 * So the text is read again by jsonc-parser (the parser of VS Code's settings files), strict as
 * JSON is, to find the first mistake and say what was expected there.
 */
interface JsonSyntaxProblem {
  line: number;
  column: number;
  /** What is wrong, e.g. `expected ',' or '}' after a property value, found '"'`. */
  message: string;
}

type Container = 'object' | 'array';
type ErrorName = ReturnType<typeof printParseErrorCode>;

/** The first syntax error of `text`, or null when it is valid JSON. */
export function findJsonSyntaxError(text: string, msg: Messages = messagesFor('en')): JsonSyntaxProblem | null {
  if (text.trim() === '') return { line: 1, column: 1, message: msg.json.empty };
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
    if (error instanceof RangeError) return { line: 1, column: 1, message: msg.input.tooDeep };
    throw error;
  }
  const [first, next] = errors;
  if (first === undefined) return null;
  // An unknown word ('tru', NaN, a quote ') is reported, and then what was expected in its place.
  const expected = next?.name === 'ValueExpected' || next?.name === 'PropertyNameExpected';
  const name = first.name === 'InvalidSymbol' && expected ? next.name : first.name;
  return { ...lineAndColumn(text, first.offset), message: describe(msg, name, first.inside, text, first.offset) };
}

function describe(msg: Messages, name: ErrorName, inside: Container | undefined, text: string, offset: number): string {
  const j = msg.json;
  const found = foundAt(msg, text, offset);
  const inArray = name === 'CloseBracketExpected' || (name !== 'CloseBraceExpected' && inside === 'array');
  switch (name) {
    case 'PropertyNameExpected':
      return trailingComma(msg, text, offset) ?? j.expectedPropertyName(found);
    case 'ValueExpected':
      return trailingComma(msg, text, offset) ?? j.expectedValue(inside === 'object' ? 'property' : inside === 'array' ? 'element' : 'value', found);
    case 'ColonExpected':
      return j.expectedColon(found);
    case 'CommaExpected':
    case 'CloseBraceExpected':
    case 'CloseBracketExpected':
      return j.expectedAfter(inArray, found);
    case 'InvalidSymbol':
      if (inside !== undefined) return j.expectedValue(inside === 'array' ? 'element' : 'property', found);
      return j.afterEnd(found);
    case 'EndOfFileExpected':
      return j.afterEnd(found);
    case 'UnexpectedEndOfString':
      return j.unclosedString;
    case 'InvalidEscapeCharacter':
      return j.badEscape;
    case 'InvalidUnicode':
      return j.badUnicode;
    case 'InvalidCharacter':
      return j.controlCharacter;
    case 'InvalidNumberFormat':
    case 'UnexpectedEndOfNumber':
      return j.badNumber;
    case 'InvalidCommentToken':
    case 'UnexpectedEndOfComment':
      return j.comment;
    default:
      return j.other(name);
  }
}

/** A ',' just before the '}' or ']' at `offset`: the one mistake worth naming as such. */
function trailingComma(msg: Messages, text: string, offset: number): string | undefined {
  const close = text[offset];
  if (close !== '}' && close !== ']') return undefined;
  return /,\s*$/.test(text.slice(0, offset)) ? msg.json.trailingComma(close) : undefined;
}

function foundAt(msg: Messages, text: string, offset: number): string {
  if (offset >= text.length) return msg.json.endOfInput;
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

/** A key written twice in one object (JSON.parse silently keeps the last). */
interface DuplicateKey {
  key: string;
  line: number;
  column: number;
  first: { line: number; column: number };
}

/** The first key that appears twice in one object of valid JSON `text`, or null. */
export function findDuplicateKey(text: string): DuplicateKey | null {
  const objects: Map<string, number>[] = [];
  let found: { key: string; offset: number; firstOffset: number } | null = null;
  try {
    visit(
      text,
      {
        onObjectBegin: () => void objects.push(new Map()),
        onObjectEnd: () => void objects.pop(),
        onObjectProperty: (key, offset) => {
          if (found !== null) return;
          const keys = objects.at(-1);
          if (keys === undefined) return;
          const first = keys.get(key);
          if (first === undefined) keys.set(key, offset);
          else found = { key, offset, firstOffset: first };
        },
      },
      { disallowComments: true },
    );
  } catch (error) {
    // Nested beyond the parser's recursion: JSON.parse read it, so let it through unchecked.
    if (error instanceof RangeError) return null;
    throw error;
  }
  if (found === null) return null;
  const { key, offset, firstOffset } = found;
  return { key, ...lineAndColumn(text, offset), first: lineAndColumn(text, firstOffset) };
}

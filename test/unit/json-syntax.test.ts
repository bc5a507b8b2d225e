/** The CLI's report of where an input's JSON goes wrong: line and column from 1, and what was expected. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDuplicateKey, findJsonSyntaxError } from '../../src/cli/json-syntax.js';
import { messagesFor } from '../../src/cli/messages.js';
import { readInput } from '../../src/cli/read-input.js';

describe('findJsonSyntaxError', () => {
  it.each([
    ['', 1, 1, 'the input is empty'],
    ['{"a": 1,}', 1, 9, "a comma before '}' (JSON allows no trailing comma)"],
    ['[1, 2, ]', 1, 8, "a comma before ']' (JSON allows no trailing comma)"],
    ['{"a" 1}', 1, 6, "expected ':' after the property name, found '1'"],
    ['{\n  "a": 1,\n  "b": 2\n  "c": 3\n}', 4, 3, 'expected \',\' or \'}\' after a property value, found \'"\''],
    ['[1 2]', 1, 4, "expected ',' or ']' after an array element, found '2'"],
    ['[1, 2', 1, 6, "expected ',' or ']' after an array element, found end of input"],
    ['{a: 1}', 1, 2, "expected a property name in double quotes, found 'a'"],
    ["{'a': 1}", 1, 2, 'expected a property name in double quotes, found "\'"'],
    ['{"a": }', 1, 7, "expected a property value, found '}'"],
    ['{"a": tru}', 1, 7, "expected a property value, found 't'"],
    ['[1,,2]', 1, 4, "expected an array element, found ','"],
    ['{"a": 1} x', 1, 10, "unexpected 'x' after the end of the JSON value"],
    ['{"a": 1}}', 1, 9, "unexpected '}' after the end of the JSON value"],
    ['{"a": "x\ny"}', 1, 7, 'a string that is not closed before the end of its line (missing ")'],
    ['{"a": "\\q"}', 1, 7, 'an invalid escape in a string (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)'],
    ['{"a": "\\u12"}', 1, 7, 'a \\u escape needs four hex digits'],
    ['{"a": "\u0001"}', 1, 7, 'a control character inside a string'],
    ['{"a": 1.}', 1, 7, 'a malformed number'],
    ['// note\n{}', 1, 1, 'a comment (JSON allows none)'],
  ])('%j: line %i, column %i: %s', (text, line, column, message) => {
    expect(findJsonSyntaxError(text)).toEqual({ line, column, message });
  });

  it('finds nothing wrong in valid JSON', () => {
    expect(findJsonSyntaxError('{"a": [1, 2.5e3, "x\\n", true, null]}')).toBeNull();
  });

  it('counts columns in characters on the line, after lines of Vietnamese', () => {
    expect(findJsonSyntaxError('{\n  "nơi": "Chợ Chu"\n  "ngày": 1\n}')).toEqual({ line: 3, column: 3, message: 'expected \',\' or \'}\' after a property value, found \'"\'' });
  });

  it('does not fail on deeply nested input', () => {
    const problem = findJsonSyntaxError('['.repeat(200_000));
    expect(problem?.message).toMatch(/nested too deeply|expected/);
  });
});

describe('readInput: a key written twice in one object', () => {
  const msg = messagesFor('en');
  const read = (text: string) => readInput({ kind: 'bytes', bytes: new TextEncoder().encode(text) }, msg);

  it.each([
    ['{"a\\"b": 1, "a\\"b": 2}', 'a"b'],
    ['{"x": "\\":", "x": 1}', 'x'],
    ['{"x": "\\\\", "x": 1}', 'x'],
    ['{"__proto__": 1, "__proto__": 2}', '__proto__'],
    ['[{"a": 1}, {"b": [{"c": 1, "c" \n : 2}]}]', 'c'],
    ['{"a": {"b": 1}, "a": {"b": 1}}', 'a'],
  ])('%j is refused, naming %j', async (text, key) => {
    await expect(read(text)).rejects.toThrow(`the key "${key}" appears twice`);
  });

  it.each(['{"a": "\\"a\\": 1", "b": {"a": 2}}', '{"a": [":", "a", {"a": "a:"}]}', '{"": 1, " ": 2}', '{"a": 1}'])('%j is read', async (text) => {
    expect(await read(text)).toEqual(JSON.parse(text));
  });

  it('refuses exactly the texts jsonc-parser finds a repeated key in', async () => {
    // objects as lists of entries, so a key may come twice; written with arbitrary blanks
    const blank = fc.constantFrom('', ' ', '\n', '\t', ' \r\n ');
    const key = fc.constantFrom('a', 'b', 'a"', 'a\\', ':', '__proto__', 'Đảng', '');
    const value: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.constantFrom('1', 'null', '"a"', '":"', '"\\":"'),
        fc.tuple(fc.array(fc.tuple(key, tie('value'), blank), { maxLength: 4 }), blank).map(([entries, b]) => `{${b}${entries.map(([k, v, s]) => `${JSON.stringify(k)}${s}:${s}${v}`).join(`,${b}`)}}`),
        fc.array(tie('value'), { maxLength: 3 }).map((items) => `[${items.join(',')}]`),
      ),
    })).value;
    await fc.assert(
      fc.asyncProperty(value, async (text) => {
        const repeated = findDuplicateKey(text) !== null;
        const outcome = await read(text).then(
          () => 'read',
          (error: Error) => error.message,
        );
        if (repeated) expect(outcome).toContain('appears twice');
        else expect(outcome).toBe('read');
      }),
      { numRuns: 500, seed: 2026 },
    );
  });
});

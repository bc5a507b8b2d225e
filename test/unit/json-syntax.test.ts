/** The CLI's report of where an input's JSON goes wrong: line and column from 1, and what was expected. */
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from '../../src/cli/json-syntax.js';

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

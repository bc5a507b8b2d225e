/**
 * Where JSON text goes wrong, as an editor shows it (line and column, both from 1).
 *
 * `JSON.parse` reports a position only for some mistakes, and only as a character offset in
 * Node 20 ("… in JSON at position 42", or none at all: "Unexpected token '}', … is not valid JSON").
 * So the text is scanned again here, by the JSON grammar, to find the first mistake and say
 * what was expected there.
 */
export interface JsonSyntaxProblem {
  line: number;
  column: number;
  /** What is wrong, e.g. `expected ',' or '}' after a property value, found '"'`. */
  message: string;
}

class Stop extends Error {
  constructor(
    readonly offset: number,
    readonly detail: string,
  ) {
    super(detail);
  }
}

/** The first syntax error of `text`, or null when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxProblem | null {
  let offset: number;
  let detail: string;
  try {
    new JsonScanner(text).document();
    return null;
  } catch (error) {
    if (error instanceof Stop) {
      offset = error.offset;
      detail = error.detail;
    } else if (error instanceof RangeError) {
      // Nested too deeply for the scanner's recursion: no position to give.
      return { line: 1, column: 1, message: 'nested too deeply' };
    } else {
      throw error;
    }
  }
  return { ...lineAndColumn(text, offset), message: detail };
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

class JsonScanner {
  private i = 0;

  constructor(private readonly text: string) {}

  document(): void {
    this.space();
    if (this.i >= this.text.length) throw new Stop(0, 'the input is empty');
    this.value('a value');
    this.space();
    if (this.i < this.text.length) throw new Stop(this.i, `unexpected ${this.found()} after the end of the JSON value`);
  }

  private value(expected: string): void {
    const c = this.text[this.i];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.i)) {
        this.i += word.length;
        return;
      }
    }
    throw this.unexpected(expected);
  }

  private object(): void {
    this.i++; // {
    this.space();
    if (this.text[this.i] === '}') {
      this.i++;
      return;
    }
    for (;;) {
      if (this.text[this.i] !== '"') throw this.unexpected('a property name in double quotes');
      this.string();
      this.space();
      if (this.text[this.i] !== ':') throw this.unexpected("':' after the property name");
      this.i++;
      this.space();
      this.value('a property value');
      this.space();
      const c = this.text[this.i];
      if (c === '}') {
        this.i++;
        return;
      }
      if (c !== ',') throw this.unexpected("',' or '}' after a property value");
      this.i++;
      this.space();
      if (this.text[this.i] === '}') throw new Stop(this.i, "a comma before '}' (JSON allows no trailing comma)");
    }
  }

  private array(): void {
    this.i++; // [
    this.space();
    if (this.text[this.i] === ']') {
      this.i++;
      return;
    }
    for (;;) {
      this.value('an array element');
      this.space();
      const c = this.text[this.i];
      if (c === ']') {
        this.i++;
        return;
      }
      if (c !== ',') throw this.unexpected("',' or ']' after an array element");
      this.i++;
      this.space();
      if (this.text[this.i] === ']') throw new Stop(this.i, "a comma before ']' (JSON allows no trailing comma)");
    }
  }

  private string(): void {
    const start = this.i;
    this.i++; // "
    for (;;) {
      if (this.i >= this.text.length) throw new Stop(start, 'a string that is never closed (missing ")');
      const code = this.text.charCodeAt(this.i);
      if (code === 0x22) {
        this.i++;
        return;
      }
      if (code < 0x20) {
        throw new Stop(this.i, code === 0x0a ? 'a line break inside a string (write \\n, or close the string)' : 'a control character inside a string');
      }
      if (code === 0x5c) {
        const next = this.text[this.i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.i + 2, this.i + 6))) throw new Stop(this.i, 'a \\u escape needs four hex digits');
          this.i += 6;
          continue;
        }
        if (next === undefined || !'"\\/bfnrt'.includes(next)) throw new Stop(this.i, `an invalid escape \\${next ?? ''} in a string`);
        this.i += 2;
        continue;
      }
      this.i++;
    }
  }

  private number(): void {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.text.slice(this.i, this.i + 400));
    if (!match || match[0] === '-' || match[0] === '') throw this.unexpected('a number');
    this.i += match[0].length;
    const after = this.text[this.i];
    if (after !== undefined && /[0-9.eE+\-]/.test(after)) throw new Stop(this.i, 'a malformed number');
  }

  private space(): void {
    while (this.i < this.text.length) {
      const c = this.text[this.i];
      if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') return;
      this.i++;
    }
  }

  private found(): string {
    if (this.i >= this.text.length) return 'end of input';
    const c = String.fromCodePoint(this.text.codePointAt(this.i)!);
    return c === "'" ? `"'"` : `'${c}'`;
  }

  private unexpected(expected: string): Stop {
    return new Stop(this.i, `expected ${expected}, found ${this.found()}`);
  }
}

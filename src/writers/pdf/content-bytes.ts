/**
 * A page's text operators as bytes, appended as they are drawn. Built as strings, the operators
 * of every word were concatenated, joined, joined again and then copied byte by byte into a
 * buffer by pdfkit: the largest share of what drawing a document allocated. The operators are
 * ASCII (names, numbers, hex glyph codes), one byte per character.
 */
export class ContentBytes {
  private bytes = new Uint8Array(INITIAL_BYTES);
  private length = 0;

  get isEmpty(): boolean {
    return this.length === 0;
  }

  /** Appends `text`, which holds ASCII characters only. */
  ascii(text: string): void {
    const count = text.length;
    this.room(count);
    const { bytes } = this;
    let at = this.length;
    for (let index = 0; index < count; index++) bytes[at++] = text.charCodeAt(index);
    this.length = at;
  }

  /** Appends `value` (0 to 0xffff) as four lowercase hex digits, a glyph's code in a TJ string. */
  hex4(value: number): void {
    this.room(4);
    const { bytes } = this;
    const at = this.length;
    bytes[at] = HEX_DIGITS[(value >>> 12) & 0xf] as number;
    bytes[at + 1] = HEX_DIGITS[(value >>> 8) & 0xf] as number;
    bytes[at + 2] = HEX_DIGITS[(value >>> 4) & 0xf] as number;
    bytes[at + 3] = HEX_DIGITS[value & 0xf] as number;
    this.length = at + 4;
  }

  /** Appends a number as a template literal writes it (pdfNumber's rounding is the caller's). */
  number(value: number): void {
    this.ascii(String(value));
  }

  /** The bytes appended since the last call, as a buffer of their own; empties this one. */
  take(): Uint8Array {
    const taken = this.bytes.slice(0, this.length);
    this.length = 0;
    return taken;
  }

  private room(count: number): void {
    if (this.length + count <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length + count) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
}

const HEX_DIGITS = new TextEncoder().encode('0123456789abcdef');

/** Room for a page of text or two: about what one page's operators take. */
const INITIAL_BYTES = 64 * 1024;

import { describe, expect, it } from 'vitest';
import { ContentBytes } from '../../src/writers/pdf/content-bytes.js';

const latin1 = (bytes: Uint8Array) => new TextDecoder('latin1').decode(bytes);

describe('ContentBytes', () => {
  it('keeps what is appended, in order, beyond its first buffer, and empties itself when taken', () => {
    const out = new ContentBytes();
    expect(out.isEmpty).toBe(true);
    const operators: string[] = [];
    for (let index = 0; index < 20_000; index++) {
      const op = `<${index.toString(16).padStart(4, '0')}> ${-index / 7} `;
      operators.push(op);
      out.ascii('<');
      out.ascii(index.toString(16).padStart(4, '0'));
      out.ascii('> ');
      out.number(-index / 7);
      out.ascii(' ');
    }
    const taken = out.take();
    // about 400 kB: well past the first 64 kB, grown on the way
    expect(taken.length).toBeGreaterThan(200_000);
    expect(latin1(taken)).toBe(operators.join(''));
    expect(out.isEmpty).toBe(true);
    out.ascii('Q\n');
    expect(latin1(out.take())).toBe('Q\n');
    // what was taken is a copy: later appends do not change it
    expect(latin1(taken).slice(0, 8)).toBe('<0000> 0');
  });

  it('writes every glyph code, 0 to ffff, as four lowercase hex digits', () => {
    const out = new ContentBytes();
    const expected: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      out.hex4(code);
      expected.push(code.toString(16).padStart(4, '0'));
    }
    expect(latin1(out.take())).toBe(expected.join(''));
  });
});

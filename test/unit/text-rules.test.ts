/**
 * characterProblems checks text made only of common characters (ASCII, Latin letters, the
 * Vietnamese letters, punctuation) in one pass: each character it must object to, put anywhere
 * in such text, is still found, with the rule's own message.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { characterProblems } from '../../src/schema/text-rules.js';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => String.fromCharCode(from + index));

/** Every character a rule objects to, by the words of its message. */
const OBJECTED: [string, string[]][] = [
  ['cannot hold', [...range(0x00, 0x08), '\u000B', '\u000C', ...range(0x0e, 0x1f), ...range(0x7f, 0x9f), '\uFEFF', '\uFFFE', '\uFFFF', '\uD800', '\uDFFF']],
  ['bidirectional control', ['\u061C', '\u200E', '\u200F', ...range(0x202a, 0x202e), ...range(0x2066, 0x2069)]],
  ['right-to-left', ['\u0590', '\u05D0', '\u0627', '\u08FF', '\uFB1D', '\uFDFF', '\uFE70', '\uFEFE']],
];

/** The common characters, boundaries included: "Đảng ủy – “Kết luận” 15/11/2024 ₫". */
const common = fc.string({
  unit: fc.constantFrom(...'Đảng ủy xã Chợ Chu, ngày 15 tháng 11 năm 2024: “Kết luận” – … ₫ ơ ư Ữ ỹ\t'.split(''), '\u0020', '\u007E', '\u00A0', '\u02FF', '\u1E00', '\u1EFF', '\u2010', '\u2027', '\u2030', '\u205E'),
  maxLength: 40,
});

describe('characterProblems on common text', () => {
  it('finds nothing in common characters, and a line break only in a one-line text', () => {
    fc.assert(
      fc.property(common, (text) => {
        expect(characterProblems(text, { multiline: true })).toEqual([]);
        expect(characterProblems(text, { multiline: false })).toEqual([]);
        const broken = characterProblems(`${text}\n${text}`, { multiline: false });
        expect(broken.map((problem) => [problem.index, problem.message])).toEqual([[text.length, 'must be a single line']]);
      }),
    );
  });

  it.each(OBJECTED)('still finds each character it objects to ("%s") among common ones', (words, characters) => {
    fc.assert(
      fc.property(common, common, fc.constantFrom(...characters), (before, after, objected) => {
        const problems = characterProblems(`${before}${objected}${after}`, { multiline: true });
        expect(problems.map((problem) => problem.message).join(' ')).toContain(words);
        expect(problems[0]?.index).toBe(before.length);
      }),
    );
  });

  it('still finds a run of more than 30 combining marks, and the separators of lines', () => {
    expect(characterProblems(`Kê${'\u0301'.repeat(31)}t`, { multiline: true }).map((problem) => problem.fatal)).toEqual([true]);
    for (const separator of ['\u2028', '\u2029', '\r']) expect(characterProblems(`a${separator}b`, { multiline: false })).toHaveLength(1);
  });
});

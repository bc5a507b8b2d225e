/**
 * Unit tests of src/text/: numbering, Vietnamese case, date lines, calendar checks, inline emphasis.
 * Expected values come from the official-layout spec or from hand arithmetic.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Run, TextRun } from '../../src/model/document.js';
import { isValidCalendarDate, parseIsoDate, toTimestamp } from '../../src/text/calendar.js';
import { toLowerVi, toUpperVi } from '../../src/text/case.js';
import { formatDateInWords, formatDay, formatMonth, formatPlaceAndDate } from '../../src/text/date-line.js';
import { parseInline, plainText, textRun } from '../../src/text/inline.js';
import { formatOrdinal, toLetter, toRoman } from '../../src/text/numbering.js';

const textRuns = (runs: Run[]): TextRun[] => runs.filter((r): r is TextRun => r.kind === 'text');
const plain = (text: string, bold = false, italic = false): TextRun => ({ kind: 'text', text, bold, italic, underline: false });

describe('toRoman', () => {
  it.each([
    [1, 'I'],
    [4, 'IV'],
    [9, 'IX'],
    [14, 'XIV'],
    [40, 'XL'],
    [90, 'XC'],
    [400, 'CD'],
    [1994, 'MCMXCIV'],
    [3999, 'MMMCMXCIX'],
  ])('%i → %s', (n, roman) => {
    expect(toRoman(n)).toBe(roman);
  });

  it.each([0, 4000, 1.5, -1, Number.NaN])('rejects %s with a RangeError', (n) => {
    expect(() => toRoman(n)).toThrow(RangeError);
  });
});

describe('toLetter', () => {
  it.each([
    [1, 'a'],
    [2, 'b'],
    [26, 'z'],
    [27, 'aa'],
    [52, 'az'],
    [53, 'ba'],
    // 26 + 26·26 = 702 is the last two-letter label; 703 the first three-letter one.
    [702, 'zz'],
    [703, 'aaa'],
  ])('%i → %s', (n, letters) => {
    expect(toLetter(n)).toBe(letters);
  });

  it.each([0, -3, 2.5])('rejects %s with a RangeError', (n) => {
    expect(() => toLetter(n)).toThrow(RangeError);
  });
});

describe('formatOrdinal', () => {
  it('writes item 3 in every style', () => {
    expect(formatOrdinal(3, 'roman')).toBe('III');
    expect(formatOrdinal(3, 'arabic')).toBe('3');
    expect(formatOrdinal(3, 'letter')).toBe('c');
    expect(formatOrdinal(3, 'none')).toBe('');
  });

  it('writes larger numbers without padding or punctuation', () => {
    expect(formatOrdinal(12, 'arabic')).toBe('12');
    expect(formatOrdinal(12, 'roman')).toBe('XII');
    expect(formatOrdinal(28, 'letter')).toBe('ab');
  });

  it('passes the range errors of the roman style on', () => {
    expect(() => formatOrdinal(0, 'roman')).toThrow(RangeError);
  });
});

describe('toUpperVi', () => {
  it('upper-cases Vietnamese letters with their tone marks', () => {
    expect(toUpperVi('thị trấn Chợ Chu')).toBe('THỊ TRẤN CHỢ CHU');
    expect(toUpperVi('đảng bộ huyện định hóa')).toBe('ĐẢNG BỘ HUYỆN ĐỊNH HÓA');
  });

  it('keeps the tone mark where the user put it: "Uỷ" → "UỶ", "Ủy" → "ỦY"', () => {
    // "Uỷ": U + ỷ (U+1EF7) → U + Ỷ (U+1EF6); "Ủy": Ủ (U+1EE6) + y → Ủ + Y.
    expect(toUpperVi('Uỷ')).toBe('U\u1EF6');
    expect(toUpperVi('Ủy')).toBe('\u1EE6Y');
    expect(toUpperVi('Uỷ')).not.toBe(toUpperVi('Ủy'));
    expect(toUpperVi('hoá')).toBe('HO\u00C1');
    expect(toUpperVi('hóa')).toBe('H\u00D3A');
  });

  it('gives NFC output for NFD input', () => {
    const nfd = 'thị trấn Chợ Chu'.normalize('NFD');
    expect(nfd).not.toBe('thị trấn Chợ Chu'.normalize('NFC'));
    const out = toUpperVi(nfd);
    expect(out).toBe('THỊ TRẤN CHỢ CHU'.normalize('NFC'));
    expect(out.normalize('NFC')).toBe(out);
    // "CHỢ" is three code points in NFC: C, H, Ợ (U+1EE2).
    expect(toUpperVi('chợ'.normalize('NFD'))).toBe('CH\u1EE2');
  });

  it('toLowerVi is its counterpart and also gives NFC', () => {
    expect(toLowerVi('ĐẢNG ỦY'.normalize('NFD'))).toBe('đảng \u1EE7y');
    expect(toLowerVi('UỶ')).toBe('u\u1EF7');
  });
});

describe('date line', () => {
  it('pads the day below 10 only', () => {
    expect(formatDay(1)).toBe('01');
    expect(formatDay(5)).toBe('05');
    expect(formatDay(9)).toBe('09');
    expect(formatDay(10)).toBe('10');
    expect(formatDay(29)).toBe('29');
  });

  it('pads months 1 and 2, not 3–12', () => {
    expect(formatMonth(1)).toBe('01');
    expect(formatMonth(2)).toBe('02');
    expect(formatMonth(3)).toBe('3');
    expect(formatMonth(4)).toBe('4');
    expect(formatMonth(9)).toBe('9');
    expect(formatMonth(10)).toBe('10');
    expect(formatMonth(12)).toBe('12');
  });

  it.each([
    [{ year: 2024, month: 2, day: 5 }, 'ngày 05 tháng 02 năm 2024'],
    [{ year: 2018, month: 4, day: 3 }, 'ngày 03 tháng 4 năm 2018'],
    [{ year: 2024, month: 10, day: 29 }, 'ngày 29 tháng 10 năm 2024'],
    [{ year: 2025, month: 1, day: 1 }, 'ngày 01 tháng 01 năm 2025'],
    [{ year: 2026, month: 1, day: 9 }, 'ngày 09 tháng 01 năm 2026'],
    [{ year: 2024, month: 12, day: 31 }, 'ngày 31 tháng 12 năm 2024'],
    [{ year: 2017, month: 2, day: 6 }, 'ngày 06 tháng 02 năm 2017'],
  ])('formatDateInWords(%o) = %s', (date, words) => {
    expect(formatDateInWords(date)).toBe(words);
  });

  it('formatPlaceAndDate writes "place, ngày …"', () => {
    expect(formatPlaceAndDate('Chợ Chu', { year: 2024, month: 10, day: 29 })).toBe('Chợ Chu, ngày 29 tháng 10 năm 2024');
    expect(formatPlaceAndDate('Định Hóa', { year: 2026, month: 2, day: 3 })).toBe('Định Hóa, ngày 03 tháng 02 năm 2026');
  });
});

describe('calendar', () => {
  it.each([
    ['2024-02-31', false],
    ['2024-04-31', false],
    ['2024-02-29', true], // 2024 is divisible by 4
    ['2023-02-29', false],
    ['2100-02-29', false], // divisible by 100, not by 400
    ['2000-02-29', true], // divisible by 400
    ['2024-13-01', false],
    ['2024-00-10', false],
    ['2024-01-00', false],
    ['2024-12-31', true],
    ['2024-2-3', false],
    ['24-02-03', false],
    ['2024-02-03T00:00', false],
    ['', false],
  ])('isValidCalendarDate(%s) is %s', (iso, valid) => {
    expect(isValidCalendarDate(iso)).toBe(valid);
  });

  it('parseIsoDate returns the parts and rejects non-dates', () => {
    expect(parseIsoDate('2024-10-29')).toEqual({ year: 2024, month: 10, day: 29 });
    expect(parseIsoDate('2000-02-29')).toEqual({ year: 2000, month: 2, day: 29 });
    expect(() => parseIsoDate('2024-02-31')).toThrow(RangeError);
    expect(() => parseIsoDate('2100-02-29')).toThrow(RangeError);
  });

  it('toTimestamp is midday UTC of the date', () => {
    expect(toTimestamp({ year: 2024, month: 10, day: 29 }).toISOString()).toBe('2024-10-29T12:00:00.000Z');
  });
});

/**
 * The rules of parseInline read character by character, as the first version of the parser did:
 * the oracle for the one that takes text in slices.
 */
function inlineOracle(text: string): Run[] {
  const runs: Run[] = [];
  let bold = false;
  let italic = false;
  let buffer = '';
  const flush = () => {
    if (buffer !== '') runs.push(textRun(buffer, { bold, italic }));
    buffer = '';
  };
  const find = (marker: string, from: number, single: boolean) => {
    for (let i = from; i < text.length; i++) {
      if (text[i] === '\\') i++;
      else if (single && text.startsWith('**', i)) i++;
      else if (text.startsWith(marker, i)) return true;
    }
    return false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '\\' && (text[i + 1] === '*' || text[i + 1] === '\\')) buffer += text[++i];
    else if (ch === '\n') {
      flush();
      runs.push({ kind: 'break' });
    } else if (text.startsWith('**', i)) {
      if (bold || find('**', i + 2, false)) {
        flush();
        bold = !bold;
      } else buffer += '**';
      i++;
    } else if (ch === '*' && (italic || find('*', i + 1, true))) {
      flush();
      italic = !italic;
    } else buffer += ch;
  }
  flush();
  return runs;
}

describe('parseInline', () => {
  it('reads any mix of stars, backslashes, newlines and text as the character-by-character rules say', () => {
    const piece = fc.constantFrom('*', '**', '\\', '\\*', '\n', 'a', 'ơ ', 'Đảng', ' ', '\t');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        expect(parseInline(text)).toEqual(inlineOracle(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('plain text is one regular run', () => {
    expect(parseInline('Chợ Chu')).toEqual([plain('Chợ Chu')]);
  });

  it('returns no runs for the empty string', () => {
    expect(parseInline('')).toEqual([]);
  });

  it('**bold**', () => {
    expect(parseInline('trước (**xong trước ngày 15/11/2024**);')).toEqual([
      plain('trước ('),
      plain('xong trước ngày 15/11/2024', true),
      plain(');'),
    ]);
  });

  it('*italic*', () => {
    expect(parseInline('a *b* c')).toEqual([plain('a '), plain('b', false, true), plain(' c')]);
  });

  it('italic nested in bold, and bold nested in italic', () => {
    expect(parseInline('**a *b* c**')).toEqual([plain('a ', true), plain('b', true, true), plain(' c', true)]);
    expect(parseInline('*a **b** c*')).toEqual([plain('a ', false, true), plain('b', true, true), plain(' c', false, true)]);
  });

  it('keeps markers without a partner literally', () => {
    expect(plainText(parseInline('**x'))).toBe('**x');
    expect(plainText(parseInline('*x'))).toBe('*x');
    expect(plainText(parseInline('a * b'))).toBe('a * b');
    expect(plainText(parseInline('**a*'))).toBe('**a*');
    expect(plainText(parseInline('*'))).toBe('*');
    expect(plainText(parseInline('**'))).toBe('**');
    expect(textRuns(parseInline('**x')).every((r) => !r.bold && !r.italic)).toBe(true);
    expect(textRuns(parseInline('5 * 3 = 15')).every((r) => !r.bold && !r.italic)).toBe(true);
  });

  it('a backslash makes * and \\ literal', () => {
    expect(parseInline('\\*not italic\\*')).toEqual([plain('*not italic*')]);
    expect(parseInline('\\*\\*not bold\\*\\*')).toEqual([plain('**not bold**')]);
    expect(parseInline('a\\\\b')).toEqual([plain('a\\b')]);
    // A backslash before another character is an ordinary character.
    expect(parseInline('C:\\x')).toEqual([plain('C:\\x')]);
    // An escaped star inside bold text.
    expect(parseInline('**5 \\* 3**')).toEqual([plain('5 * 3', true)]);
  });

  it('a newline is a break run, not a new paragraph', () => {
    expect(parseInline('dòng 1\ndòng 2')).toEqual([plain('dòng 1'), { kind: 'break' }, plain('dòng 2')]);
    expect(parseInline('a\n\nb')).toEqual([plain('a'), { kind: 'break' }, { kind: 'break' }, plain('b')]);
  });

  it('emphasis may span a line break', () => {
    expect(parseInline('**a\nb**')).toEqual([plain('a', true), { kind: 'break' }, plain('b', true)]);
  });

  it('emphasis toggles against the base style', () => {
    expect(parseInline('a **b**', { bold: true })).toEqual([plain('a ', true), plain('b')]);
    expect(parseInline('x', { underline: true })).toEqual([{ kind: 'text', text: 'x', bold: false, italic: false, underline: true }]);
  });

  it('textRun defaults every style to false', () => {
    expect(textRun('x')).toEqual(plain('x'));
  });

  // Characters that are no markers: ASCII, Vietnamese letters, newlines, any code point.
  const noMarkerText = fc
    .string({
      unit: fc.oneof(
        fc.constantFrom('\n', 'ợ', 'Đ', 'ủ', ' ', '_', '/', '-', '(', ')'),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      ),
      maxLength: 60,
    })
    .filter((s) => !s.includes('*') && !s.includes('\\'));

  it('property: without * or \\, the plain text of the runs is the input, newlines kept', () => {
    fc.assert(
      fc.property(noMarkerText, (s) => {
        const runs = parseInline(s);
        expect(plainText(runs)).toBe(s);
        expect(runs.filter((r) => r.kind === 'break')).toHaveLength(s.split('\n').length - 1);
        expect(textRuns(runs).every((r) => !r.bold && !r.italic && r.text !== '' && !r.text.includes('\n'))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  const anyText = fc.string({
    unit: fc.oneof(
      fc.constantFrom('*', '**', '\\', '\n', 'a', ' ', 'ệ'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    ),
    maxLength: 40,
  });

  it('property: parseInline never throws, and every newline is one break', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const runs = parseInline(s);
        expect(runs.filter((r) => r.kind === 'break')).toHaveLength(s.split('\n').length - 1);
        expect(textRuns(runs).every((r) => r.text !== '')).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('property: without backslashes, only * markers are ever removed, no other character', () => {
    const starText = fc.string({ unit: fc.constantFrom('*', '**', 'a', 'b', ' ', '\n', 'ợ'), maxLength: 30 });
    fc.assert(
      fc.property(starText, (s) => {
        const out = plainText(parseInline(s));
        expect(out.replace(/\*/g, '')).toBe(s.replace(/\*/g, ''));
        expect(out.length).toBeLessThanOrEqual(s.length);
      }),
      { numRuns: 1000 },
    );
  });
});

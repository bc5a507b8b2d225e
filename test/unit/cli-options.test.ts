/** The command line's own parsing: --fonts folders, the language, --month. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFontsOption } from '../../src/cli/font-option.js';
import { chooseLang, messagesFor } from '../../src/cli/messages.js';
import { firstInvalidUtf8 } from '../../src/cli/read-input.js';
import { parseMonth } from '../../src/cli/render-options.js';

const en = messagesFor('en');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A folder holding empty files of these names (finding faces looks at names only). */
function folderOf(names: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'ket-luan-fonts-'));
  dirs.push(dir);
  for (const name of names) writeFileSync(join(dir, name), '');
  return dir;
}

describe('--fonts <folder>', () => {
  it.each([
    ['Windows', ['times.ttf', 'timesbd.ttf', 'timesi.ttf', 'timesbi.ttf', 'arial.ttf'], ['times.ttf', 'timesbd.ttf', 'timesi.ttf', 'timesbi.ttf']],
    ['Windows, upper case', ['TIMES.TTF', 'TIMESBD.TTF', 'TIMESI.TTF', 'TIMESBI.TTF'], ['TIMES.TTF', 'TIMESBD.TTF', 'TIMESI.TTF', 'TIMESBI.TTF']],
    [
      'macOS',
      ['Times New Roman.ttf', 'Times New Roman Bold.ttf', 'Times New Roman Italic.ttf', 'Times New Roman Bold Italic.ttf'],
      ['Times New Roman.ttf', 'Times New Roman Bold.ttf', 'Times New Roman Italic.ttf', 'Times New Roman Bold Italic.ttf'],
    ],
    [
      'Liberation Serif',
      ['LiberationSerif-Regular.ttf', 'LiberationSerif-Bold.ttf', 'LiberationSerif-Italic.ttf', 'LiberationSerif-BoldItalic.ttf', 'LICENSE'],
      ['LiberationSerif-Regular.ttf', 'LiberationSerif-Bold.ttf', 'LiberationSerif-Italic.ttf', 'LiberationSerif-BoldItalic.ttf'],
    ],
    ['any Family-Style.ttf', ['NotoSerif-Regular.ttf', 'NotoSerif-Bold.ttf', 'NotoSerif-Italic.ttf', 'NotoSerif-BoldItalic.ttf'], ['NotoSerif-Regular.ttf', 'NotoSerif-Bold.ttf', 'NotoSerif-Italic.ttf', 'NotoSerif-BoldItalic.ttf']],
    ['Times before Liberation', ['LiberationSerif-Regular.ttf', 'LiberationSerif-Bold.ttf', 'LiberationSerif-Italic.ttf', 'LiberationSerif-BoldItalic.ttf', 'times.ttf', 'timesbd.ttf', 'timesi.ttf', 'timesbi.ttf'], ['times.ttf', 'timesbd.ttf', 'timesi.ttf', 'timesbi.ttf']],
  ])('%s', (_, names, expected) => {
    const dir = folderOf(names);
    const fonts = parseFontsOption(dir, '/', en);
    expect([fonts.normal, fonts.bold, fonts.italics, fonts.bolditalics]).toEqual(expected.map((n) => join(dir, n)));
  });

  it('four paths, relative to the current folder', () => {
    const dir = folderOf(['a.ttf', 'b.ttf', 'c.ttf', 'd.ttf']);
    expect(parseFontsOption('a.ttf, b.ttf,c.ttf,d.ttf', dir, en)).toEqual({ normal: join(dir, 'a.ttf'), bold: join(dir, 'b.ttf'), italics: join(dir, 'c.ttf'), bolditalics: join(dir, 'd.ttf') });
    expect(() => parseFontsOption('a.ttf,b.ttf,c.ttf,missing.ttf', dir, en)).toThrow('--fonts: missing.ttf: no such file or folder');
  });

  it('a folder without the four faces', () => {
    const dir = folderOf(['arial.ttf']);
    expect(() => parseFontsOption(dir, dir, en)).toThrow('--fonts: the folder . has no regular, bold, italic, bold italic face');
  });
});

describe('the language', () => {
  it.each([
    [[], {}, 'en'],
    [[], { LANG: 'vi_VN.UTF-8' }, 'vi'],
    [[], { LANG: 'vi' }, 'vi'],
    [[], { LANG: 'vietnamese' }, 'en'],
    [[], { LANG: 'en_US.UTF-8', LC_MESSAGES: 'vi_VN.UTF-8' }, 'vi'],
    [[], { LANG: 'vi_VN.UTF-8', LC_ALL: 'C' }, 'en'],
    [[], { LANG: 'vi_VN.UTF-8', LC_ALL: '' }, 'vi'],
    [['--lang', 'vi'], {}, 'vi'],
    [['--lang=VI'], {}, 'vi'],
    [['--lang', 'en'], { LC_ALL: 'vi_VN' }, 'en'],
    [['--', '--lang', 'vi'], {}, 'en'],
  ])('%j with %j → %s', (args, env, lang) => {
    expect(chooseLang(args, env)).toBe(lang);
  });
});

describe('--month and UTF-8', () => {
  it('parses YYYY-MM', () => {
    expect(parseMonth('2026-01', en)).toEqual({ year: 2026, month: 1 });
    for (const bad of ['2026-1x', '2026-00', '2026-13', '26-01', '1929-12']) expect(() => parseMonth(bad, en)).toThrow('--month must be a month written YYYY-MM');
  });

  it('finds the first byte that is not UTF-8', () => {
    const at = (...bytes: number[]) => firstInvalidUtf8(new Uint8Array(bytes));
    expect(at(0x41, 0xc3, 0xa9)).toBe(3); // "Aé": valid throughout
    expect(at(0x41, 0xc0, 0xaf)).toBe(1); // overlong "/"
    expect(at(0xe0, 0x80, 0xaf)).toBe(0); // overlong, three bytes
    expect(at(0xf4, 0x90, 0x80, 0x80)).toBe(0); // past U+10FFFF
    expect(at(0x41, 0x80)).toBe(1); // a lone continuation byte
    expect(at(0xf0, 0x9f, 0x98)).toBe(0); // cut short
  });
});

/**
 * The LibreOffice rules the PDF writer lays text out by, one small hand-computed case per rule,
 * so that a failure names the rule rather than "page 3 differs". Each figure is worked out here:
 * a character is 600 reference-device pixels (100 twips, 5 pt) wide unless said otherwise, a box
 * of 1,000 twips holds 6,000 pixels, so ten characters; pages are 1,000 twips tall.
 */
import { describe, expect, it } from 'vitest';
import type { CellLayout, LinesItem, TableItem } from '../../src/writers/pdf/flow-items.js';
import { breakLines, PortionWidth, type BrokenLine } from '../../src/writers/pdf/line-breaking.js';
import { initialPage, paginate, type LinesPlacement, type PagePlan } from '../../src/writers/pdf/pagination.js';
import type { RunStyle, TextUnit } from '../../src/writers/pdf/paragraph-shaping.js';
import { splitRow } from '../../src/writers/pdf/table-rows.js';

const REGULAR: RunStyle = { face: 'normal', underline: false };
const BOLD: RunStyle = { face: 'bold', underline: false };

function units(text: string, options: { px?: number; style?: RunStyle; reservePx?: number } = {}): TextUnit[] {
  return [...text].map((ch) => {
    const kind = ch === ' ' ? 'space' : ch === '\t' ? 'tab' : ch === '\n' ? 'break' : 'char';
    const drawn = kind === 'char' || kind === 'space';
    return { text: ch, kind, blank: false, style: options.style ?? REGULAR, advancePx: drawn ? (options.px ?? 600) : 0, advanceUnits: 0, italicReservePx: options.reservePx ?? 0 };
  });
}

const TEN_CHARACTERS = { boxTwips: 1000, leftIndentTwips: 0, firstLineIndentTwips: 0, tabStopTwips: 720 };

function lineTexts(text: string, widths = TEN_CHARACTERS): string[] {
  const all = units(text);
  return breakLines(all, widths).map((line) => textOf(all, line));
}

const textOf = (all: TextUnit[], line: BrokenLine) => all.slice(line.start, line.end).map((unit) => unit.text).join('');

describe('line breaking (line-breaking.ts)', () => {
  it('a line that just fits: a word whose right edge reaches the available width exactly stays on the line', () => {
    expect(lineTexts('aaaa bbbbb')).toEqual(['aaaa bbbbb']);
    expect(lineTexts('aaaa bbbbbb')).toEqual(['aaaa', 'bbbbbb']);
  });

  it('spaces at the end of a line hang in the margin: they neither break the line nor count in its width', () => {
    const all = units('aaaaaaaaaa   b');
    const [first, second] = breakLines(all, TEN_CHARACTERS);
    expect(textOf(all, first!)).toBe('aaaaaaaaaa');
    expect(first!.widthPx).toBe(6000);
    expect(first!.ending).toBe('space');
    expect(textOf(all, second!)).toBe('b');
  });

  it('an indent narrows the line: the first line by both indents, the others by the left indent', () => {
    // seven characters' room on the first line, nine on the others, ten without indents
    expect(lineTexts('aaa bbbb ccc dddd', { ...TEN_CHARACTERS, leftIndentTwips: 100, firstLineIndentTwips: 200 })).toEqual(['aaa', 'bbbb ccc', 'dddd']);
    expect(lineTexts('aaa bbbb ccc dddd')).toEqual(['aaa bbbb', 'ccc dddd']);
  });

  it('a line may end after a hyphen inside a word', () => {
    const all = units('xx aaaa-bbbbbb');
    const lines = breakLines(all, TEN_CHARACTERS);
    expect(lines.map((line) => textOf(all, line))).toEqual(['xx aaaa-', 'bbbbbb']);
    expect(lines[0]!.ending).toBe('hyphen');
  });

  it('a break at a slash: not after a hyphen when a slash follows two or more characters before the overflow ("127-KH/ĐU" moves whole)', () => {
    // eleven characters' room: "xx aaaa-b/b" reaches the overflow at the 12th; the slash is the 10th
    const widths = { ...TEN_CHARACTERS, boxTwips: 1100 };
    expect(lineTexts('xx aaaa-b/bbbb', widths)).toEqual(['xx', 'aaaa-b/bbbb']);
    expect(lineTexts('xx aaaa-bbbbbb', widths)).toEqual(['xx aaaa-', 'bbbbbb']);
  });

  it('never breaks after an opening bracket, even before a space', () => {
    expect(lineTexts('aa ( bbbbbbbbb')).toEqual(['aa', '( bbbbbbbb', 'b']);
    expect(lineTexts('aa x bbbbbbbbb')).toEqual(['aa x', 'bbbbbbbbb']);
  });

  it('a word longer than the line is cut where it overflows', () => {
    const all = units('aaaaaaaaaaaaaaa');
    const lines = breakLines(all, TEN_CHARACTERS);
    expect(lines.map((line) => textOf(all, line))).toEqual(['aaaaaaaaaa', 'aaaaa']);
    expect(lines[0]!.ending).toBe('cut');
  });

  it('italic text keeps room for its overhang at the end of the line', () => {
    const reserve = 300;
    const all = units('aaaa bbbbb', { reservePx: reserve });
    expect(breakLines(all, TEN_CHARACTERS).map((line) => textOf(all, line))).toEqual(['aaaa', 'bbbbb']);
  });

  it('a manual break ends the line; one at the end of the paragraph leaves an empty last line', () => {
    const all = units('ab\ncd\n');
    const lines = breakLines(all, TEN_CHARACTERS);
    expect(lines.map((line) => [textOf(all, line), line.ending])).toEqual([
      ['ab', 'break'],
      ['cd', 'break'],
      ['', 'last'],
    ]);
  });

  it('a tab moves on to the next default stop, counted from the box edge whatever the indent', () => {
    // stops every 720 twips = 4,320 px; "ab" is 1,200 px wide
    const plain = new PortionWidth(0, 4320);
    for (const unit of units('ab\tc')) {
      plain.enter(unit);
      plain.add(unit);
    }
    expect(plain.px).toBe(4320 + 600);
    // a line starting 300 twips (1,800 px) in: the stop at 4,320 px is 2,520 px from the line's start
    const indented = new PortionWidth(1800, 4320);
    for (const unit of units('ab\t')) {
      indented.enter(unit);
      indented.add(unit);
    }
    expect(indented.px).toBe(4320 - 1800);
  });

  it('a portion (a stretch of one style) ends on whole twips once the next one starts', () => {
    // 7 px each: the bold "a" closes at round(7 / 6) × 6 = 6 px when the regular "b" starts
    const width = new PortionWidth(0, 4320);
    for (const unit of [...units('a', { px: 7, style: BOLD }), ...units('b', { px: 7 })]) {
      width.enter(unit);
      width.add(unit);
    }
    expect(width.px).toBe(13);
    expect(width.finishedPx).toBe(12);
  });
});

// --------------------------------------------------------------------------------------------
// Pagination: items are stacks of line heights; the body runs from 0 to 1,000 twips.

const BODY = { topTwips: 0, bottomTwips: 1000 };

function lines(heights: number[], options: Partial<Pick<LinesItem, 'beforeTwips' | 'afterTwips' | 'keepWithNext' | 'keepLines'>> = {}): LinesItem {
  return {
    kind: 'lines',
    lineTwips: heights,
    beforeTwips: options.beforeTwips ?? 0,
    afterTwips: options.afterTwips ?? 0,
    keepWithNext: options.keepWithNext ?? false,
    keepLines: options.keepLines ?? false,
    content: { kind: 'space' },
  } as LinesItem;
}

/** Each page as "item:from-to@top" for every placement on it. */
function pagesOf(plan: PagePlan): string[][] {
  return plan.pages.map((page) => page.map((placement) => {
    const p = placement as LinesPlacement;
    return `${p.item}:${p.from}-${p.to}@${p.topTwips}`;
  }));
}

describe('pagination (pagination.ts)', () => {
  it('a line fits when its bottom is not below the body bottom', () => {
    expect(pagesOf(paginate([lines([250, 250, 250, 250])], BODY))).toEqual([['0:0-4@0']]);
    expect(pagesOf(paginate([lines([250, 250, 250, 251])], BODY))).toEqual([['0:0-3@0'], ['0:3-4@0']]);
  });

  it('the space after a paragraph may overflow the page; the space before must fit with the first line', () => {
    expect(pagesOf(paginate([lines([250, 250, 250, 250], { afterTwips: 500 })], BODY))).toHaveLength(1);
    // 750 + the larger of 100 after and 200 before + 100 > 1,000: the second paragraph moves
    expect(pagesOf(paginate([lines([250, 250, 250], { afterTwips: 100 }), lines([100], { beforeTwips: 200 })], BODY))).toEqual([['0:0-3@0'], ['1:0-1@0']]);
    expect(pagesOf(paginate([lines([250, 250, 250], { afterTwips: 100 }), lines([100], { beforeTwips: 150 })], BODY))).toEqual([['0:0-3@0', '1:0-1@900']]);
  });

  it('the space before is kept at the top of the first page and dropped at the top of the others', () => {
    expect(pagesOf(paginate([lines([100], { beforeTwips: 50 }), lines([950], { beforeTwips: 50 })], BODY))).toEqual([['0:0-1@50'], ['1:0-1@0']]);
  });

  it('a paragraph that does not fit is split line by line, with no widow or orphan control', () => {
    expect(pagesOf(paginate([lines([900]), lines([100, 100, 100])], BODY))).toEqual([['0:0-1@0', '1:0-1@900'], ['1:1-3@0']]);
  });

  it('keepLines: a paragraph that does not fit whole moves whole', () => {
    expect(pagesOf(paginate([lines([900]), lines([100, 100, 100], { keepLines: true })], BODY))).toEqual([['0:0-1@0'], ['1:0-3@0']]);
  });

  it('keep-with-next: a paragraph follows the next block to its page, with the rest of its chain', () => {
    // 0 fills 500; the chain 1, 2 fills the page to 1,000; 3 goes to page 2 and takes 1 and 2 with it
    const items = [lines([500]), lines([250], { keepWithNext: true }), lines([250], { keepWithNext: true }), lines([100])];
    expect(pagesOf(paginate(items, BODY))).toEqual([['0:0-1@0'], ['1:0-1@0', '2:0-1@250', '3:0-1@500']]);
    // without the keep, 3 goes alone
    const loose = [lines([500]), lines([250]), lines([250]), lines([100])];
    expect(pagesOf(paginate(loose, BODY))).toEqual([['0:0-1@0', '1:0-1@500', '2:0-1@750'], ['3:0-1@0']]);
  });

  it('keep-with-next: a chain that starts at the top of a page stays (it could not do better elsewhere)', () => {
    const items = [lines([500], { keepWithNext: true }), lines([500], { keepWithNext: true }), lines([100])];
    expect(pagesOf(paginate(items, BODY))).toEqual([['0:0-1@0', '1:0-1@500'], ['2:0-1@0']]);
  });

  it('the 25/26 dealing: LibreOffice first puts 25 blocks on page 1 and 26 on each later page', () => {
    expect([0, 24, 25, 50, 51, 76, 77].map(initialPage)).toEqual([0, 0, 1, 1, 2, 2, 3]);
  });

  it('the 25/26 dealing: a paragraph pulled back onto an earlier page needs two of its lines to fit there', () => {
    // 25 lines of 34 twips fill 850; 150 twips are left, room for one 100-twip line, not two
    const filler = Array.from({ length: 25 }, () => lines([34]));
    const pulled = pagesOf(paginate([...filler, lines([100, 100, 100])], BODY));
    expect(pulled[0]).toHaveLength(25);
    expect(pulled[1]).toEqual(['25:0-3@0']);
    // the 25th block (index 24) was dealt to page 1 already: one line may stay at the page foot
    const dealt = pagesOf(paginate([...filler.slice(1), lines([100, 100, 100])], BODY));
    expect(dealt[0]?.at(-1)).toBe('24:0-1@816');
    // room for two lines: pulled back with two of them
    const roomy = Array.from({ length: 25 }, () => lines([32]));
    expect(pagesOf(paginate([...roomy, lines([100, 100, 100])], BODY))[0]?.at(-1)).toBe('25:0-2@800');
  });
});

// --------------------------------------------------------------------------------------------
// A table row split across pages (table-rows.ts): cells of stacked paragraphs, no spacing but
// where said.

function cell(items: LinesItem[]): CellLayout {
  let y = 0;
  let previousAfter: number | undefined;
  const placed = items.map((item) => {
    const gap = previousAfter === undefined ? item.beforeTwips : Math.max(previousAfter, item.beforeTwips);
    const topTwips = y + gap;
    y = topTwips + item.lineTwips.reduce((a, b) => a + b, 0);
    previousAfter = item.afterTwips;
    return { item, topTwips };
  });
  return { widthTwips: 1000, items: placed, heightTwips: y + (previousAfter ?? 0) };
}

function row(cells: CellLayout[]): TableItem {
  return { kind: 'table', cells, heightTwips: Math.max(...cells.map((c) => c.heightTwips)), keepTogether: false, keepWithNext: false } as TableItem;
}

/** Each part as, per cell, "item:from-to" of what it draws. */
function partsOf(table: TableItem, firstRoom: number, pageRoom: number): string[][] | undefined {
  return splitRow(table, firstRoom, pageRoom)?.map((part) => part.cells.map((slice) => slice.lines.map((l) => `${l.item}:${l.from}-${l.to}`).join(' ')));
}

describe('table rows split across pages (table-rows.ts)', () => {
  it('each cell fills the room left line by line and goes on at the top of the next page', () => {
    const table = row([cell([lines([100, 100, 100, 100])]), cell([lines([100])])]);
    expect(partsOf(table, 250, 1000)).toEqual([
      ['0:0-2', '0:0-1'],
      ['0:2-4', ''],
    ]);
  });

  it("a paragraph's last line must fit together with its space after", () => {
    // the second line would end at 200, and with its 60 after at 260 > 250: it moves
    const table = row([cell([lines([100, 100], { afterTwips: 60 }), lines([100])])]);
    expect(partsOf(table, 250, 1000)).toEqual([['0:0-1'], ['0:1-2 1:0-1']]);
  });

  it('when the first line of some cell does not fit the room left, the whole row moves on', () => {
    const table = row([cell([lines([100])]), cell([lines([300])])]);
    expect(partsOf(table, 250, 1000)).toBeUndefined();
  });
});

import { sum, type FlowItem, type LinesItem, type TableItem } from './flow-items.js';
import { splitRow, wholeRow, type RowPart } from './table-rows.js';

/**
 * Page breaking as LibreOffice 7 does it for the DOCX, in twips:
 * - a line fits when its bottom is not below the body's bottom; the space after a paragraph may
 *   overflow the page, the space before must fit with the first line;
 * - the gap between two paragraphs is the larger of the space after the first and the space
 *   before the second; after a table the paragraph's own space before applies; a paragraph's
 *   space after applies before a table;
 * - at the top of any page but the first, the space before a paragraph is dropped;
 * - a paragraph with keepLines or keepWithNext is never split (unless it starts a page and is
 *   taller than it); a keepWithNext paragraph follows the next block to its page, with the rest
 *   of its keep-with-next chain, unless the chain starts a page (or began on an earlier one);
 * - a table row (a ColumnsBlock) that does not fit is split across pages cell by cell, after
 *   moving to a page of its own if it may not split (table-rows.ts);
 * - widow/orphan control is off, so a paragraph flowing down the page may leave a single line at
 *   its foot. But LibreOffice first deals the blocks out to pages 25 to the first page and 26 to
 *   each next one (SwLayHelper, mnMaxParaPerPage = 25), then pulls blocks back onto pages with
 *   room; a paragraph pulled back onto an earlier page moves only if at least two of its lines
 *   fit there (all of them if it has fewer).
 * Every rule was checked against LibreOffice 7.4's rendering of the DOCX writer's output.
 */

export interface PageBody {
  topTwips: number;
  bottomTwips: number;
}

export interface LinesPlacement {
  kind: 'lines';
  item: number;
  from: number;
  to: number;
  /** Top of line `from`, from the top of the page. */
  topTwips: number;
}

interface TablePlacement {
  kind: 'table';
  item: number;
  topTwips: number;
  /** What of each cell is drawn on this page: all of it unless the row is split. */
  part: RowPart;
}

export type Placement = LinesPlacement | TablePlacement;

export interface PagePlan {
  pages: Placement[][];
  /** False when a single line taller than a page had to overflow it. */
  exact: boolean;
}

/**
 * Where pagination stands. Placements are only ever appended, so going back to an earlier item
 * (a keep-with-next chain moving to the next page) needs only the counts of then, not copies.
 */
interface State {
  /** Every placement so far, page after page. */
  placements: Placement[];
  /** The page of each placement. */
  pageOf: number[];
  pageCount: number;
  /** Where the current page's placements start in `placements`. */
  pageStart: number;
  y: number;
  previousAfter: number;
  exact: boolean;
}

/** What pagination has done before an item: enough to undo everything after it. */
interface Mark {
  placements: number;
  pageCount: number;
  pageStart: number;
  y: number;
  previousAfter: number;
  exact: boolean;
}

export function paginate(items: FlowItem[], body: PageBody): PagePlan {
  const forced = new Set<number>();
  const before: Mark[] = [];
  const startPage: number[] = [];
  const endPage: number[] = [];
  const startedAtTop: boolean[] = [];
  const state: State = { placements: [], pageOf: [], pageCount: 1, pageStart: 0, y: body.topTwips, previousAfter: 0, exact: true };
  const page = new PageCursor(state, body);

  let index = 0;
  while (index < items.length) {
    before[index] = mark(state);
    const item = items[index] as FlowItem;
    if (forced.has(index) && !page.atTop) page.newPage();
    const span = item.kind === 'lines' ? placeLines(page, item, index) : placeTable(page, item, index);
    startPage[index] = span.first;
    endPage[index] = span.last;
    startedAtTop[index] = span.startedAtTop;

    const previous = items[index - 1];
    if (previous?.keepWithNext && (startPage[index] as number) > (endPage[index - 1] as number)) {
      const keptPage = endPage[index - 1] as number;
      let chainStart = index - 1;
      // The chain takes in every keep-with-next block on the kept page, one that began on an
      // earlier page too: then the chain starts before this page and nothing moves.
      while (chainStart > 0 && items[chainStart - 1]?.keepWithNext && endPage[chainStart - 1] === keptPage) chainStart--;
      if (startPage[chainStart] === keptPage && !startedAtTop[chainStart] && !forced.has(chainStart)) {
        forced.add(chainStart);
        restore(state, before[chainStart] as Mark);
        index = chainStart;
        continue;
      }
    }
    index++;
  }
  const pages: Placement[][] = [];
  for (let page = 0; page < state.pageCount; page++) pages.push([]);
  for (let at = 0; at < state.placements.length; at++) (pages[state.pageOf[at] as number] as Placement[]).push(state.placements[at] as Placement);
  return { pages, exact: state.exact };
}

function mark(state: State): Mark {
  return { placements: state.placements.length, pageCount: state.pageCount, pageStart: state.pageStart, y: state.y, previousAfter: state.previousAfter, exact: state.exact };
}

function restore(state: State, to: Mark): void {
  state.placements.length = to.placements;
  state.pageOf.length = to.placements;
  state.pageCount = to.pageCount;
  state.pageStart = to.pageStart;
  state.y = to.y;
  state.previousAfter = to.previousAfter;
  state.exact = to.exact;
}

class PageCursor {
  constructor(
    private readonly state: State,
    private readonly body: PageBody,
  ) {}

  get atTop(): boolean {
    return this.state.placements.length === this.state.pageStart;
  }

  get pageIndex(): number {
    return this.state.pageCount - 1;
  }

  get y(): number {
    return this.state.y;
  }

  get bottom(): number {
    return this.body.bottomTwips;
  }

  get top(): number {
    return this.body.topTwips;
  }

  fits(height: number): boolean {
    return this.state.y + height <= this.body.bottomTwips;
  }

  newPage(): void {
    this.state.pageCount++;
    this.state.pageStart = this.state.placements.length;
    this.state.y = this.body.topTwips;
    this.state.previousAfter = 0;
  }

  place(placement: Placement, height: number): void {
    this.state.placements.push(placement);
    this.state.pageOf.push(this.pageIndex);
    this.state.y = placement.topTwips + height;
  }

  set previousAfter(value: number) {
    this.state.previousAfter = value;
  }

  get previousAfter(): number {
    return this.state.previousAfter;
  }

  markInexact(): void {
    this.state.exact = false;
  }
}

interface Span {
  first: number;
  last: number;
  startedAtTop: boolean;
}

function placeLines(page: PageCursor, item: LinesItem, index: number): Span {
  const heights = item.lineTwips;
  const spacing = () => (page.atTop && page.pageIndex > 0 ? 0 : Math.max(page.previousAfter, item.beforeTwips));
  const whole = heights.length === 1 || item.keepLines || item.keepWithNext;

  if (!page.atTop) {
    // How much of the paragraph must fit where it would start: all of it if it cannot split;
    // otherwise its first line, or its first two when it is pulled back from a later page.
    const pulledBack = initialPage(index) > page.pageIndex;
    const needed = whole ? heights.length : pulledBack ? Math.min(2, heights.length) : 1;
    if (!page.fits(spacing() + sum(heights.slice(0, needed)))) page.newPage();
  }

  const span: Span = { first: page.pageIndex, last: page.pageIndex, startedAtTop: page.atTop };
  let top = page.y + spacing();
  let from = 0;
  let y = top;
  for (let line = 0; line < heights.length; line++) {
    const height = heights[line] as number;
    if (line > from && y + height > page.bottom) {
      page.place({ kind: 'lines', item: index, from, to: line, topTwips: top }, y - top);
      page.newPage();
      from = line;
      top = page.y;
      y = top;
    }
    if (line === from && y + height > page.bottom) page.markInexact();
    y += height;
  }
  page.place({ kind: 'lines', item: index, from, to: heights.length, topTwips: top }, y - top);
  page.previousAfter = item.afterTwips;
  span.last = page.pageIndex;
  return span;
}

/**
 * The page LibreOffice first puts the index-th block on before formatting anything: 25 blocks on
 * the first page, 26 on every later one; a one-row table counts as one block.
 */
export function initialPage(index: number): number {
  return index < 25 ? 0 : 1 + Math.floor((index - 25) / 26);
}

function placeTable(page: PageCursor, item: TableItem, index: number): Span {
  const spacing = () => (page.atTop ? 0 : page.previousAfter);
  const room = () => page.bottom - page.y - spacing();
  if (item.heightTwips > room() && item.keepTogether && !page.atTop) page.newPage();
  const span: Span = { first: page.pageIndex, last: page.pageIndex, startedAtTop: page.atTop };
  if (item.heightTwips <= room()) {
    page.place({ kind: 'table', item: index, topTwips: page.y + spacing(), part: wholeRow(item) }, item.heightTwips);
  } else {
    const pageRoom = page.bottom - page.top;
    let parts = splitRow(item, room(), pageRoom);
    if (parts === undefined) {
      page.newPage();
      span.first = page.pageIndex;
      span.startedAtTop = true;
      parts = splitRow(item, room(), pageRoom) ?? [];
    }
    parts.forEach((part, number) => {
      if (number > 0) page.newPage();
      if (part.heightTwips > room()) page.markInexact();
      page.place({ kind: 'table', item: index, topTwips: page.y + spacing(), part }, part.heightTwips);
    });
  }
  page.previousAfter = 0;
  span.last = page.pageIndex;
  return span;
}

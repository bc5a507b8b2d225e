import type { CellLayout, TableItem } from './flow-items.js';

/**
 * A table row (a ColumnsBlock) on one page: the part of each cell's content drawn there.
 *
 * A row that fits is drawn whole. One that does not is split as LibreOffice splits a row across
 * pages: every cell fills the room left on the page line by line, with no keep or orphan rule
 * (LibreOffice turns them off inside split rows), and goes on at the top of the next page. A row
 * that may not split (keepTogether) is first moved to a page of its own, and split only if it is
 * taller than a page.
 */

interface CellLines {
  /** Index of the content in the cell. */
  item: number;
  from: number;
  to: number;
  /** Top of line `from`, from the top of the row's part on this page. */
  topTwips: number;
}

export interface CellSlice {
  lines: CellLines[];
  heightTwips: number;
}

export interface RowPart {
  cells: CellSlice[];
  heightTwips: number;
}

export function wholeRow(table: TableItem): RowPart {
  return {
    cells: table.cells.map((cell) => ({
      lines: cell.items.map(({ item, topTwips }, index) => ({ item: index, from: 0, to: item.lineTwips.length, topTwips })),
      heightTwips: cell.heightTwips,
    })),
    heightTwips: table.heightTwips,
  };
}

/** Where a cell's content goes on: the content's index and its first line not yet drawn. */
interface Resume {
  item: number;
  line: number;
  /** Height of an empty follow LibreOffice carries over for a paragraph already drawn (see fillCell). */
  phantom?: number;
}

/**
 * The parts of a row split over pages: the first in `firstRoomTwips` (the room left on the page),
 * the others in `pageRoomTwips` each. Undefined when the first line of some cell does not fit in
 * the first room (LibreOffice then moves the whole row to the next page).
 */
export function splitRow(table: TableItem, firstRoomTwips: number, pageRoomTwips: number): RowPart[] | undefined {
  const resume: Resume[] = table.cells.map(() => ({ item: 0, line: 0 }));
  const parts: RowPart[] = [];
  let room = firstRoomTwips;
  while (parts.length === 0 || resume.some((at, index) => at.item < (table.cells[index] as CellLayout).items.length)) {
    const fresh = parts.length > 0;
    const cells = table.cells.map((cell, index) => fillCell(cell, resume[index] as Resume, room, fresh));
    // When several cells carry an empty follow, LibreOffice gives none to the leftmost of them.
    const carrying = resume.filter((at) => at.phantom !== undefined);
    if (carrying.length > 1) {
      const first = carrying[0] as Resume;
      delete first.phantom;
      first.item++;
      first.line = 0;
    }
    if (!fresh && cells.some((cell, index) => cell.lines.length === 0 && ((table.cells[index] as CellLayout).items.length > 0))) return undefined;
    parts.push({ cells, heightTwips: Math.max(0, ...cells.map((cell) => cell.heightTwips)) });
    room = pageRoomTwips;
  }
  return parts;
}

/**
 * Lays the cell's content from `resume` into `room`, advancing `resume`, as LibreOffice fills a
 * cell of a split row: a paragraph's last line must fit with the space after it; a paragraph whose
 * first line does not fit goes to the next page whole, unless it is the first in this part of the
 * cell: then, if only its space after is missing, its line stays and LibreOffice starts the next
 * part with an empty follow as tall as that line and the space before it (but see splitRow). On a
 * fresh page at least one line goes in, however tall, so that the split always ends.
 */
function fillCell(cell: CellLayout, resume: Resume, room: number, fresh: boolean): CellSlice {
  const lines: CellLines[] = [];
  let y = 0;
  let previousAfter: number | undefined;
  while (resume.item < cell.items.length) {
    const { item } = cell.items[resume.item] as CellLayout['items'][number];
    const placedBefore = lines.length > 0 || y > 0;
    if (resume.phantom !== undefined) {
      y += resume.phantom;
      previousAfter = item.afterTwips;
      resume.item++;
      resume.line = 0;
      delete resume.phantom;
      continue;
    }
    const spacing = resume.line > 0 ? 0 : previousAfter === undefined ? item.beforeTwips : Math.max(previousAfter, item.beforeTwips);
    const top = y + spacing;
    const count = item.lineTwips.length;
    let bottom = top;
    let line = resume.line;
    let carry: number | undefined;
    while (line < count) {
      const height = item.lineTwips[line] as number;
      const last = line === count - 1;
      const mustPlace = fresh && !placedBefore && line === resume.line;
      if (bottom + height + (last ? item.afterTwips : 0) <= room || mustPlace) {
        bottom += height;
        line++;
        continue;
      }
      if (last && line === 0 && !placedBefore && bottom + height <= room) {
        bottom += height;
        line++;
        carry = bottom - y;
      }
      break;
    }
    if (line > resume.line) lines.push({ item: resume.item, from: resume.line, to: line, topTwips: top });
    if (carry !== undefined) {
      resume.line = line;
      resume.phantom = carry;
      return { lines, heightTwips: bottom };
    }
    if (line < count) {
      resume.line = line;
      return { lines, heightTwips: line > 0 && lines.length > 0 ? bottom : y };
    }
    y = bottom;
    previousAfter = item.afterTwips;
    resume.item++;
    resume.line = 0;
  }
  return { lines, heightTwips: y + (previousAfter ?? 0) };
}

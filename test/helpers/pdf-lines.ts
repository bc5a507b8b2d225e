/**
 * A PDF page's words gathered into lines: words whose baselines (yMax) lie within half a point
 * of each other, left to right. Lines of the two header or footer columns that share a baseline
 * come out as one line, as a reader scanning the page would see them.
 */
import type { PdfPage, PdfWord } from './pdf-text.js';

export interface PdfLine {
  text: string;
  words: PdfWord[];
  xMin: number;
  xMax: number;
  yMax: number;
}

export function pdfLines(page: PdfPage): PdfLine[] {
  const sorted = [...page.words].sort((a, b) => a.yMax - b.yMax || a.xMin - b.xMin);
  const lines: PdfWord[][] = [];
  for (const word of sorted) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(last[0]!.yMax - word.yMax) < 0.5) last.push(word);
    else lines.push([word]);
  }
  return lines.map((words) => {
    const ordered = words.sort((a, b) => a.xMin - b.xMin);
    return {
      text: ordered.map((w) => w.text).join(' '),
      words: ordered,
      xMin: ordered[0]!.xMin,
      xMax: ordered[ordered.length - 1]!.xMax,
      yMax: ordered[0]!.yMax,
    };
  });
}

/** The line holding `text` (a line's text starting with it, else containing it). */
export function lineWith(lines: readonly PdfLine[], text: string): PdfLine {
  const line = lines.find((l) => l.text.startsWith(text)) ?? lines.find((l) => l.text.includes(text));
  if (!line) throw new Error(`no line with "${text}" among:\n${lines.map((l) => l.text).join('\n')}`);
  return line;
}

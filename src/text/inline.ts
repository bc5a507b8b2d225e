import type { Run, TextRun } from '../model/document.js';

interface InlineStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

/**
 * Splits paragraph text into runs: `**bold**`, `*italic*`, a newline is a line break.
 * A backslash makes the next `*` or `\` literal. Markers without a partner stay as written,
 * so no character of the input is ever lost.
 */
export function parseInline(text: string, base: InlineStyle = {}): Run[] {
  const runs: Run[] = [];
  let bold = false;
  let italic = false;
  // The run's text so far is `buffer` + text[from, i): plain text is taken in slices, not
  // character by character, so a long paragraph is copied once rather than built in pieces.
  let buffer = '';
  let from = 0;

  const take = (to: number) => {
    if (to > from) buffer += text.slice(from, to);
  };
  const flush = (to: number) => {
    take(to);
    if (buffer !== '') {
      runs.push(textRun(buffer, { bold: (base.bold ?? false) !== bold, italic: (base.italic ?? false) !== italic, underline: base.underline }));
    }
    buffer = '';
  };

  const closes = (at: number) => findUnescaped(text, '**', at) !== -1;

  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch !== BACKSLASH && ch !== NEWLINE && ch !== STAR) continue;
    if (ch === BACKSLASH) {
      const next = text.charCodeAt(i + 1);
      if (next === STAR || next === BACKSLASH) {
        // the escaped character stays, the backslash goes
        take(i);
        from = i + 1;
        i++;
      }
    } else if (ch === NEWLINE) {
      flush(i);
      from = i + 1;
      runs.push({ kind: 'break' });
    } else if (text.charCodeAt(i + 1) === STAR) {
      if (bold || closes(i + 2)) {
        flush(i);
        from = i + 2;
        bold = !bold;
      }
      // else the two stars stay as written, in the slice
      i++;
    } else if (italic || closesSingle(text, i + 1)) {
      flush(i);
      from = i + 1;
      italic = !italic;
    }
  }
  flush(text.length);
  return runs;
}

const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
const STAR = 0x2a;

/** Where `marker` next stands in `text` from `from`, skipping backslash-escaped characters; -1 if nowhere. */
function findUnescaped(text: string, marker: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text.startsWith(marker, i)) return i;
  }
  return -1;
}

/** A lone `*` opens italics only if another lone `*` follows (not part of a `**`). */
function closesSingle(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
    } else if (text.startsWith('**', i)) {
      i++;
    } else if (text[i] === '*') {
      return true;
    }
  }
  return false;
}

export function textRun(text: string, style: InlineStyle = {}): TextRun {
  return { kind: 'text', text, bold: style.bold ?? false, italic: style.italic ?? false, underline: style.underline ?? false };
}

/** The text of runs as a reader sees it, line breaks as newlines. */
export function plainText(runs: readonly Run[]): string {
  return runs.map((r) => (r.kind === 'break' ? '\n' : r.text)).join('');
}

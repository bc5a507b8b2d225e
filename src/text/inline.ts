import type { Run, TextRun } from '../model/document.js';

export interface InlineStyle {
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
  let buffer = '';

  const flush = () => {
    if (buffer === '') return;
    runs.push(textRun(buffer, { bold: (base.bold ?? false) !== bold, italic: (base.italic ?? false) !== italic, underline: base.underline }));
    buffer = '';
  };

  const closes = (from: number) => findUnescaped(text, '**', from) !== -1;

  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && (text[i + 1] === '*' || text[i + 1] === '\\')) {
      buffer += text[i + 1];
      i++;
    } else if (ch === '\n') {
      flush();
      runs.push({ kind: 'break' });
    } else if (text.startsWith('**', i)) {
      if (bold || closes(i + 2)) {
        flush();
        bold = !bold;
      } else {
        buffer += '**';
      }
      i++;
    } else if (ch === '*' && (italic || closesSingle(text, i + 1))) {
      flush();
      italic = !italic;
    } else {
      buffer += ch;
    }
  }
  flush();
  return runs;
}

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

import { parseInline, plainText } from '../text/inline.js';

/**
 * The rules every text a document shows must keep — input fields, template output and profile
 * strings alike — in one place, so that no way into a document escapes them. Each rule is
 * checked in one pass over the text, so a 2 MB field costs milliseconds, whatever it holds.
 */
interface TextProblem {
  /** Where in the text (UTF-16 index), for the message. */
  index: number;
  message: string;
  messageVi: string;
  /**
   * Normalising such a text would take too long (a long run of combining marks): nothing
   * more is done with it.
   */
  fatal: boolean;
}

/**
 * Characters a document cannot hold or show: C0 controls other than tab and newline, DEL and the
 * C1 controls, the byte-order mark, U+FFFE, U+FFFF and lone surrogates. Carriage returns and the
 * Unicode line and paragraph separators are accepted and read as newlines.
 */
// Without the u flag, so that lone surrogates are seen as the code units they are.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFEFF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Bidirectional controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069): LibreOffice and
 * Word reorder the text around them, the PDF writer draws text in its stored order, so the same
 * name would read differently in the two files.
 */
const BIDI_CONTROL = /\p{Bidi_Control}/u;

/**
 * Letters of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko and the other scripts of
 * the blocks whose default direction is right to left). They are refused rather than reordered:
 * see "Bad input" in the README.
 */
// Bidi controls in these blocks (U+061C) have their own message.
const RIGHT_TO_LEFT = /(?!\p{Bidi_Control})[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFE\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;

/**
 * Text that none of characterProblems' rules but the single-line one can object to, which is most
 * text: tab, newline and carriage return, printable ASCII, Latin-1 and the Latin Extended letters
 * up to U+02FF (no combining mark: they start at U+0300), the precomposed Vietnamese letters
 * (Latin Extended Additional), general punctuation without the bidirectional controls and line
 * separators, and currency signs (₫). A field of such text is checked in one pass instead of four.
 * A rule added to characterProblems must keep its characters out of this class.
 */
const PLAIN = /^[\t\n\r\u0020-\u007E\u00A0-\u02FF\u1E00-\u1EFF\u2010-\u2027\u2030-\u205E\u20A0-\u20CF]*$/;

function lineBreakProblems(text: string): TextProblem[] {
  const newline = /[\r\n\u2028\u2029]/.exec(text);
  return newline ? [{ index: newline.index, message: 'must be a single line', messageVi: 'phải nằm trên một dòng', fatal: false }] : [];
}

/** UAX #15's stream-safe limit: no more than 30 combining marks in a row. */
const MAX_COMBINING_MARKS = 30;

/**
 * A character that shows something: not white space, not a default-ignorable character
 * (zero-width space and joiners, U+034F, the soft hyphen, bidi marks …), not a combining mark
 * (which shows only on a letter) and not a control, format, private-use or unassigned code point.
 */
const VISIBLE = /[^\p{White_Space}\p{Default_Ignorable_Code_Point}\p{M}\p{C}]/u;
/** Visible characters that may be emphasis markup (`**`, `*`) or its escape (`\`). */
const VISIBLE_BESIDES_MARKUP = /[^\p{White_Space}\p{Default_Ignorable_Code_Point}\p{M}\p{C}*\\]/u;

function describeCodePoint(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

function findForbiddenCharacter(text: string): { index: number; codePoint: number } | null {
  const match = FORBIDDEN.exec(text);
  if (!match) return null;
  return { index: match.index, codePoint: match[0].charCodeAt(0) };
}

/**
 * Problems with the characters of a text as given (before it is normalised): characters a
 * document cannot hold, bidirectional controls, right-to-left letters, a run of combining marks
 * longer than the stream-safe limit, and line breaks in a one-line text.
 */
export function characterProblems(text: string, options: { multiline: boolean }): TextProblem[] {
  const problems: TextProblem[] = [];
  if (PLAIN.test(text)) {
    if (!options.multiline) problems.push(...lineBreakProblems(text));
    return problems;
  }
  const bad = findForbiddenCharacter(text);
  if (bad) {
    const cp = describeCodePoint(bad.codePoint);
    problems.push({
      index: bad.index,
      message: `contains the character ${cp} at position ${bad.index}, which a document cannot hold`,
      messageVi: `chứa ký tự ${cp} ở vị trí ${bad.index}, không thể đưa vào văn bản`,
      fatal: false,
    });
  }
  const bidi = BIDI_CONTROL.exec(text);
  if (bidi) {
    const cp = describeCodePoint(bidi[0].codePointAt(0)!);
    problems.push({
      index: bidi.index,
      message: `contains the bidirectional control character ${cp} at position ${bidi.index}, which would make the DOCX and the PDF show the text in different orders`,
      messageVi: `chứa ký tự điều khiển hướng viết ${cp} ở vị trí ${bidi.index}, khiến bản DOCX và bản PDF hiển thị văn bản theo thứ tự khác nhau`,
      fatal: false,
    });
  }
  const rtl = RIGHT_TO_LEFT.exec(text);
  if (rtl) {
    const cp = describeCodePoint(rtl[0].codePointAt(0)!);
    problems.push({
      index: rtl.index,
      message: `contains the right-to-left character ${cp} at position ${rtl.index} (Hebrew, Arabic …): Party documents are written left to right, and such text is not laid out`,
      messageVi: `chứa ký tự viết từ phải sang trái ${cp} ở vị trí ${rtl.index} (chữ Do Thái, Ả Rập …): văn bản của Đảng viết từ trái sang phải, không trình bày loại chữ này`,
      fatal: false,
    });
  }
  const marks = findLongMarkRun(text);
  if (marks !== -1) {
    problems.push({
      index: marks,
      message: `has more than ${MAX_COMBINING_MARKS} combining marks in a row at position ${marks} (the Unicode stream-safe limit, UAX #15)`,
      messageVi: `có hơn ${MAX_COMBINING_MARKS} dấu kết hợp liền nhau ở vị trí ${marks} (giới hạn an toàn của Unicode, UAX #15)`,
      fatal: true,
    });
  }
  if (!options.multiline) problems.push(...lineBreakProblems(text));
  return problems;
}

/**
 * The problem of a text (already normalised) that shows nothing: only invisible characters,
 * lone combining marks, or — where emphasis is read — markers around nothing (`****`).
 */
export function invisibilityProblem(text: string, options: { markup: boolean }): TextProblem | null {
  if (VISIBLE_BESIDES_MARKUP.test(text)) return null;
  if (VISIBLE.test(text) && (!options.markup || VISIBLE.test(plainText(parseInline(text))))) return null;
  return {
    index: 0,
    message: 'has no visible character (only invisible characters, combining marks or emphasis markers around nothing)',
    messageVi: 'không có ký tự nào hiển thị được (chỉ có ký tự ẩn, dấu kết hợp hoặc dấu nhấn mạnh bao quanh khoảng trống)',
    fatal: false,
  };
}

/** Memo of which BMP code units are combining marks: 0 not yet seen, 1 no, 2 yes. */
const bmpMark = new Uint8Array(0x10000);
const MARK = /^\p{M}$/u;

function isMark(codePoint: number): boolean {
  if (codePoint > 0xffff) return MARK.test(String.fromCodePoint(codePoint));
  let known = bmpMark[codePoint]!;
  if (known === 0) {
    known = MARK.test(String.fromCharCode(codePoint)) ? 2 : 1;
    bmpMark[codePoint] = known;
  }
  return known === 2;
}

/**
 * Where a run of more than MAX_COMBINING_MARKS combining marks starts, or -1. One pass over the
 * code units; no mark lies below U+0300, so ordinary text costs one comparison a character.
 */
function findLongMarkRun(text: string): number {
  let run = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x300) {
      run = 0;
      continue;
    }
    let codePoint = unit;
    const at = i;
    if (unit >= 0xd800 && unit < 0xdc00 && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low < 0xe000) {
        codePoint = (unit - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    if (!isMark(codePoint)) {
      run = 0;
      continue;
    }
    if (run === 0) start = at;
    run += 1;
    if (run > MAX_COMBINING_MARKS) return start;
  }
  return -1;
}

import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { Bilingual } from './handlebars-errors.js';

type ErrorName = ReturnType<typeof printParseErrorCode>;

const WORDS: Partial<Record<ErrorName, { en: string; vi: string }>> = {
  CommaExpected: { en: 'a comma (,) is missing between two values', vi: 'thiếu dấu phẩy (,) giữa hai giá trị' },
  CloseBraceExpected: { en: 'a comma or a } is missing', vi: 'thiếu dấu phẩy hoặc dấu }' },
  CloseBracketExpected: { en: 'a comma or a ] is missing', vi: 'thiếu dấu phẩy hoặc dấu ]' },
  ColonExpected: { en: 'a colon (:) is missing after the key', vi: 'thiếu dấu hai chấm (:) sau tên khóa' },
  PropertyNameExpected: { en: 'a key in double quotes was expected here (no comma may come before a })', vi: 'cần tên khóa trong dấu ngoặc kép ở đây (không được có dấu phẩy ngay trước })' },
  ValueExpected: { en: 'a value was expected here (no comma may come before a } or ])', vi: 'cần một giá trị ở đây (không được có dấu phẩy ngay trước } hoặc ])' },
  InvalidSymbol: { en: 'a character JSON does not allow here (text takes double quotes)', vi: 'ký tự JSON không cho phép ở đây (chuỗi phải nằm trong dấu ngoặc kép)' },
  UnexpectedEndOfString: { en: 'a text is not closed with "', vi: 'chuỗi không có dấu " đóng lại' },
  EndOfFileExpected: { en: 'there is more after the end of the object', vi: 'còn nội dung sau khi đối tượng đã kết thúc' },
  InvalidCommentToken: { en: 'comments are not allowed', vi: 'không được viết chú thích' },
  UnexpectedEndOfComment: { en: 'comments are not allowed', vi: 'không được viết chú thích' },
  InvalidNumberFormat: { en: 'a number is not written as JSON writes numbers', vi: 'số viết không đúng dạng JSON' },
  InvalidEscapeCharacter: { en: 'a backslash escape JSON does not know', vi: 'ký tự thoát sau dấu \\ không hợp lệ' },
  InvalidCharacter: { en: 'a control character inside a text', vi: 'ký tự điều khiển nằm trong chuỗi' },
};

/**
 * Where a profile.json that is not JSON goes wrong, as an editor counts: line and column from 1.
 * JSON.parse says at most a character offset; jsonc-parser, strict as JSON, finds the place.
 */
export function describeJsonSyntax(text: string, fallback: string): Bilingual {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (first === undefined) return { en: `is not valid JSON: ${fallback}`, vi: `không phải JSON hợp lệ: ${fallback}` };
  const before = text.slice(0, first.offset);
  const line = before.split('\n').length;
  const column = first.offset - before.lastIndexOf('\n');
  const name = printParseErrorCode(first.error);
  const words = WORDS[name] ?? { en: name, vi: name };
  return { en: `is not valid JSON: line ${line}, column ${column}: ${words.en}`, vi: `không phải JSON hợp lệ: dòng ${line}, cột ${column}: ${words.vi}` };
}

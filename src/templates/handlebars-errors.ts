import { nearestKey } from '../schema/errors.js';

/** What is wrong, in English and in Vietnamese. */
export interface Bilingual {
  en: string;
  vi: string;
}

/**
 * Handlebars' own messages speak of its grammar ("Expecting 'OPEN_INVERSE_CHAIN', 'INVERSE',
 * 'OPEN_ENDBLOCK', got 'EOF'"). A maintainer needs the tag and the line: "`{{#if}}` opened at
 * line 3 is never closed". The template's tags are read again here, only to explain an error
 * Handlebars has found; anything not recognised keeps Handlebars' words, with the line.
 */

interface Tag {
  kind: 'open' | 'close' | 'else' | 'other';
  name: string;
  line: number;
  column: number;
}

/** The block tags of a template, comments skipped; `unclosed` is a `{{` never closed with `}}`. */
function scanTags(source: string): { tags: Tag[]; unclosed?: { line: number; column: number } } {
  const tags: Tag[] = [];
  let i = 0;
  for (;;) {
    const start = source.indexOf('{{', i);
    if (start < 0) return { tags };
    if (start > 0 && source[start - 1] === '\\') {
      i = start + 2;
      continue;
    }
    const at = position(source, start);
    const longComment = source.startsWith('{{!--', start) || source.startsWith('{{~!--', start);
    const end = longComment ? source.indexOf('--', start + 5) : source.indexOf('}}', start + 2);
    const close = longComment && end >= 0 ? source.indexOf('}}', end) : end;
    if (close < 0) return { tags, unclosed: at };
    const body = source.slice(start + 2, close).replace(/^\{?~?\s*/, '');
    const kind = body.startsWith('#') || body.startsWith('^') ? 'open' : body.startsWith('/') ? 'close' : /^else\b/.test(body) ? 'else' : 'other';
    const name = kind === 'open' || kind === 'close' ? (/^[#^/]\*?\s*([^\s}~]*)/.exec(body)?.[1] ?? '') : kind === 'else' && /^else\s+\S/.test(body) ? 'chain' : '';
    tags.push({ kind, name, ...at });
    i = close + 2;
  }
}

function position(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** The first block closed by the wrong tag or by none, a close that closes nothing, or a misplaced else. */
function blockProblem(tags: Tag[]): Bilingual | undefined {
  const open: Tag[] = [];
  const elses: number[] = [];
  for (const tag of tags) {
    if (tag.kind === 'open') {
      open.push(tag);
      elses.push(0);
    } else if (tag.kind === 'else') {
      // `{{else if …}}` chains a block of its own: any number of them may follow each other
      const chained = elses.length > 0 && tag.name === 'chain';
      if (elses.length === 0 || (!chained && ++elses[elses.length - 1]! > 1)) {
        return {
          en: `line ${tag.line}, column ${tag.column}: {{else}} outside a block, or a second {{else}} in one`,
          vi: `dòng ${tag.line}, cột ${tag.column}: {{else}} nằm ngoài khối, hoặc một khối có hai {{else}}`,
        };
      }
    } else if (tag.kind === 'close') {
      elses.pop();
      const block = open.pop();
      if (block === undefined) {
        return {
          en: `line ${tag.line}: {{/${tag.name}}} closes no block (no {{#${tag.name}}} is open there)`,
          vi: `dòng ${tag.line}: {{/${tag.name}}} không đóng khối nào (không có {{#${tag.name}}} đang mở)`,
        };
      }
      if (block.name !== tag.name) {
        return {
          en: `line ${tag.line}: {{/${tag.name}}} closes {{#${block.name}}} opened at line ${block.line}; write {{/${block.name}}}`,
          vi: `dòng ${tag.line}: {{/${tag.name}}} đóng khối {{#${block.name}}} mở ở dòng ${block.line}; hãy viết {{/${block.name}}}`,
        };
      }
    }
  }
  const unclosed = open.at(-1);
  if (unclosed === undefined) return undefined;
  return {
    en: `{{#${unclosed.name}}} opened at line ${unclosed.line} is never closed: add {{/${unclosed.name}}}`,
    vi: `{{#${unclosed.name}}} mở ở dòng ${unclosed.line} không được đóng: thêm {{/${unclosed.name}}}`,
  };
}

/** A Handlebars compile or render error in plain words, English and Vietnamese, with its line. */
export function explainHandlebarsError(error: unknown, source: string, helperNames: readonly string[]): Bilingual {
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split('\n')[0] ?? message;

  const unknownHelper = /^You specified knownHelpersOnly, but used the unknown helper (\S+) - (\d+):(\d+)$/.exec(firstLine);
  if (unknownHelper) {
    const [, name, line, column] = unknownHelper;
    const where = { en: `line ${line}, column ${Number(column) + 1}`, vi: `dòng ${line}, cột ${Number(column) + 1}` };
    const meant = nearestKey(name!, helperNames);
    const list = helperNames.join(', ');
    return {
      en: `${where.en}: there is no helper ${name}${meant ? `; did you mean ${meant}?` : ''} (the helpers are ${list}; the blocks if, unless, each, with)`,
      vi: `${where.vi}: không có hàm ${name}${meant ? `; có phải là ${meant}?` : ''} (các hàm có sẵn: ${list}; các khối if, unless, each, with)`,
    };
  }

  const notDefined = /^"([^"]+)" not defined in .* - (\d+):(\d+)$/.exec(firstLine);
  if (notDefined) {
    const [, name, line, column] = notDefined;
    return {
      en: `line ${line}, column ${Number(column) + 1}: "${name}" is not defined`,
      vi: `dòng ${line}, cột ${Number(column) + 1}: "${name}" không có giá trị`,
    };
  }

  const mismatch = /^(\S+) doesn't match (\S+) - (\d+):(\d+)$/.exec(firstLine);
  const parse = /^Parse error on line (\d+):/.exec(message);
  if (mismatch || parse) {
    const { tags, unclosed } = scanTags(source);
    if (unclosed) {
      return {
        en: `line ${unclosed.line}, column ${unclosed.column}: {{ is never closed with }}`,
        vi: `dòng ${unclosed.line}, cột ${unclosed.column}: {{ không có }} đóng lại`,
      };
    }
    const blocks = blockProblem(tags);
    if (blocks) return blocks;
    const line = Number(parse?.[1] ?? mismatch?.[3]);
    // the parser's message ends "Expecting 'CLOSE_UNESCAPED', …, got 'CLOSE'"
    const token = /got '(\w+)'$/.exec(message)?.[1];
    if (token === 'CLOSE' && /'CLOSE_UNESCAPED'/.test(message)) {
      return { en: `line ${line}: a tag opened with {{{ closes with }}}`, vi: `dòng ${line}: thẻ mở bằng {{{ phải đóng bằng }}}` };
    }
    const excerpt = message.split('\n').slice(1, 3).join('\n');
    return {
      en: `line ${line}: a {{…}} tag is not written as Handlebars reads it\n${excerpt}`,
      vi: `dòng ${line}: thẻ {{…}} viết sai cú pháp Handlebars\n${excerpt}`,
    };
  }

  const position = / - (\d+):(\d+)$/.exec(firstLine);
  if (position) {
    const text = firstLine.slice(0, position.index);
    return { en: `line ${position[1]}, column ${Number(position[2]) + 1}: ${text}`, vi: `dòng ${position[1]}, cột ${Number(position[2]) + 1}: ${text}` };
  }
  return { en: firstLine, vi: `lỗi trong mẫu văn bản: ${firstLine}` };
}

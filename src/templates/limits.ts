import { TemplateError } from './errors.js';

/**
 * The largest template and profile files read. A template is one phrase and a profile a page of
 * values (the shipped files are at most 5 KiB), so these leave tenfold room and more, while a
 * wrong file (a log, a dump named `title.hbs`) fails at once: Handlebars needs about 2 s and
 * 300 MB to compile 256 KiB of `{{…}}`, and a 64 KiB template at most half a second.
 */
export const MAX_TEMPLATE_BYTES = 64 * 1024;
export const MAX_PROFILE_BYTES = 64 * 1024;

function describeSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  return `${Math.ceil(bytes / 1024)} KiB`;
}

export function tooLarge(file: string, bytes: number, kind: 'template' | 'profile'): TemplateError {
  const limit = describeSize(kind === 'template' ? MAX_TEMPLATE_BYTES : MAX_PROFILE_BYTES);
  return new TemplateError(file, `is ${describeSize(bytes)}; a ${kind} file may be at most ${limit}`, {
    detailVi: `có dung lượng ${describeSize(bytes)}; tệp ${kind === 'template' ? 'mẫu' : 'hồ sơ'} không được lớn hơn ${limit}`,
  });
}

/** The UTF-8 size of a text, counted without encoding it. */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit < 0xdc00 && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * A template or profile text from any source (a folder checks a file's size before reading it;
 * text held in memory is checked here), refused when over its limit.
 */
export function withinSizeLimit(text: string, file: string, kind: 'template' | 'profile'): string {
  const limit = kind === 'template' ? MAX_TEMPLATE_BYTES : MAX_PROFILE_BYTES;
  // A UTF-16 code unit is at most three bytes of UTF-8: only a text that may be too large is counted.
  if (text.length * 3 > limit) {
    const bytes = utf8Bytes(text);
    if (bytes > limit) throw tooLarge(file, bytes, kind);
  }
  return text;
}

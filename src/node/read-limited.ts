import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { MAX_PROFILE_BYTES, MAX_TEMPLATE_BYTES, tooLarge } from '../templates/limits.js';
import { TemplateError } from '../templates/errors.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a template or profile file as UTF-8 text: its size is checked before any of it is read
 * (and no more than the limit is ever read, should it grow meanwhile). A leading byte-order mark,
 * which some editors write, is dropped.
 */
export function readLimitedText(path: string, kind: 'template' | 'profile'): string {
  const maxBytes = kind === 'template' ? MAX_TEMPLATE_BYTES : MAX_PROFILE_BYTES;
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw unreadable(path, error);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) {
      const folder = stats.isDirectory();
      throw new TemplateError(path, `cannot be read: it is ${folder ? 'a folder' : 'not a regular file'}`, { detailVi: `không đọc được: đây là ${folder ? 'một thư mục' : 'không phải tệp thông thường'}` });
    }
    const tooBig = () => tooLarge(path, stats.size, kind);
    if (stats.size > maxBytes) throw tooBig();
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    for (let read = -1; read !== 0 && length < buffer.length; length += read) {
      read = readSync(fd, buffer, length, buffer.length - length, null);
    }
    if (length > maxBytes) throw tooBig();
    let text: string;
    try {
      text = utf8.decode(buffer.subarray(0, length));
    } catch {
      throw new TemplateError(path, 'is not valid UTF-8 text', { detailVi: 'không phải văn bản UTF-8 hợp lệ' });
    }
    return text.startsWith('\uFEFF') ? text.slice(1) : text;
  } catch (error) {
    if (error instanceof TemplateError) throw error;
    throw unreadable(path, error);
  } finally {
    closeSync(fd);
  }
}

function unreadable(path: string, error: unknown): TemplateError {
  const reason = (error as Error).message;
  return new TemplateError(path, `cannot be read: ${reason}`, { detailVi: `không đọc được: ${reason}` });
}

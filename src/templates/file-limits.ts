import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { TemplateError } from './errors.js';

/**
 * The largest template and profile files read. A template is one phrase and a profile a page of
 * values (the shipped files are at most 5 KiB), so these leave tenfold room and more, while a
 * wrong file (a log, a dump named `title.hbs`) fails at once: Handlebars needs about 2 s and
 * 300 MB to compile 256 KiB of `{{…}}`, and a 64 KiB template at most half a second.
 */
export const MAX_TEMPLATE_BYTES = 64 * 1024;
export const MAX_PROFILE_BYTES = 64 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

function describeSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  return `${Math.ceil(bytes / 1024)} KiB`;
}

/**
 * Reads a template or profile file as UTF-8 text: its size is checked before any of it is read
 * (and no more than the limit is ever read, should it grow meanwhile). A leading byte-order mark,
 * which some editors write, is dropped.
 */
export function readLimitedText(path: string, maxBytes: number, kind: 'template' | 'profile'): string {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw new TemplateError(path, `cannot be read: ${(error as Error).message}`);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new TemplateError(path, `cannot be read: it is ${stats.isDirectory() ? 'a folder' : 'not a regular file'}`);
    const tooBig = () => new TemplateError(path, `is ${describeSize(stats.size)}; a ${kind} file may be at most ${describeSize(maxBytes)}`);
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
      throw new TemplateError(path, 'is not valid UTF-8 text');
    }
    return text.startsWith('\uFEFF') ? text.slice(1) : text;
  } catch (error) {
    if (error instanceof TemplateError) throw error;
    throw new TemplateError(path, `cannot be read: ${(error as Error).message}`);
  } finally {
    closeSync(fd);
  }
}

import { readFileSync } from 'node:fs';
import { SigningError } from '../sign/errors.js';

/**
 * The signing options' files, read for the IO-free core: a path becomes the file's bytes, bytes
 * stay as they are. A file that cannot be read is a SigningError naming the option and the path.
 */
export function bytesOrFile<T extends Uint8Array | string | undefined>(option: string, value: T): Exclude<T, string> {
  if (typeof value !== 'string') return value as Exclude<T, string>;
  try {
    return new Uint8Array(readFileSync(value)) as Exclude<T, string>;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    const reasonVi = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'không có tệp này' : (error as Error).message;
    throw new SigningError(`${option}: cannot read ${value}: ${reason}`, `${option}: không đọc được ${value}: ${reasonVi}`, { cause: error });
  }
}

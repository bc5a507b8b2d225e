import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../node/package-paths.js';

/** The version in the package's package.json, read at run time (the same from src/ and dist/). */
export function packageVersion(): string {
  try {
    const json = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version?: unknown };
    return typeof json.version === 'string' ? json.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

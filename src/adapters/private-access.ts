/**
 * Whether the adapters in this folder may use a dependency's private members for speed. Each one
 * has a public fallback that gives the same bytes; switching them off here (or with the
 * environment variable KET_LUAN_PUBLIC_ONLY=1, read once when this module loads) runs the
 * fallbacks, which is how the tests prove they still work. Read through globalThis so that the
 * core needs no Node built-in.
 */
const environment = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
let allowed = environment?.KET_LUAN_PUBLIC_ONLY !== '1';

export function privateAccessAllowed(): boolean {
  return allowed;
}

/** Switches the private paths on or off for what is rendered from now on. */
export function allowPrivateAccess(on: boolean): void {
  allowed = on;
}

/**
 * The PDF's trailer /ID is the first 16 bytes of the SHA-256 of the file with the ID zeroed: the
 * same from Node's crypto, from the platform's Web Crypto where there is no Node, and from the
 * JavaScript fallback a platform without either gets.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renderConclusion } from '../../src/index.js';
import { ROOT } from '../helpers/cli.js';

const example = JSON.parse(readFileSync(join(ROOT, 'examples', 'cho-chu-2024-11.json'), 'utf8'));
const webCrypto = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
const builtinModule = Object.getOwnPropertyDescriptor(process, 'getBuiltinModule');

/** As in a runtime that is not Node: no process.getBuiltinModule. */
function hideNodeCrypto(): void {
  Object.defineProperty(process, 'getBuiltinModule', { value: undefined, configurable: true, writable: true });
}

/** The trailer's two IDs, and the file's SHA-256 with them zeroed (by node:crypto, not the code under test). */
function idsAndDigest(pdf: Uint8Array): { ids: string[]; digest: string } {
  const text = Buffer.from(pdf).toString('latin1');
  const match = /\/ID \[<([0-9a-f]+)> <([0-9a-f]+)>\]\s*>>\s*startxref\s*\d+\s*%%EOF\s*$/.exec(text);
  if (!match) throw new Error('no trailer /ID');
  const zeroed = text.slice(0, match.index) + match[0].replace(/<[0-9a-f]+>/g, (id) => `<${'0'.repeat(id.length - 2)}>`);
  return { ids: [match[1]!, match[2]!], digest: createHash('sha256').update(Buffer.from(zeroed, 'latin1')).digest('hex') };
}

afterEach(() => {
  if (webCrypto) Object.defineProperty(globalThis, 'crypto', webCrypto);
  if (builtinModule) Object.defineProperty(process, 'getBuiltinModule', builtinModule);
});

describe('the PDF trailer /ID', () => {
  it('is the SHA-256 of the file with the ID zeroed, both IDs alike', async () => {
    // the Node this runs on offers node:crypto to the core (Node 20.16, 22.3 and later)
    expect(typeof process.getBuiltinModule).toBe('function');
    const { ids, digest } = idsAndDigest(await renderConclusion(example, { format: 'pdf' }));
    expect(ids[0]).toHaveLength(32);
    expect(ids).toEqual([digest.slice(0, 32), digest.slice(0, 32)]);
  });

  it('is the same, and so are the bytes, where the platform is not Node (Web Crypto) or has no Web Crypto either', async () => {
    const inNode = await renderConclusion(example, { format: 'pdf' });
    hideNodeCrypto();
    const withWebCrypto = await renderConclusion(example, { format: 'pdf' });
    expect(Buffer.from(withWebCrypto).equals(Buffer.from(inNode))).toBe(true);
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true, writable: true });
    const without = await renderConclusion(example, { format: 'pdf' });
    expect(globalThis.crypto).toBeUndefined();
    expect(Buffer.from(without).equals(Buffer.from(inNode))).toBe(true);
    const { ids, digest } = idsAndDigest(without);
    expect(ids[0]).toBe(digest.slice(0, 32));
  });
});

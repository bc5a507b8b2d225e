/**
 * The PDF's trailer /ID is the first 16 bytes of the SHA-256 of the file with the ID zeroed: the
 * same from the platform's Web Crypto and from the JavaScript fallback a platform without it gets.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renderConclusion } from '../../src/index.js';
import { ROOT } from '../helpers/cli.js';

const example = JSON.parse(readFileSync(join(ROOT, 'examples', 'cho-chu-2024-11.json'), 'utf8'));
const webCrypto = Object.getOwnPropertyDescriptor(globalThis, 'crypto');

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
});

describe('the PDF trailer /ID', () => {
  it('is the SHA-256 of the file with the ID zeroed, both IDs alike', async () => {
    const { ids, digest } = idsAndDigest(await renderConclusion(example, { format: 'pdf' }));
    expect(ids[0]).toHaveLength(32);
    expect(ids).toEqual([digest.slice(0, 32), digest.slice(0, 32)]);
  });

  it('is the same, and so are the bytes, where the platform has no Web Crypto', async () => {
    const withWebCrypto = await renderConclusion(example, { format: 'pdf' });
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true, writable: true });
    const without = await renderConclusion(example, { format: 'pdf' });
    expect(globalThis.crypto).toBeUndefined();
    expect(Buffer.from(without).equals(Buffer.from(withWebCrypto))).toBe(true);
    const { ids, digest } = idsAndDigest(without);
    expect(ids[0]).toBe(digest.slice(0, 32));
  });
});

/**
 * Run by test/runtimes/node-runtimes.test.ts under each Node.js runtime: renders the example to
 * DOCX, PDF and PDF/A and prints the runtime's version and each file's SHA-256 as one JSON line.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { renderConclusion } from '../../src/index.js';

const example: unknown = JSON.parse(readFileSync(new URL('../../examples/cho-chu-2024-11.json', import.meta.url), 'utf8'));
const digest = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const outputs = {
  docx: await renderConclusion(example, { format: 'docx' }),
  pdf: await renderConclusion(example, { format: 'pdf' }),
  pdfa: await renderConclusion(example, { format: 'pdf', pdfa: true }),
};
console.log(
  JSON.stringify({
    version: process.version,
    sizes: Object.fromEntries(Object.entries(outputs).map(([name, bytes]) => [name, bytes.length])),
    digests: Object.fromEntries(Object.entries(outputs).map(([name, bytes]) => [name, digest(bytes)])),
  }),
);

/**
 * `ket-luan/core` runs without Node: its build (dist/core.js, as tsup makes it) bundles for the
 * browser with esbuild and no shim for any Node built-in, and the bundle renders the example in a
 * bare JavaScript realm (node:vm, with only what a browser page has) to the same DOCX bytes and
 * the same PDF text as the main entry.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderConclusion } from '../src/index.js';
import { runNode } from './helpers/cli.js';
import { pdfText } from './helpers/pdf-text.js';

const ROOT = join(import.meta.dirname, '..');
const out = mkdtempSync(join(tmpdir(), 'ket-luan-core-bundle-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** What the IO-free core's caller provides: the template files' text and the fonts' bytes. */
function templateFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  const root = join(ROOT, 'templates');
  for (const profile of readdirSync(root, { withFileTypes: true })) {
    if (!profile.isDirectory()) continue;
    for (const file of readdirSync(join(root, profile.name))) files[`${profile.name}/${file}`] = readFileSync(join(root, profile.name, file), 'utf8');
  }
  return files;
}

function fontBytes(): Record<'normal' | 'bold' | 'italics' | 'bolditalics', Uint8Array> {
  const face = (file: string) => new Uint8Array(readFileSync(join(ROOT, 'fonts', 'liberation-serif', file)));
  return {
    normal: face('LiberationSerif-Regular.ttf'),
    bold: face('LiberationSerif-Bold.ttf'),
    italics: face('LiberationSerif-Italic.ttf'),
    bolditalics: face('LiberationSerif-BoldItalic.ttf'),
  };
}

let coreFile: string;

beforeAll(async () => {
  symlinkSync(join(ROOT, 'node_modules'), join(out, 'node_modules'), 'dir');
  // The project's own tsup.config.ts, for the core entry alone, without the (slow) type declarations.
  const config = join(out, 'tsup.core-config.mjs');
  writeFileSync(
    config,
    `import base from ${JSON.stringify(join(ROOT, 'tsup.config.ts'))};\n` +
      `export default { ...base, entry: { core: ${JSON.stringify(join(ROOT, 'src', 'core.ts'))} }, format: ['esm'], dts: false, sourcemap: false, outDir: ${JSON.stringify(join(out, 'dist'))} };\n`,
  );
  const result = await runNode([join(ROOT, 'node_modules', 'tsup', 'dist', 'cli-default.js')], ['--config', config], ROOT);
  if (result.code !== 0) throw new Error(`the build failed: ${result.stderr}`);
  coreFile = join(out, 'dist', 'core.js');
});

describe('ket-luan/core in a browser bundle', () => {
  it('dist/core.js bundles with esbuild --platform=browser, with no Node built-in among its inputs', async () => {
    const result = await build({ entryPoints: [coreFile], bundle: true, platform: 'browser', format: 'esm', write: false, metafile: true, logLevel: 'silent' });
    expect(result.errors).toEqual([]);
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((input) => /^(node:|fs$|path$|zlib$|crypto$|stream$|worker_threads$|events$|url$)/.test(input))).toEqual([]);
    // the browser builds of the dependencies were taken, not their Node builds
    expect(inputs.some((input) => input.includes('pdfkit/js/pdfkit.browser'))).toBe(true);
  });

  it('renders the example in a realm without Node (no require, process or Buffer): DOCX bytes and PDF text as the main entry makes them', async () => {
    const bundle = await build({
      entryPoints: [coreFile],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      globalName: 'ketLuan',
      write: false,
      logLevel: 'silent',
      // a page's address: pdfkit refers to its PDF/A colour profile relative to its own module
      define: { 'import.meta.url': '"https://example.invalid/app.js"' },
    });
    const realm = vm.createContext({ TextEncoder, TextDecoder, URL, atob, btoa, console, setTimeout, clearTimeout, queueMicrotask });
    vm.runInContext(bundle.outputFiles[0]!.text, realm);
    const core = realm.ketLuan as typeof import('../src/core.js');
    expect(vm.runInContext('typeof process + typeof Buffer + typeof require', realm)).toBe('undefinedundefinedundefined');

    const input = JSON.parse(readFileSync(join(ROOT, 'examples', 'cho-chu-2024-11.json'), 'utf8'));
    const templates = core.templateSetFromFiles(templateFiles());
    const fonts = fontBytes();
    const docx = await core.renderConclusion(input, { format: 'docx', templates, fonts });
    const pdf = await core.renderConclusion(input, { format: 'pdf', templates, fonts });

    expect(Buffer.from(docx).equals(Buffer.from(await renderConclusion(input, { format: 'docx' })))).toBe(true);
    // the same text, line for line; the bytes differ only as pdfkit's browser build compresses with fflate
    expect(await pdfText(pdf)).toBe(await pdfText(await renderConclusion(input, { format: 'pdf' })));
  });
});

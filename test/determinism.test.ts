/**
 * Determinism: the same input and options always give the same bytes — twice in one process,
 * with the clock set to another day, and in a fresh process (per-process randomness such as
 * random ids or a document ID seeded from the time; a different time zone and locale too).
 * A different document date gives different bytes.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderConclusion, type RenderOptions } from '../src/index.js';

const exec = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SRC_INDEX = fileURLToPath(new URL('../src/index.ts', import.meta.url));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** The shipped example, with every optional mark added so every code path that prints one runs. */
const INPUT: Json = (() => {
  const input = JSON.parse(readFileSync(new URL('../examples/cho-chu-2024-11.json', import.meta.url), 'utf8'));
  input.number.sequence = 45;
  input.marks = { secrecy: 'MẬT', urgency: 'KHẨN', circulation: 'Lưu hành nội bộ', draft: true };
  return input;
})();

/** Every kind of output: both formats, PDF/A, the other profile. */
const VARIANTS: { name: string; options: RenderOptions }[] = [
  { name: 'docx', options: { format: 'docx' } },
  { name: 'pdf', options: { format: 'pdf' } },
  { name: 'pdf, PDF/A', options: { format: 'pdf', pdfa: true } },
  { name: 'docx, thong-bao-hd36', options: { format: 'docx', profile: 'thong-bao-hd36' } },
  { name: 'pdf, thong-bao-hd36', options: { format: 'pdf', profile: 'thong-bao-hd36' } },
];

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Where two outputs first differ, for a failure message worth reading. */
function firstDifference(a: Uint8Array, b: Uint8Array): string {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) {
      const around = (x: Uint8Array) => JSON.stringify(Buffer.from(x.subarray(Math.max(0, i - 40), i + 40)).toString('latin1'));
      return `first difference at byte ${i} of ${a.length}/${b.length}:\n  ${around(a)}\n  ${around(b)}`;
    }
  }
  return a.length === b.length ? 'identical' : `one is a prefix of the other (${a.length} vs ${b.length} bytes)`;
}

function expectSameBytes(a: Uint8Array, b: Uint8Array, what: string): void {
  if (sha256(a) !== sha256(b)) throw new Error(`${what}: outputs differ; ${firstDifference(a, b)}`);
}

/** The first render of each variant, which every other render is compared with. */
const references = new Map<string, Promise<Uint8Array>>();
function reference(name: string): Promise<Uint8Array> {
  let bytes = references.get(name);
  if (bytes === undefined) {
    bytes = renderConclusion(INPUT, VARIANTS.find((v) => v.name === name)!.options);
    references.set(name, bytes);
  }
  return bytes;
}

describe('the same input and options give byte-identical files', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each(VARIANTS.map((v) => [v.name, v]))('%s: rendered again in the same process', async (_, v) => {
    expectSameBytes(await reference(v.name), await renderConclusion(INPUT, v.options), v.name);
  });

  it.each(VARIANTS.map((v) => [v.name, v]))('%s: with the clock faked to another date and time', async (_, v) => {
    const real = await reference(v.name);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-07-15T23:59:58.123Z'));
    expect(new Date().getUTCFullYear()).toBe(2031);
    const bytes = await renderConclusion(INPUT, v.options);
    vi.useRealTimers();
    expectSameBytes(real, bytes, `${v.name} (clock at 2031-07-15)`);
  });

  it.each(VARIANTS.map((v) => [v.name, v]))('%s: from a structurally equal copy of the input, keys in another order', async (_, v) => {
    const reversed = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reversed)
        : typeof value === 'object' && value !== null
          ? Object.fromEntries(Object.entries(value).reverse().map(([k, x]) => [k, reversed(x)]))
          : value;
    expectSameBytes(await reference(v.name), await renderConclusion(reversed(INPUT), v.options), `${v.name} (keys reversed)`);
  });

  it('two renders running at the same time give the same bytes as one alone', async () => {
    const results = await Promise.all(VARIANTS.flatMap((v) => [renderConclusion(INPUT, v.options), renderConclusion(INPUT, v.options)]));
    for (const [i, v] of VARIANTS.entries()) {
      expectSameBytes(await reference(v.name), results[2 * i]!, `${v.name} (concurrent, first)`);
      expectSameBytes(await reference(v.name), results[2 * i + 1]!, `${v.name} (concurrent, second)`);
    }
  });
});

describe('a fresh process gives the same bytes', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ket-luan-determinism-'));
    await writeFile(join(dir, 'input.json'), JSON.stringify(INPUT));
    await writeFile(join(dir, 'variants.json'), JSON.stringify(VARIANTS));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** Renders every variant in `node --import tsx -e …`, with extra environment variables. */
  async function renderInChild(env: Record<string, string>, tag: string): Promise<Map<string, Uint8Array>> {
    const script = `
      import { readFileSync, writeFileSync } from 'node:fs';
      import { pathToFileURL } from 'node:url';
      const { renderConclusion } = await import(pathToFileURL(process.env.KL_SRC_INDEX).href);
      const input = JSON.parse(readFileSync(process.env.KL_DIR + '/input.json', 'utf8'));
      const variants = JSON.parse(readFileSync(process.env.KL_DIR + '/variants.json', 'utf8'));
      for (const [i, v] of variants.entries()) {
        writeFileSync(process.env.KL_DIR + '/' + process.env.KL_TAG + '-' + i + '.out', await renderConclusion(input, v.options));
      }
    `;
    await exec(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: ROOT,
      env: { ...process.env, ...env, KL_SRC_INDEX: SRC_INDEX, KL_DIR: dir, KL_TAG: tag },
      timeout: 240_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    const out = new Map<string, Uint8Array>();
    for (const [i, v] of VARIANTS.entries()) out.set(v.name, new Uint8Array(await readFile(join(dir, `${tag}-${i}.out`))));
    return out;
  }

  it('node --import tsx -e …, same environment', async () => {
    const child = await renderInChild({}, 'same');
    for (const v of VARIANTS) expectSameBytes(await reference(v.name), child.get(v.name)!, `${v.name} (child process)`);
  }, 240_000);

  it('node --import tsx -e …, another time zone (UTC+14) and locale', async () => {
    const child = await renderInChild({ TZ: 'Pacific/Kiritimati', LANG: 'vi_VN.UTF-8', LC_ALL: 'vi_VN.UTF-8' }, 'tz');
    for (const v of VARIANTS) expectSameBytes(await reference(v.name), child.get(v.name)!, `${v.name} (child process, TZ=Pacific/Kiritimati)`);
  }, 240_000);

  it('node --import tsx -e …, a time zone behind UTC (UTC−10)', async () => {
    const child = await renderInChild({ TZ: 'Pacific/Honolulu' }, 'tzwest');
    for (const v of VARIANTS) expectSameBytes(await reference(v.name), child.get(v.name)!, `${v.name} (child process, TZ=Pacific/Honolulu)`);
  }, 240_000);
});

describe('a different document date gives different bytes', () => {
  it.each(VARIANTS.map((v) => [v.name, v]))('%s: 2024-10-29 → 2024-10-30', async (_, v) => {
    const other = { ...structuredClone(INPUT), date: '2024-10-30' };
    const bytes = await renderConclusion(other, v.options);
    expect(sha256(bytes)).not.toBe(sha256(await reference(v.name)));
  });

  it('the DOCX package stamps the document date, not the time of rendering', async () => {
    // docProps/core.xml carries the date at midday UTC; the zip entries carry it as a DOS time.
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(await reference('docx'));
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2024-10-29T12:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2024-10-29T12:00:00Z</dcterms:modified>');
    for (const entry of Object.values(zip.files)) {
      // JSZip reads the DOS fields as UTC, as the writer wrote them.
      const d = entry.date;
      expect([d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()], entry.name).toEqual([2024, 10, 29, 12, 0]);
    }
  });

  it.each(['pdf', 'pdf, PDF/A'])('%s states the document date (midday UTC) as its creation and modification dates, in Info and XMP', async (name) => {
    const pdf = await reference(name);
    const dir = await mkdtemp(join(tmpdir(), 'ket-luan-determinism-'));
    try {
      await writeFile(join(dir, 'x.pdf'), pdf);
      const { stdout } = await exec('pdfinfo', ['-isodates', join(dir, 'x.pdf')]);
      expect(stdout).toMatch(/^CreationDate:\s+2024-10-29T12:00:00Z$/m);
      expect(stdout).toMatch(/^ModDate:\s+2024-10-29T12:00:00Z$/m);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    // Every date in the XMP packet (written uncompressed) is the document's.
    const xmpDates = [...Buffer.from(pdf).toString('latin1').matchAll(/<xmp:(\w*Date)>([^<]*)</g)].map((m) => m[2]);
    for (const date of xmpDates) expect(date).toBe('2024-10-29T12:00:00Z');
  });
});

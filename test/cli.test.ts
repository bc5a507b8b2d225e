/**
 * The `ket-luan` command, run for real in a child process (`node --import tsx src/cli/main.ts`,
 * the current folder a fresh temporary one), and once built with tsup (dist/cli.js).
 * PDF is rendered only where a test needs it, and the tests run concurrently (each writes only
 * in its own temporary folder and mostly waits on child processes), to keep the suite fast.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ketLuan, ROOT, runNode } from './helpers/cli.js';

const EXAMPLE = join(ROOT, 'examples', 'cho-chu-2024-11.json');
const example = (): Record<string, unknown> => JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown>;

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ket-luan-cli-'));
  temps.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

function writeJson(path: string, value: unknown): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}

function withoutSignatureName(): Record<string, unknown> {
  const input = example();
  const { name: _name, ...signature } = input.signature as Record<string, unknown>;
  return { ...input, signature };
}

async function expectDocx(path: string): Promise<string> {
  expect(existsSync(path), `${path} exists`).toBe(true);
  const zip = await JSZip.loadAsync(readFileSync(path));
  const document = zip.file('word/document.xml');
  expect(document, `${path} holds word/document.xml`).not.toBeNull();
  return document!.async('string');
}

function expectPdf(path: string): void {
  expect(existsSync(path), `${path} exists`).toBe(true);
  const bytes = readFileSync(path);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(bytes.subarray(-32).toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
}

/** Temporary files (`.<name>.<pid>.<random>.tmp`) and anything else hidden. */
function strayFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => name.startsWith('.') || name.endsWith('.tmp'));
}

describe.concurrent('ket-luan render', () => {
  it('renders a batch in parallel, and one broken input fails alone', async () => {
    const cwd = tempDir();
    for (const name of ['2024-09', '2024-10', '2024-11']) cpSync(EXAMPLE, join(cwd, 'inputs', `${name}.json`));
    writeJson(join(cwd, 'inputs', 'broken.json'), withoutSignatureName());

    const run = await ketLuan(['render', 'inputs', '-o', 'out', '-j', '4'], cwd);

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/inputs\/broken\.json: signature\.name: \S/);
    expect(run.stderr).toContain('rendered inputs/2024-11.json → out/2024-11.docx, out/2024-11.pdf');
    expect(run.stderr).toMatch(/rendered 3, failed 1 in \d+\.\d s/);
    for (const name of ['2024-09', '2024-10', '2024-11']) {
      expect(await expectDocx(join(cwd, 'out', `${name}.docx`))).toContain('Ma Đình Dũng');
      expectPdf(join(cwd, 'out', `${name}.pdf`));
    }
    expect(readdirSync(join(cwd, 'out')).sort()).toEqual(['2024-09.docx', '2024-09.pdf', '2024-10.docx', '2024-10.pdf', '2024-11.docx', '2024-11.pdf']);
  });

  it('reads standard input for "-", writing stdin.docx', async () => {
    const cwd = tempDir();
    const run = await ketLuan(['render', '-', '-f', 'docx', '-o', 'out'], cwd, readFileSync(EXAMPLE, 'utf8'));
    expect(run.stderr).toContain('rendered stdin → out/stdin.docx');
    expect(run.code).toBe(0);
    await expectDocx(join(cwd, 'out', 'stdin.docx'));
    expect(readdirSync(join(cwd, 'out'))).toEqual(['stdin.docx']);
  });

  it('names a missing input and still renders the others; --quiet prints only errors', async () => {
    const cwd = tempDir();
    cpSync(EXAMPLE, join(cwd, 'a.json'));
    const run = await ketLuan(['render', 'a.json', 'missing.json', '-f', 'docx', '--quiet'], cwd);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe('missing.json: no such file or folder');
    await expectDocx(join(cwd, 'a.docx'));
  });

  it('exits 2 on usage errors, writing nothing', async () => {
    const cwd = tempDir();
    cpSync(EXAMPLE, join(cwd, 'a.json'));
    const runs = await Promise.all([
      ketLuan(['render', 'a.json', '--no-such-option'], cwd),
      ketLuan(['render'], cwd),
      ketLuan(['render', 'a.json', '-f', 'docx,odt'], cwd),
      ketLuan(['render', 'a.json', '-j', 'zero'], cwd),
      ketLuan(['frobnicate'], cwd),
    ]);
    for (const run of runs) expect(run.code, run.stderr).toBe(2);
    expect(runs[0]!.stderr).toContain("unknown option '--no-such-option'");
    expect(runs[1]!.stderr).toContain("missing required argument 'input'");
    expect(runs[2]!.stderr).toContain('unknown format "odt"');
    expect(readdirSync(cwd)).toEqual(['a.json']);
  });

  it('--help and --version exit 0', async () => {
    const cwd = tempDir();
    const [help, version] = await Promise.all([ketLuan(['render', '--help'], cwd), ketLuan(['--version'], cwd)]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--format <list>');
    expect(version.code).toBe(0);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(version.stdout.trim()).toBe(pkg.version);
  });

  it('writes all of an input or nothing, and leaves no temporary file, when an output cannot be written', async () => {
    const cwd = tempDir();
    cpSync(EXAMPLE, join(cwd, 'a.json'));
    mkdirSync(join(cwd, 'out', 'a.pdf'), { recursive: true }); // a folder where the PDF should go
    const run = await ketLuan(['render', 'a.json', '-o', 'out'], cwd);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('a.json: cannot write out/a.pdf');
    expect(readdirSync(join(cwd, 'out'))).toEqual(['a.pdf']); // no a.docx without its PDF
    expect(statSync(join(cwd, 'out', 'a.pdf')).isDirectory()).toBe(true);
    expect(strayFiles(join(cwd, 'out'))).toEqual([]);
  });
});

describe.concurrent('ket-luan validate', () => {
  it('names each missing field', async () => {
    const cwd = tempDir();
    const input = withoutSignatureName();
    delete input.place;
    writeJson(join(cwd, 'missing.json'), input);
    cpSync(EXAMPLE, join(cwd, 'good.json'));
    const run = await ketLuan(['validate', 'good.json', 'missing.json'], cwd);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('good.json: ok\n');
    expect(run.stderr).toMatch(/^missing\.json: place: \S/m);
    expect(run.stderr).toMatch(/^missing\.json: signature\.name: \S/m);
    expect(readdirSync(cwd).sort()).toEqual(['good.json', 'missing.json']);
  });

  it('names the line and column of a JSON syntax error', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'bad.json'), '{\n  "place": "Chợ Chu",\n  "date": "2024-10-29"\n  "meeting": { "month": 11, "year": 2024 }\n}\n');
    const run = await ketLuan(['validate', 'bad.json'], cwd);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("bad.json: line 4, column 3: invalid JSON: expected ',' or '}' after a property value");
  });

  it('validates what the templates need too', async () => {
    const cwd = tempDir();
    const input = example();
    delete input.meeting; // the schema allows this with full sections …
    delete input.summary; // … but then the summary template has no month to name
    writeJson(join(cwd, 'no-meeting.json'), input);
    const run = await ketLuan(['validate', 'no-meeting.json'], cwd);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^no-meeting\.json: summary: .*meeting/m);
  });
});

describe.concurrent('ket-luan init', () => {
  it('writes a starter for this month that validates and renders, and does not overwrite it', async () => {
    const cwd = tempDir();
    const init = await ketLuan(['init'], cwd);
    expect(init.code, init.stderr).toBe(0);
    const starter = JSON.parse(readFileSync(join(cwd, 'ket-luan.json'), 'utf8')) as { date: string; meeting: { month: number; year: number } };
    const today = new Date();
    expect(starter.meeting).toEqual({ month: today.getMonth() + 1, year: today.getFullYear() });
    expect(starter.date.slice(0, 7)).toBe(`${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}`);

    const again = await ketLuan(['init'], cwd);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('ket-luan.json already exists');
    const forced = await ketLuan(['init', '--force'], cwd);
    expect(forced.code).toBe(0);

    const [validate, render] = await Promise.all([ketLuan(['validate', 'ket-luan.json'], cwd), ketLuan(['render', 'ket-luan.json', '-f', 'docx', '-o', 'out'], cwd)]);
    expect(validate.stdout).toBe('ket-luan.json: ok\n');
    expect(validate.code).toBe(0);
    expect(render.code, render.stderr).toBe(0);
    expect(await expectDocx(join(cwd, 'out', 'ket-luan.docx'))).toContain('Nguyễn Văn A');
  });
});

describe.concurrent('ket-luan templates init', () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = tempDir();
    cpSync(EXAMPLE, join(cwd, 'a.json'));
    const run = await ketLuan(['templates', 'init', 'my-templates'], cwd);
    expect(run.code, run.stderr).toBe(0);
  });

  it('copies every profile, and refuses a folder that is not empty', async () => {
    expect(readdirSync(join(cwd, 'my-templates')).sort()).toEqual(readdirSync(join(ROOT, 'templates')).sort());
    for (const profile of readdirSync(join(ROOT, 'templates'))) {
      if (!statSync(join(ROOT, 'templates', profile)).isDirectory()) continue;
      expect(readdirSync(join(cwd, 'my-templates', profile)).sort()).toEqual(readdirSync(join(ROOT, 'templates', profile)).sort());
    }
    const again = await ketLuan(['templates', 'init', 'my-templates'], cwd);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('not empty');
  });

  it('renders with the edited copy', async () => {
    const copy = join(cwd, 'edited');
    cpSync(join(cwd, 'my-templates'), copy, { recursive: true });
    writeFileSync(join(copy, 'ket-luan-hd36', 'party.hbs'), 'ĐẢNG CỘNG SẢN VIỆT NAM (BẢN SỬA)\n');
    const run = await ketLuan(['render', 'a.json', '--templates', 'edited', '-f', 'docx', '-o', 'out-edited'], cwd);
    expect(run.code, run.stderr).toBe(0);
    expect(await expectDocx(join(cwd, 'out-edited', 'a.docx'))).toContain('(BẢN SỬA)');
  });

  it('stops before rendering anything when a template is broken, naming its file and line', async () => {
    const copy = join(cwd, 'broken');
    cpSync(join(cwd, 'my-templates'), copy, { recursive: true });
    writeFileSync(join(copy, 'ket-luan-hd36', 'title.hbs'), 'KẾT LUẬN\n{{#if issuer.name}}\nno closing tag\n');
    cpSync(EXAMPLE, join(cwd, 'b.json'));
    const run = await ketLuan(['render', 'a.json', 'b.json', '--templates', 'broken', '-o', 'out-broken'], cwd);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/broken\/ket-luan-hd36\/title\.hbs: line \d+/);
    expect(existsSync(join(cwd, 'out-broken'))).toBe(false);
  });
});

describe.concurrent('the built command (dist/cli.js)', () => {
  it('renders a batch with worker threads started from the bundle', async () => {
    // Build into a package-shaped temporary folder, not the shared dist/.
    const pkg = tempDir();
    for (const entry of ['package.json', 'templates', 'fonts']) cpSync(join(ROOT, entry), join(pkg, entry), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'), 'dir');
    // The project's own tsup.config.ts (one build or several), with the output moved and the (slow) type declarations left out.
    const config = join(pkg, 'tsup.test-config.mjs');
    writeFileSync(
      config,
      `import base from ${JSON.stringify(join(ROOT, 'tsup.config.ts'))};\n` +
        `export default [base].flat().map((config) => ({ ...config, dts: false, outDir: ${JSON.stringify(join(pkg, 'dist'))} }));\n`,
    );
    const build = await runNode([join(ROOT, 'node_modules', 'tsup', 'dist', 'cli-default.js')], ['--config', config], ROOT);
    expect(build.code, build.stderr).toBe(0);

    const cwd = tempDir();
    for (const name of ['x', 'y', 'z']) cpSync(EXAMPLE, join(cwd, `${name}.json`));
    const run = await runNode([join(pkg, 'dist', 'cli.js')], ['render', 'x.json', 'y.json', 'z.json', '-f', 'docx', '-j', '2'], cwd);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/rendered 3, failed 0/);
    for (const name of ['x', 'y', 'z']) await expectDocx(join(cwd, `${name}.docx`));
    expect(readFileSync(join(pkg, 'dist', 'cli.js'), 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
  });
});

/**
 * The `ket-luan` command. Most tests run it in this process (`ketLuan`: the command's own
 * `runCli`, its folder a fresh temporary one, its output captured), which is fast; those that
 * need a real process (worker threads, signals, a closed pipe) run the bundle tsup builds, built
 * once for this file. PDF is rendered only where a test needs it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ketLuan, ROOT, runNode, testEnv } from './helpers/cli.js';

const EXAMPLE = join(ROOT, 'examples', 'cho-chu-2024-11.json');
const MONTHLY = join(ROOT, 'examples', 'monthly', 'data');
const FONTS = join(ROOT, 'fonts', 'liberation-serif');
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

/** Every file under a folder, relative to it, sorted. */
function tree(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((p) => statSync(join(dir, p)).isFile()).sort();
}

/** The CLI bundle, built once (without type declarations) into a package-shaped temporary folder. */
let builtCli: Promise<string> | undefined;
function built(): Promise<string> {
  builtCli ??= (async () => {
    const pkg = tempDir();
    for (const entry of ['package.json', 'templates', 'fonts']) cpSync(join(ROOT, entry), join(pkg, entry), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'), 'dir');
    // The project's own tsup.config.ts, its command's build only, with the output moved and no type declarations.
    const config = join(pkg, 'tsup.test-config.mjs');
    writeFileSync(
      config,
      `import base from ${JSON.stringify(join(ROOT, 'tsup.config.ts'))};\n` +
        `export default [base].flat().filter((config) => 'cli' in (config.entry ?? {}))` +
        `.map((config) => ({ ...config, dts: false, sourcemap: false, outDir: ${JSON.stringify(join(pkg, 'dist'))} }));\n`,
    );
    const build = await runNode([join(ROOT, 'node_modules', 'tsup', 'dist', 'cli-default.js')], ['--config', config], ROOT);
    if (build.code !== 0) throw new Error(`the build failed: ${build.stderr}`);
    return join(pkg, 'dist', 'cli.js');
  })();
  return builtCli;
}
const ketLuanBuilt = async (args: string[], cwd: string, env?: NodeJS.ProcessEnv) => runNode([await built()], args, cwd, undefined, env);

describe.concurrent('ket-luan render', () => {
  it('ends, leaving no worker running, when it stops before rendering a batch (the built command)', async () => {
    // the workers start while the templates are checked; a broken template stops the command
    const cwd = tempDir();
    cpSync(EXAMPLE, join(cwd, 'a.json'));
    cpSync(EXAMPLE, join(cwd, 'b.json'));
    // a worker left running would keep the process alive: the run would never end
    const run = await ketLuanBuilt(['render', 'a.json', 'b.json', '--templates', 'no-such-folder', '-o', 'out'], cwd);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no-such-folder');
    expect(existsSync(join(cwd, 'out'))).toBe(false);
  }, 60_000);

  it('renders a folder tree in parallel worker threads (the built command), mirroring it under -o; one broken input fails alone', async () => {
    const cwd = tempDir();
    for (const month of ['2024-12', '2025-01']) cpSync(join(MONTHLY, month), join(cwd, 'data', month), { recursive: true });
    writeJson(join(cwd, 'data', '2025-01', 'extra', 'broken.json'), withoutSignatureName());

    const run = await ketLuanBuilt(['render', 'data', '-o', 'out', '-j', '2'], cwd);

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^data\/2025-01\/extra\/broken\.json: signature\.name: \S/m);
    expect(run.stderr).toContain('rendered data/2025-01/cho-chu.json → out/2025-01/cho-chu.docx, out/2025-01/cho-chu.pdf');
    expect(run.stderr).toMatch(/rendered 6, failed 1 in \d+\.\d s/);
    const names = ['cho-chu', 'phuong-tien', 'trung-hoi'];
    expect(tree(join(cwd, 'out'))).toEqual(['2024-12', '2025-01'].flatMap((m) => names.flatMap((n) => [`${m}/${n}.docx`, `${m}/${n}.pdf`])));
    expect(await expectDocx(join(cwd, 'out', '2025-01', 'cho-chu.docx'))).toContain('tháng 01/2025');
    expect(await expectDocx(join(cwd, 'out', '2024-12', 'cho-chu.docx'))).toContain('tháng 12/2024');
    expectPdf(join(cwd, 'out', '2024-12', 'trung-hoi.pdf'));
  });

  it('renders one document twice in one worker (the built command): the second PDF reuses the first\'s deflated font streams, byte for byte', async () => {
    const cwd = tempDir();
    for (const name of ['a', 'b']) cpSync(EXAMPLE, join(cwd, 'in', `${name}.json`));

    const run = await ketLuanBuilt(['render', 'in', '-o', 'out', '-f', 'pdf', '-j', '1', '-q'], cwd);

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expectPdf(join(cwd, 'out', 'a.pdf'));
    expect(readFileSync(join(cwd, 'out', 'b.pdf')).equals(readFileSync(join(cwd, 'out', 'a.pdf')))).toBe(true);
  });

  it('two month folders given side by side go each under its own name, so equal file names do not collide', async () => {
    const cwd = tempDir();
    const run = await ketLuan(['render', join(MONTHLY, '2024-12'), join(MONTHLY, '2025-01'), '-o', 'out', '-f', 'docx', '-j', '1', '-q'], cwd);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(tree(join(cwd, 'out'))).toEqual(['2024-12', '2025-01'].flatMap((m) => ['cho-chu', 'phuong-tien', 'trung-hoi'].map((n) => `${m}/${n}.docx`)));
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
      ketLuan(['render', 'a.json', '--lang', 'fr'], cwd),
    ]);
    for (const run of runs) expect(run.code, run.stderr).toBe(2);
    expect(runs[0]!.stderr).toContain("error: unknown option '--no-such-option'");
    expect(runs[1]!.stderr).toContain("error: missing required argument 'input'");
    expect(runs[2]!.stderr).toContain('unknown format "odt"');
    expect(runs[5]!.stderr).toContain('--lang must be en or vi, not "fr"');
    expect(readdirSync(cwd)).toEqual(['a.json']);
  });

  it('--help and --version exit 0', async () => {
    const cwd = tempDir();
    const [help, version] = await Promise.all([ketLuan(['render', '--help'], cwd), ketLuan(['--version'], cwd)]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--format <list>');
    expect(help.stdout).toContain('--fonts <fonts>');
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
    expect(run.stderr).toContain('a.json: cannot write out/a.pdf: a folder of that name is in the way');
    expect(readdirSync(join(cwd, 'out'))).toEqual(['a.pdf']); // no a.docx without its PDF
    expect(statSync(join(cwd, 'out', 'a.pdf')).isDirectory()).toBe(true);
    expect(strayFiles(join(cwd, 'out'))).toEqual([]);
  });

  it.runIf(existsSync('/proc/self'))('refuses an output folder that cannot be created (/proc/nope) at once, with the reason', async () => {
    const cwd = tempDir();
    cpSync(EXAMPLE, join(cwd, 'a.json'));
    const [en, vi] = await Promise.all([ketLuan(['render', 'a.json', '-o', '/proc/nope'], cwd), ketLuan(['render', 'a.json', '-o', '/proc/nope', '--lang', 'vi'], cwd)]);
    expect(en.code).toBe(1);
    expect(en.stderr).toBe('error: cannot create the output folder /proc/nope: the file system does not allow it\n');
    expect(vi.stderr).toBe('lỗi: không tạo được thư mục kết quả /proc/nope: hệ thống tệp không cho phép\n');
  });

  it('an output path through a file is refused, naming it', async () => {
    const cwd = tempDir();
    cpSync(EXAMPLE, join(cwd, 'a.json'));
    writeFileSync(join(cwd, 'file'), '');
    const run = await ketLuan(['render', 'a.json', '-o', 'file/out'], cwd);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`error: cannot create the output folder file/out: ${join(cwd, 'file')} is a file, not a folder\n`);
  });

  it('removes the temporary files a killed run left, and only those whose process is gone', async () => {
    const cwd = tempDir();
    cpSync(EXAMPLE, join(cwd, 'a.json'));
    const dead = spawnSync(process.execPath, ['-e', '']).pid!; // a process that has ended
    mkdirSync(join(cwd, 'out'));
    const stale = `.a.docx.${dead}.0123abcd.tmp`;
    const alive = `.a.pdf.${process.ppid}.89abcdef.tmp`; // a running process's (the test runner's)
    const other = '.notes.tmp'; // not of our naming
    for (const name of [stale, alive, other]) writeFileSync(join(cwd, 'out', name), 'partial');
    const run = await ketLuan(['render', 'a.json', '-o', 'out', '-f', 'docx'], cwd);
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(join(cwd, 'out')).sort()).toEqual([alive, other, 'a.docx'].sort());
  });

  it('Ctrl-C stops a single large render at once (the built command): exit 130, no output, no temporary file', async () => {
    const cwd = tempDir();
    const input = example();
    const paragraph = 'Tiếp tục chỉ đạo các chi bộ tổ chức quán triệt, triển khai thực hiện chỉ thị, nghị quyết của cấp trên. ';
    input.sections = [{ heading: 'Nội dung', content: Array.from({ length: 6000 }, (_, i) => `${i + 1}. ${paragraph.repeat(2)}`) }];
    writeJson(join(cwd, 'big.json'), input);
    expect(statSync(join(cwd, 'big.json')).size).toBeGreaterThan(64 * 1024);
    const cli = await built();
    const child = spawn(process.execPath, [cli, 'render', 'big.json', '-o', 'out', '-f', 'pdf'], { cwd, env: testEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    // The output folder is made just before rendering starts (and the handler is in place).
    while (!existsSync(join(cwd, 'out'))) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toContain('stopped (SIGINT); no partial file was left');
    expect(readdirSync(join(cwd, 'out'))).toEqual([]);
  });
});

describe.concurrent('--fonts', () => {
  function fontFolder(names: Record<string, string>): string {
    const dir = tempDir();
    for (const [target, source] of Object.entries(names)) cpSync(join(FONTS, source), join(dir, target));
    return dir;
  }
  const TIMES = { 'times.ttf': 'LiberationSerif-Regular.ttf', 'timesbd.ttf': 'LiberationSerif-Bold.ttf', 'timesi.ttf': 'LiberationSerif-Italic.ttf', 'timesbi.ttf': 'LiberationSerif-BoldItalic.ttf' };

  it('takes a folder of Times New Roman file names, or Liberation Serif ones, or four paths', async () => {
    const cwd = tempDir();
    cpSync(EXAMPLE, join(cwd, 'a.json'));
    const times = fontFolder(TIMES);
    const paths = ['Regular', 'Bold', 'Italic', 'BoldItalic'].map((s) => join(FONTS, `LiberationSerif-${s}.ttf`)).join(',');
    const runs = await Promise.all([
      ketLuan(['render', 'a.json', '-o', 'times', '-f', 'pdf', '--fonts', times], cwd),
      ketLuan(['validate', 'a.json', '--fonts', FONTS], cwd),
      ketLuan(['validate', 'a.json', '--fonts', paths], cwd),
    ]);
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    expectPdf(join(cwd, 'times', 'a.pdf'));
  });

  it('names the faces a folder lacks, and a font file that is not one', async () => {
    const cwd = tempDir();
    cpSync(EXAMPLE, join(cwd, 'a.json'));
    const three = fontFolder({ 'times.ttf': TIMES['times.ttf'], 'timesbd.ttf': TIMES['timesbd.ttf'], 'timesi.ttf': TIMES['timesi.ttf'] });
    writeFileSync(join(cwd, 'broken.ttf'), 'not a font');
    const regular = join(FONTS, 'LiberationSerif-Regular.ttf');
    const [missing, two, broken, brokenVi] = await Promise.all([
      ketLuan(['render', 'a.json', '--fonts', three], cwd),
      ketLuan(['render', 'a.json', '--fonts', `${regular},${regular}`], cwd),
      ketLuan(['validate', 'a.json', '--fonts', `broken.ttf,${regular},${regular},${regular}`], cwd),
      ketLuan(['render', 'a.json', '-f', 'pdf', '--fonts', `broken.ttf,${regular},${regular},${regular}`, '--lang', 'vi'], cwd),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`--fonts: the folder ${three} has no bold italic face`);
    expect(missing.stderr).toContain('found: times.ttf, timesbd.ttf, timesi.ttf)');
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('--fonts takes a folder or four comma-separated TTF paths (regular,bold,italic,bold-italic); 2 paths were given');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^error: .*broken\.ttf/m);
    expect(brokenVi.code).toBe(1);
    expect(brokenVi.stderr).toMatch(/^lỗi: .*broken\.ttf/m);
    expect(existsSync(join(cwd, 'a.pdf'))).toBe(false);
  });
});

describe.concurrent('bad input files', () => {
  it.each([
    ['invalid UTF-8 (a Latin-1 "ễ")', Buffer.concat([Buffer.from('{\n  "place": "Ch'), Buffer.from([0xe1, 0x20]), Buffer.from('u"\n}\n')]), 'bad.json: line 2, column 15: not valid UTF-8 (byte 0xE1 at byte 16); save the file as UTF-8'],
    ['a truncated UTF-8 sequence at the end', Buffer.concat([Buffer.from('{"place": "Chợ"}'), Buffer.from([0xe1, 0xbb])]), 'bad.json: line 1, column 17: not valid UTF-8 (byte 0xE1 at byte 18); save the file as UTF-8'],
    ['an encoded surrogate', Buffer.concat([Buffer.from('{"a": "'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]), 'bad.json: line 1, column 8: not valid UTF-8 (byte 0xED at byte 7); save the file as UTF-8'],
    ['a duplicate key', Buffer.from('{\n  "place": "Chợ Chu",\n  "date": "2024-10-29",\n  "place": "Phú Đình"\n}\n'), 'bad.json: line 4, column 3: the key "place" appears twice in one object (first at line 2, column 3); JSON would keep only the last, so remove one'],
    ['a duplicate key in a nested object', Buffer.from('{"signature": {"name": "A", "name": "B"}, "name": 1}'), 'bad.json: line 1, column 29: the key "name" appears twice in one object (first at line 1, column 16); JSON would keep only the last, so remove one'],
  ])('%s → an error naming the file, line and column', async (_, bytes, message) => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'bad.json'), bytes);
    const [validate, render] = await Promise.all([ketLuan(['validate', 'bad.json'], cwd), ketLuan(['render', 'bad.json', '-f', 'docx', '-q'], cwd)]);
    expect(validate.code).toBe(1);
    expect(validate.stderr).toBe(`${message}\n`);
    expect(render.code).toBe(1);
    expect(render.stderr).toBe(`${message}\n`);
    expect(readdirSync(cwd)).toEqual(['bad.json']);
  });

  it('the same key in two different objects is fine; standard input is checked the same way', async () => {
    const cwd = tempDir();
    const run = await ketLuan(['validate', '-'], cwd, Buffer.from([0x7b, 0xff, 0x7d]));
    expect(run.stderr).toBe('stdin: line 1, column 2: not valid UTF-8 (byte 0xFF at byte 1); save the file as UTF-8\n');
    const ok = await ketLuan(['validate', EXAMPLE], cwd); // "text" appears in many objects
    expect(ok.code, ok.stderr).toBe(0);
  });

  it('in Vietnamese', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'bad.json'), '{"place": "a", "place": "b"}');
    const run = await ketLuan(['validate', 'bad.json', '--lang', 'vi'], cwd);
    expect(run.stderr).toBe('bad.json: dòng 1, cột 16: khóa "place" xuất hiện hai lần trong cùng một đối tượng (lần đầu ở dòng 1, cột 2); JSON chỉ giữ lần cuối, hãy xóa một lần\n');
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
    const [en, vi] = await Promise.all([ketLuan(['validate', 'bad.json'], cwd), ketLuan(['validate', 'bad.json'], cwd, undefined, { LANG: 'vi_VN.UTF-8' })]);
    expect(en.code).toBe(1);
    expect(en.stderr).toBe("bad.json: line 4, column 3: invalid JSON: expected ',' or '}' after a property value, found '\"'\n");
    expect(vi.stderr).toBe("bad.json: dòng 4, cột 3: JSON không hợp lệ: cần ',' hoặc '}' sau giá trị của thuộc tính, nhưng gặp '\"'\n");
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

describe.concurrent('Vietnamese messages', () => {
  it('with --lang vi, or a Vietnamese locale (LC_ALL before LC_MESSAGES before LANG)', async () => {
    const cwd = tempDir();
    writeJson(join(cwd, 'a.json'), withoutSignatureName());
    const runs = await Promise.all([
      ketLuan(['validate', 'a.json', '--lang', 'vi'], cwd),
      ketLuan(['--lang=vi', 'validate', 'a.json'], cwd),
      ketLuan(['validate', 'a.json'], cwd, undefined, { LANG: 'vi_VN.UTF-8' }),
      ketLuan(['validate', 'a.json'], cwd, undefined, { LANG: 'en_US.UTF-8', LC_MESSAGES: 'vi_VN' }),
      ketLuan(['validate', 'a.json'], cwd, undefined, { LANG: 'vi_VN.UTF-8', LC_ALL: 'C' }),
      ketLuan(['validate', 'a.json', '--lang', 'en'], cwd, undefined, { LANG: 'vi_VN.UTF-8' }),
    ]);
    const vietnamese = 'a.json: signature.name: là bắt buộc\n';
    const english = 'a.json: signature.name: is required\n';
    expect(runs.map((r) => r.stderr)).toEqual([vietnamese, vietnamese, vietnamese, vietnamese, english, english]);
  });

  it('help, usage errors, progress and the summary', async () => {
    const cwd = tempDir();
    cpSync(EXAMPLE, join(cwd, 'a.json'));
    const vi = { LANG: 'vi_VN.UTF-8' };
    const [help, unknown, missing, format, render, topHelp] = await Promise.all([
      ketLuan(['render', '--help'], cwd, undefined, vi),
      ketLuan(['render', 'a.json', '--no-such-option'], cwd, undefined, vi),
      ketLuan(['render'], cwd, undefined, vi),
      ketLuan(['render', 'a.json', '-f', 'odt'], cwd, undefined, vi),
      ketLuan(['render', 'a.json', 'missing.json', '-f', 'docx'], cwd, undefined, vi),
      ketLuan(['help'], cwd, undefined, vi),
    ]);
    expect(help.stdout).toMatch(/^Cách dùng: ket-luan render \[tùy-chọn\] <input\.\.\.>$/m);
    expect(help.stdout).toContain('Tùy chọn:');
    expect(help.stdout).toMatch(/-f, --format <list> +định dạng cần tạo, cách nhau bằng dấu phẩy: docx, pdf\s+\(mặc định: docx,pdf\)/);
    expect(help.stdout).toContain('hiện trợ giúp');
    expect(help.stdout).toContain('Ví dụ:');
    expect(help.stdout).not.toMatch(/\b(Usage|Options|default|show help)\b/);
    expect(unknown.stderr).toContain("lỗi: không có tùy chọn '--no-such-option'");
    expect(unknown.stderr).toContain('(thêm --help để xem cách dùng)');
    expect(missing.stderr).toContain("lỗi: thiếu tham số bắt buộc 'input'");
    expect(format.stderr).toContain('không có định dạng "odt" (chọn trong docx, pdf, ví dụ --format docx,pdf)');
    expect(render.stderr).toContain('missing.json: không có tệp hoặc thư mục này');
    expect(render.stderr).toContain('đã tạo a.json → a.docx');
    expect(render.stderr).toMatch(/đã tạo 1, lỗi 1, trong \d+,\d giây/);
    expect(topHelp.stdout).toContain('Lệnh:');
    expect(topHelp.stdout).toContain('tạo tệp DOCX và/hoặc PDF từ các tệp đầu vào');
  });
});

describe.concurrent('ket-luan init', () => {
  it('writes a starter for this month that validates and renders, and does not overwrite it', async () => {
    const cwd = tempDir();
    const init = await ketLuan(['init'], cwd);
    expect(init.code, init.stderr).toBe(0);
    const starter = JSON.parse(readFileSync(join(cwd, 'ket-luan.json'), 'utf8')) as { date: string; meeting: { month: number; year: number }; issuer: unknown };
    const today = new Date();
    expect(starter.meeting).toEqual({ month: today.getMonth() + 1, year: today.getFullYear() });
    expect(starter.date.slice(0, 7)).toBe(`${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}`);
    // Since 01/7/2025 a commune's superior is the province.
    expect(starter.issuer).toEqual({ superior: 'ĐẢNG BỘ TỈNH …', name: 'ĐẢNG ỦY XÃ …', unit: 'xã …' });

    const again = await ketLuan(['init'], cwd);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe('error: ket-luan.json already exists; use --force to overwrite it\n');
    const forced = await ketLuan(['init', '--force'], cwd);
    expect(forced.code).toBe(0);

    const [validate, render] = await Promise.all([ketLuan(['validate', 'ket-luan.json'], cwd), ketLuan(['render', 'ket-luan.json', '-f', 'docx', '-o', 'out'], cwd)]);
    expect(validate.stdout).toBe('ket-luan.json: ok\n');
    expect(validate.code).toBe(0);
    expect(render.code, render.stderr).toBe(0);
    const placeholders =
      "ket-luan.json: warning: still holds the starter's placeholder text in issuer.superior, issuer.name, issuer.unit and 10 more; replace it before sending\n";
    // A starter has no number yet: since documents are electronic by default, lintConclusion asks for one.
    const number = 'ket-luan.json: warning: number.sequence: is not given, so the number line leaves a blank to fill in by hand';
    expect(validate.stderr.split('\n').filter(Boolean)).toEqual([placeholders.trim(), expect.stringContaining(number)]);
    expect(render.stderr).toContain(placeholders);
    expect(render.stderr).toContain(number);
    expect(render.stderr).toMatch(/rendered 1, failed 0 in \d+\.\d s, 1 with warnings/);
    const xml = await expectDocx(join(cwd, 'out', 'ket-luan.docx'));
    expect(xml).toContain('Nguyễn Văn A');
    expect(xml).toContain('ĐẢNG BỘ TỈNH …');
  });

  it('--month YYYY-MM writes that month’s starter to <YYYY-MM>.json', async () => {
    const cwd = tempDir();
    const run = await ketLuan(['init', '--month', '2026-01'], cwd);
    expect(run.code, run.stderr).toBe(0);
    const starter = JSON.parse(readFileSync(join(cwd, '2026-01.json'), 'utf8')) as Record<string, unknown>;
    expect(starter.meeting).toEqual({ month: 1, year: 2026 });
    expect(JSON.stringify(starter.results)).toContain('tháng 12/2025');
    const bad = await ketLuan(['init', '--month', '2026-13'], cwd);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--month must be a month written YYYY-MM (e.g. 2026-01), not "2026-13"');
  });

  it('--from last month’s input carries its issuer, place, number codes, signature and recipients over, month and date rolled forward across the year', async () => {
    const cwd = tempDir();
    cpSync(join(MONTHLY, '2024-12'), join(cwd, 'data', '2024-12'), { recursive: true });
    const last = JSON.parse(readFileSync(join(MONTHLY, '2024-12', 'cho-chu.json'), 'utf8')) as Record<string, unknown>;
    writeJson(join(cwd, 'data', '2024-12', 'cho-chu.json'), { ...last, recipients: ['Như trên', 'Lưu VPĐU'] });
    writeJson(join(cwd, '2024-11.json'), example());

    const [inFolder, byName] = await Promise.all([
      ketLuan(['init', '--from', 'data/2024-12/cho-chu.json'], cwd),
      ketLuan(['init', '--from', '2024-11.json', '--lang', 'vi'], cwd),
    ]);
    expect(inFolder.code, inFolder.stderr).toBe(0);
    expect(inFolder.stdout).toContain('wrote data/2025-01/cho-chu.json from data/2024-12/cho-chu.json: the regular meeting of 1/2025, dated 2024-12-28');
    const next = JSON.parse(readFileSync(join(cwd, 'data', '2025-01', 'cho-chu.json'), 'utf8')) as Record<string, unknown>;
    expect(next.issuer).toEqual(last.issuer);
    expect(next.place).toBe(last.place);
    expect(next.signature).toEqual(last.signature);
    expect(next.recipients).toEqual(['Như trên', 'Lưu VPĐU']);
    expect(next.number).toEqual({ sequence: null, issuerCode: 'ĐU' });
    expect(next.meeting).toEqual({ month: 1, year: 2025 });
    expect(next.date).toBe('2024-12-28');

    expect(byName.code, byName.stderr).toBe(0);
    expect(byName.stdout).toContain('đã ghi 2024-12.json từ 2024-11.json: Hội nghị thường kỳ tháng 12/2024, ngày 29/11/2024');
    const december = JSON.parse(readFileSync(join(cwd, '2024-12.json'), 'utf8')) as Record<string, unknown>;
    expect(december.meeting).toEqual({ month: 12, year: 2024 });
    expect(december.recipients).toEqual(example().recipients);

    const render = await ketLuan(['render', 'data/2025-01/cho-chu.json', '-f', 'docx', '-o', 'out'], cwd);
    expect(render.code, render.stderr).toBe(0);
    expect(render.stderr).toContain("data/2025-01/cho-chu.json: warning: still holds the starter's placeholder text in results.text, results.bullets[0], results.bullets[1] and 5 more");
  });

  it('--from an invalid input says so and writes nothing', async () => {
    const cwd = tempDir();
    writeJson(join(cwd, 'last.json'), withoutSignatureName());
    const run = await ketLuan(['init', '--from', 'last.json', 'next.json'], cwd);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('error: last.json is not a valid conclusion, so nothing can be carried over from it:\nlast.json: signature.name: is required\n');
    expect(readdirSync(cwd)).toEqual(['last.json']);
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

  it('copies every profile, leaves no staging folder, and refuses a folder that is not empty', async () => {
    expect(readdirSync(join(cwd, 'my-templates')).sort()).toEqual(readdirSync(join(ROOT, 'templates')).sort());
    for (const profile of readdirSync(join(ROOT, 'templates'))) {
      if (!statSync(join(ROOT, 'templates', profile)).isDirectory()) continue;
      expect(readdirSync(join(cwd, 'my-templates', profile)).sort()).toEqual(readdirSync(join(ROOT, 'templates', profile)).sort());
    }
    expect(strayFiles(cwd)).toEqual([]);
    const again = await ketLuan(['templates', 'init', 'my-templates'], cwd);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe('error: my-templates is not empty; use --force to copy the templates into it anyway (files of the same name are overwritten)\n');
  });

  it('--force never writes through a symbolic link: one in the folder, or the folder itself', async () => {
    const dir = tempDir();
    const outside = join(dir, 'outside.hbs');
    writeFileSync(outside, 'precious\n');
    cpSync(join(cwd, 'my-templates'), join(dir, 'copy'), { recursive: true });
    rmSync(join(dir, 'copy', 'ket-luan-hd36', 'title.hbs'));
    symlinkSync(outside, join(dir, 'copy', 'ket-luan-hd36', 'title.hbs'));
    symlinkSync(join(dir, 'copy'), join(dir, 'link'));
    const [inside, itself] = await Promise.all([
      ketLuan(['templates', 'init', 'copy', '--force'], dir),
      ketLuan(['templates', 'init', 'link', '--force', '--lang', 'vi'], dir),
    ]);
    expect(inside.code).toBe(1);
    expect(inside.stderr).toBe('error: copy/ket-luan-hd36/title.hbs is a symbolic link; ket-luan never writes through one (remove it, or choose another folder)\n');
    expect(itself.code).toBe(1);
    expect(itself.stderr).toBe('lỗi: link là liên kết tượng trưng (symlink); ket-luan không bao giờ ghi qua liên kết (hãy xóa nó, hoặc chọn thư mục khác)\n');
    expect(readFileSync(outside, 'utf8')).toBe('precious\n');
    expect(lstatSync(join(dir, 'copy', 'ket-luan-hd36', 'title.hbs')).isSymbolicLink()).toBe(true);
    expect(strayFiles(dir)).toEqual([]);
  });

  it('--force into a folder with other files replaces the templates and keeps the rest; a killed copy\'s staging folder is removed', async () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    mkdirSync(join(dir, `.copy.${dead}.0123abcd.tmp`, 'ket-luan-hd36'), { recursive: true });
    cpSync(join(cwd, 'my-templates'), join(dir, 'copy'), { recursive: true });
    writeFileSync(join(dir, 'copy', 'ket-luan-hd36', 'title.hbs'), 'EDITED\n');
    writeFileSync(join(dir, 'copy', 'notes.txt'), 'mine\n');
    const run = await ketLuan(['templates', 'init', 'copy', '--force'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(join(dir, 'copy', 'ket-luan-hd36', 'title.hbs'), 'utf8')).toBe(readFileSync(join(ROOT, 'templates', 'ket-luan-hd36', 'title.hbs'), 'utf8'));
    expect(readFileSync(join(dir, 'copy', 'notes.txt'), 'utf8')).toBe('mine\n');
    expect(strayFiles(dir)).toEqual([]);
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
    expect(run.stderr).toContain('broken/ket-luan-hd36/title.hbs: {{#if}} opened at line 2 is never closed: add {{/if}}');
    expect(existsSync(join(cwd, 'out-broken'))).toBe(false);
  });
});

/** A 32 KB tmpfs to fill, where the system lets us mount one (root on Linux); else null and the tests skip. */
function smallDisk(): string | null {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return null;
  const dir = tempDir();
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=32k', 'tmpfs', dir]);
  return mounted.status === 0 ? dir : null;
}

describe('a full disk', () => {
  let disk: string | null = null;
  beforeAll(() => {
    disk = smallDisk();
  });
  afterAll(() => {
    if (disk !== null) spawnSync('umount', [disk]);
  });

  it('templates init leaves nothing behind, and a render no partial file', async (context) => {
    if (disk === null) return context.skip();
    const templates = await ketLuan(['templates', 'init', 'my-templates'], disk!);
    expect(templates.code).toBe(1);
    expect(templates.stderr).toBe('error: cannot copy the templates to my-templates: no space left on the device; nothing was changed\n');
    expect(readdirSync(disk!)).toEqual([]);
    cpSync(EXAMPLE, join(disk!, 'a.json'));
    const render = await ketLuan(['render', 'a.json', '-f', 'docx,pdf', '--lang', 'vi'], disk!);
    expect(render.code).toBe(1);
    expect(render.stderr).toMatch(/^a\.json: không ghi được a\.(docx|pdf): ổ đĩa đã hết chỗ$/m);
    expect(readdirSync(disk!)).toEqual(['a.json']);
  });
});

describe.concurrent('the command in a shell', () => {
  it('`ket-luan help render | <a reader that has gone>` ends quietly (no EPIPE trace), status 0', async () => {
    const cli = await built();
    const cwd = tempDir();
    // `true` exits without reading, so the command writes into a pipe nobody reads.
    const run = spawnSync('bash', ['-c', `"${process.execPath}" "${cli}" help render 2>err.txt | true; echo "\${PIPESTATUS[0]}"`], { cwd, encoding: 'utf8', env: testEnv() });
    expect(run.stdout.trim()).toBe('0');
    expect(readFileSync(join(cwd, 'err.txt'), 'utf8')).toBe('');
  });

  it('the bundle starts with its shebang and renders from the built worker entry', async () => {
    const cli = await built();
    expect(readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
    const cwd = tempDir();
    for (const name of ['x', 'y']) cpSync(EXAMPLE, join(cwd, `${name}.json`));
    const run = await ketLuanBuilt(['render', 'x.json', 'y.json', '-f', 'docx', '-j', '2', '--lang', 'vi'], cwd);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/đã tạo 2, lỗi 0/);
  });

  it('the monthly example script imports the package by its name and explains a month with no data', async () => {
    expect(readFileSync(join(ROOT, 'examples', 'monthly', 'render-month.ts'), 'utf8')).toMatch(/from 'ket-luan';/);
    const run = await runNode(['--import', 'tsx'], [join(ROOT, 'examples', 'monthly', 'render-month.ts'), '2099-01'], ROOT);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`No data for 2099-01: make a folder ${join(MONTHLY, '2099-01')} holding the month's .json inputs.\nMonths with data: 2024-12, 2025-01\n`);
  });
});

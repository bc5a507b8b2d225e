/**
 * Packs the package as `npm publish` would and checks the tarball: publint (package.json against
 * the files), Are the Types Wrong (types for every entry point under every module resolution),
 * and the files users need are there and nothing else. `npm run lint:package`; the test suite
 * runs it too (test/package/package.test.ts).
 *
 * The package is built and packed in a temporary copy of the project, so dist/ is left alone.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const exec = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** What a build needs, and what the package ships. */
const PROJECT_ENTRIES = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsup.config.ts', 'src', 'scripts', 'templates', 'fonts', 'examples', 'schema.json', 'README.md', 'LICENSE', 'CHANGELOG.md'];

/** Files users are told about, which must be in the tarball. */
export const REQUIRED_FILES = [
  'package.json',
  'README.md',
  'LICENSE',
  'CHANGELOG.md',
  'schema.json',
  'dist/index.js',
  'dist/index.cjs',
  'dist/index.d.ts',
  'dist/index.d.cts',
  'dist/cli.js',
  'templates/README.md',
  'templates/ket-luan-hd36/profile.json',
  'fonts/liberation-serif/LICENSE',
  'fonts/liberation-serif/LiberationSerif-Regular.ttf',
  'examples/cho-chu-2024-11.json',
];

/** Files that must not be shipped: the command is ESM only, and nothing of the development. */
export const FORBIDDEN_FILES = [/^dist\/cli\.cjs/, /^src\//, /^test\//, /^bench\//, /^examples\/out\//, /^scripts\//, /^\.ci\//, /^node_modules\//];

export interface PackageLint {
  /** The tarball's files, relative to the package root. */
  files: string[];
  /** Every problem found; empty when the package is clean. */
  problems: string[];
}

export async function lintPackage(): Promise<PackageLint> {
  const work = mkdtempSync(join(tmpdir(), 'ket-luan-pack-'));
  try {
    const project = join(work, 'project');
    for (const entry of PROJECT_ENTRIES) cpSync(join(ROOT, entry), join(project, entry), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'), 'dir');

    // what prepack runs on publish; run first so that its output stays out of the pack's JSON
    await exec('npm', ['run', 'build'], { cwd: project, maxBuffer: 64 * 1024 * 1024 });
    const { stdout } = await exec('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: project, maxBuffer: 64 * 1024 * 1024 });
    const [packed] = JSON.parse(stdout) as [{ filename: string; files: { path: string }[] }];
    const tarball = join(work, packed.filename);
    const files = packed.files.map((f) => f.path).sort();
    const problems: string[] = [];

    for (const file of REQUIRED_FILES) if (!files.includes(file)) problems.push(`tarball: ${file} is missing`);
    for (const file of files) if (FORBIDDEN_FILES.some((pattern) => pattern.test(file))) problems.push(`tarball: ${file} should not be shipped`);

    // publint packs the built project itself, so it also sees files that exist but are not shipped
    const { messages, pkg } = await publint({ pkgDir: project, pack: 'npm', strict: true });
    for (const message of messages) problems.push(`publint (${message.type}): ${formatMessage(message, pkg, { color: false })}`);

    const attw = join(ROOT, 'node_modules', '@arethetypeswrong', 'cli', 'dist', 'index.js');
    // schema.json is data for editors, not a module with types.
    const types = await exec(process.execPath, [attw, tarball, '--format', 'ascii', '--no-emoji', '--no-color', '--exclude-entrypoints', './schema.json'], {
      maxBuffer: 16 * 1024 * 1024,
    }).then(
      () => undefined,
      (error: { stdout?: string; stderr?: string }) => `${error.stdout ?? ''}${error.stderr ?? ''}`,
    );
    if (types !== undefined) problems.push(`Are the Types Wrong:\n${types}`);

    return { files, problems };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { files, problems } = await lintPackage();
  console.log(`${files.length} files in the tarball`);
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  console.log('publint, Are the Types Wrong and the file list: no problems');
}

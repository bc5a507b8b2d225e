/**
 * scripts/ensure-test-tools.sh, the step before `npm test` that installs what the tests need: its
 * detection and what it does about it, with stand-ins for apt-get, sudo, id and fc-list on a PATH
 * of its own (nothing is installed for real).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const SCRIPT = join(ROOT, 'scripts', 'ensure-test-tools.sh');
let dir: string;
let bin: string;
let log: string;

function which(command: string): string {
  const found = spawnSync('/bin/sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).stdout.trim();
  if (!found) throw new Error(`${command} is needed to run this test`);
  return found;
}

function script(name: string, body: string): void {
  writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`);
  chmodSync(join(bin, name), 0o755);
}

/** An executable file standing for an installed program. */
function program(path: string): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, 0o755);
  return path;
}

interface Machine {
  uid?: number;
  apt?: boolean;
  sudo?: boolean;
  /** What fc-list prints for Liberation Serif covering Vietnamese; null: no fontconfig. */
  fonts?: string | null;
  soffice?: boolean;
  poppler?: string[];
  openssl?: boolean;
}

function run(machine: Machine = {}, env: Record<string, string> = {}) {
  const soffice = join(dir, 'lo', 'soffice');
  const poppler = join(dir, 'poppler');
  mkdirSync(poppler, { recursive: true });
  if (machine.soffice !== false) program(soffice);
  for (const tool of machine.poppler ?? ['pdftotext', 'pdffonts', 'pdfinfo', 'pdfsig', 'pdftoppm']) program(join(poppler, tool));
  if (machine.openssl !== false) script('openssl', '');
  script('id', `echo ${machine.uid ?? 0}`);
  if (machine.fonts !== null) script('fc-list', `printf '%s' '${machine.fonts ?? '/fonts/LiberationSerif-Regular.ttf: '}'`);
  if (machine.apt !== false) {
    // "Installing" LibreOffice makes soffice appear, as the real package does.
    script('apt-get', `echo "apt-get $*" >> '${log}'\ncase "$*" in *libreoffice-writer*) mkdir -p '${dir}/lo'; printf '#!/bin/sh\\n' > '${soffice}'; chmod +x '${soffice}';; esac`);
  }
  if (machine.sudo) script('sudo', `[ "$1" = -n ] && shift\necho "sudo $*" >> '${log}'\n[ "$*" = true ] && exit 0\nexec "$@"`);
  const result = spawnSync('/bin/sh', [SCRIPT], {
    encoding: 'utf8',
    env: { PATH: bin, SOFFICE_PATH: soffice, POPPLER_DIR: poppler, ...env },
  });
  return { code: result.status, stderr: result.stderr, calls: existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [] };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ket-luan-tools-'));
  bin = join(dir, 'bin');
  log = join(dir, 'calls.log');
  mkdirSync(bin);
  for (const tool of ['sh', 'cat', 'env', 'mkdir', 'chmod']) symlinkSync(which(tool), join(bin, tool));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('scripts/ensure-test-tools.sh', () => {
  it('does nothing, silently, when everything is there', () => {
    const result = run({ sudo: true });
    expect(result).toEqual({ code: 0, stderr: '', calls: [] });
  });

  it('without soffice and without apt-get, stops at once naming the package, and installs nothing', () => {
    const result = run({ soffice: false, apt: false });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`LibreOffice Writer: ${join(dir, 'lo', 'soffice')} (Debian/Ubuntu package libreoffice-writer)`);
    expect(result.stderr).toContain('apt-get install --no-install-recommends libreoffice-writer\n');
    expect(result.stderr).toMatch(/Fedora: dnf install .*macOS: brew install poppler/s);
  });

  it('names poppler-utils once for its missing tools, and each tool', () => {
    const result = run({ poppler: ['pdfinfo'], apt: false });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("poppler's pdftotext");
    expect(result.stderr).toContain("poppler's pdffonts");
    expect(result.stderr).toContain('--no-install-recommends poppler-utils\n');
  });

  it('names poppler-utils for pdfsig and pdftoppm, and openssl, which the signing tests need', () => {
    const result = run({ poppler: ['pdftotext', 'pdffonts', 'pdfinfo'], openssl: false, apt: false });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("poppler's pdfsig");
    expect(result.stderr).toContain("poppler's pdftoppm");
    expect(result.stderr).toContain('(Debian/Ubuntu package openssl)');
    expect(result.stderr).toContain('--no-install-recommends poppler-utils openssl\n');
  });

  it('names fonts-liberation2 when fontconfig knows no Liberation Serif covering Vietnamese', () => {
    const result = run({ fonts: '', apt: false });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Liberation Serif 2 with its Vietnamese letters');
    expect(result.stderr).toContain('--no-install-recommends fonts-liberation2\n');
  });

  it('leaves fonts to LibreOffice where there is no fontconfig', () => {
    expect(run({ fonts: null, apt: false }).code).toBe(0);
  });

  it('as root on Debian, installs exactly what is missing with apt-get, then finds it', () => {
    const result = run({ soffice: false, fonts: '' }, {});
    expect(result.calls).toEqual(['apt-get update -qq', 'apt-get install -y -qq --no-install-recommends libreoffice-writer fonts-liberation2']);
    // the fake apt-get provides soffice but no fonts: the check after installing says so
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('fonts-liberation2');
    expect(result.stderr).not.toContain('package libreoffice-writer)');
  });

  it('as root on Debian, succeeds once apt-get has installed what was missing', () => {
    const result = run({ soffice: false });
    expect(result.calls).toEqual(['apt-get update -qq', 'apt-get install -y -qq --no-install-recommends libreoffice-writer']);
    expect(result.code).toBe(0);
  });

  it('as a user with password-less sudo, installs through sudo', () => {
    const result = run({ uid: 1000, sudo: true, soffice: false });
    expect(result.calls).toEqual([
      'sudo true',
      'sudo apt-get update -qq',
      'apt-get update -qq',
      'sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-writer',
      'apt-get install -y -qq --no-install-recommends libreoffice-writer',
    ]);
    expect(result.code).toBe(0);
  });

  it('as a user without sudo, stops with the command to run, and installs nothing', () => {
    const result = run({ uid: 1000, soffice: false });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Run: sudo apt-get install --no-install-recommends libreoffice-writer');
    expect(result.calls).toEqual([]);
  });

  it('with KET_LUAN_NO_INSTALL=1, only reports', () => {
    const result = run({ soffice: false }, { KET_LUAN_NO_INSTALL: '1' });
    expect(result.code).toBe(1);
    expect(result.calls).toEqual([]);
    expect(result.stderr).toContain('libreoffice-writer');
  });

  it('is the pretest step of npm test, and what .ci/run uses', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.pretest?.split(' && ')).toContain('sh scripts/ensure-test-tools.sh');
    const ci = readFileSync(join(ROOT, '.ci', 'run'), 'utf8');
    expect(ci).toContain('sh scripts/ensure-test-tools.sh');
    // one list of packages, in the script
    expect(ci).not.toMatch(/libreoffice-writer|poppler-utils|fonts-liberation/);
  });
});

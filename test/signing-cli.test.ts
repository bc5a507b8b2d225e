/**
 * `ket-luan render` with the signing flags, run in this process on a temporary folder: the PDF
 * signed with a P12 whose passphrase comes from the environment, the DOCX with the images only,
 * and a certificate that cannot be opened reported once, before anything is written.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ketLuan } from './helpers/cli.js';
import { makeP12, pdfsig, png, signatureFields } from './helpers/signing.js';

const PASSPHRASE = 'khóa-bí-mật';
const cwd = mkdtempSync(join(tmpdir(), 'ket-luan-sign-cli-'));

beforeAll(async () => {
  copyFileSync(fileURLToPath(new URL('fixtures/inputs/one-page.json', import.meta.url)), join(cwd, 'ket-luan.json'));
  writeFileSync(join(cwd, 'chu-ky.p12'), await makeP12(PASSPHRASE));
  writeFileSync(join(cwd, 'chu-ky.png'), png(60, 20, (x) => (x % 7 < 3 ? [20, 40, 200, 255] : [0, 0, 0, 0])));
  writeFileSync(join(cwd, 'dau.png'), png(40, 40, (x, y) => (Math.hypot(x - 20, y - 20) < 19 ? [220, 20, 20, 255] : [0, 0, 0, 0])));
}, 60_000);

afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe('ket-luan render --sign', () => {
  it('signs the PDF into its field, the passphrase from KET_LUAN_P12_PASSPHRASE; the DOCX gets the images', async () => {
    const args = ['render', 'ket-luan.json', '-o', 'out', '--sign', 'chu-ky.p12', '--signature-image', 'chu-ky.png', '--seal-image', 'dau.png', '-q'];
    const run = await ketLuan(args, cwd, undefined, { KET_LUAN_P12_PASSPHRASE: PASSPHRASE });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const pdf = new Uint8Array(readFileSync(join(cwd, 'out', 'ket-luan.pdf')));
    const report = await pdfsig(pdf);
    expect(report.valid, report.output).toBe(true);
    expect(report.totalDocumentSigned).toBe(true);
    expect(report.fieldName).toBe('ChuKy');
    const docx = readFileSync(join(cwd, 'out', 'ket-luan.docx')).toString('latin1');
    expect(docx).toContain('word/media/ket-luan-image1.png');
    expect(docx).toContain('word/media/ket-luan-image2.png');
  });

  it('--signature-field alone: an empty field, no signature', async () => {
    const run = await ketLuan(['render', 'ket-luan.json', '-o', 'field', '-f', 'pdf', '--signature-field'], cwd);
    expect(run.code).toBe(0);
    const fields = signatureFields(new Uint8Array(readFileSync(join(cwd, 'field', 'ket-luan.pdf'))));
    expect(fields.map((field) => [field.name, field.signed])).toEqual([['ChuKy', false]]);
  });

  it('a wrong passphrase is said once, in the language asked for, and nothing is written', async () => {
    const args = ['render', 'ket-luan.json', '-o', 'wrong', '--sign', 'chu-ky.p12'];
    const english = await ketLuan(args, cwd, undefined, { KET_LUAN_P12_PASSPHRASE: 'sai' });
    expect(english.code).toBe(1);
    expect(english.stderr).toMatch(/--sign chu-ky\.p12: the certificate file cannot be opened: the passphrase is wrong/);
    const vietnamese = await ketLuan([...args, '--lang', 'vi'], cwd);
    expect(vietnamese.code).toBe(1);
    expect(vietnamese.stderr).toMatch(/--sign chu-ky\.p12: không mở được tệp chứng thư số: sai mật khẩu/);
    expect(existsSync(join(cwd, 'wrong')) ? readdirSync(join(cwd, 'wrong')) : []).toEqual([]);
  });
});

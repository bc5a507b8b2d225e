/**
 * Every field the input compares against a list of words (enum-like fields) accepts the same word
 * typed decomposed (NFD, as some keyboards and PDFs give it), and the document is the same.
 */
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeConclusion, loadTemplates, parseConclusion, renderConclusion } from '../../src/index.js';
import { SECRECY_MARKS, SIGNING_AUTHORITIES, URGENCY_MARKS } from '../../src/schema/conclusion.js';
import { ROOT } from '../helpers/cli.js';

const base = () => JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'inputs', 'unheaded-notice.json'), 'utf8'));
const nfd = (text: string) => text.normalize('NFD');

/** Every string of a value, decomposed. */
function decomposed<T>(value: T): T {
  if (typeof value === 'string') return nfd(value) as T;
  if (Array.isArray(value)) return value.map(decomposed) as T;
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decomposed(v)])) as T;
  return value;
}

describe('enum-like fields compare NFC text', () => {
  it.each(SECRECY_MARKS)('marks.secrecy %s', (mark) => {
    expect(nfd(mark)).not.toBe(mark);
    expect(parseConclusion({ ...base(), marks: { secrecy: nfd(mark) } }).marks?.secrecy).toBe(mark);
  });

  it.each(URGENCY_MARKS)('marks.urgency %s', (mark) => {
    expect(nfd(mark)).not.toBe(mark);
    expect(parseConclusion({ ...base(), marks: { urgency: nfd(mark) } }).marks?.urgency).toBe(mark);
  });

  it.each(SIGNING_AUTHORITIES)('signature.authority %s', (authority) => {
    expect(parseConclusion({ ...base(), signature: { ...base().signature, authority: nfd(authority) } }).signature.authority).toBe(authority);
  });

  it('number.typeCode', () => {
    expect(parseConclusion({ ...base(), number: { ...base().number, typeCode: nfd('QĐ') } }).number.typeCode).toBe('QĐ');
  });

  it('still refuses a word that is not on the list, naming the field', () => {
    expect(() => parseConclusion({ ...base(), marks: { secrecy: 'MẬT LẮM' } })).toThrow(/marks\.secrecy/);
  });

  it('the profile name, and the profile’s own enum keys in an override folder', () => {
    expect(loadTemplates({ profile: nfd('thong-bao-hd36') }).profile.name).toBe('thong-bao-hd36');
    const dir = mkdtempSync(join(tmpdir(), 'ket-luan-nfd-'));
    mkdirSync(join(dir, 'ket-luan-hd36'));
    const profile = { dates: { monthInText: nfd('plain') }, defaults: { signature: { authority: nfd('K/T') } }, body: { point: { align: nfd('left') } } };
    writeFileSync(join(dir, 'ket-luan-hd36', 'profile.json'), JSON.stringify(profile));
    const loaded = loadTemplates({ templates: dir }).profile;
    expect([loaded.dates.monthInText, loaded.defaults.signature.authority, loaded.body.point.align]).toEqual(['plain', 'K/T', 'left']);
  });
});

describe('a document typed in NFD', () => {
  const input = { ...base(), marks: { secrecy: 'MẬT', urgency: 'THƯỢNG KHẨN', circulation: 'LƯU HÀNH NỘI BỘ' } };

  it('is the same document as in NFC, in the model and in both writers’ bytes', async () => {
    expect(composeConclusion(decomposed(input)).model).toEqual(composeConclusion(input).model);
    for (const format of ['docx', 'pdf'] as const) {
      const [a, b] = await Promise.all([renderConclusion(input, { format }), renderConclusion(decomposed(input), { format })]);
      expect(Buffer.from(b).equals(Buffer.from(a)), format).toBe(true);
    }
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConclusionValidationError, lintConclusion, type ConclusionWarning } from '../../src/index.js';
import { ROOT } from '../helpers/cli.js';

const fixture = (name: string) => JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'inputs', `${name}.json`), 'utf8'));
const REFERENCE = JSON.parse(readFileSync(join(ROOT, 'examples', 'cho-chu-2024-11.json'), 'utf8'));

/** A commune's conclusion after the reform: issuer under the province, numbered, recipients ending with the filing line. */
function postReform() {
  const { opening: _, ...notice } = fixture('unheaded-notice');
  return {
    ...notice,
    title: 'KẾT LUẬN',
    number: { sequence: 12, typeCode: 'KL', issuerCode: 'ĐU' },
    signature: { authority: 'T/M', collective: 'BAN THƯỜNG VỤ', position: 'BÍ THƯ', name: 'Ma Văn Tùng' },
  };
}

const DAY = (iso: string) => new Date(`${iso}T12:00:00`);
const lint = (input: unknown, today = '2026-02-05') => lintConclusion(input, { today: DAY(today) });
const codes = (warnings: ConclusionWarning[]) => warnings.map((w) => `${w.code} ${w.field}`);

describe('lintConclusion', () => {
  it('finds nothing to say about the reference conclusion or a well-formed post-reform one', () => {
    expect(lint(REFERENCE, '2024-10-29')).toEqual([]);
    expect(lint(postReform())).toEqual([]);
    expect(lint(fixture('unheaded-notice'))).toEqual([]);
  });

  it('warns, naming the field, when a document dated from 01/7/2025 names a district-level body or the HU code', () => {
    const input = {
      ...postReform(),
      date: '2025-07-01',
      meeting: { month: 7, year: 2025 },
      issuer: { superior: 'ĐẢNG BỘ HUYỆN ĐỊNH HÓA', name: 'ĐẢNG ỦY XÃ ĐỊNH HÓA' },
      number: { sequence: 3, issuerCode: 'HU' },
      recipients: ['Thường trực Huyện ủy (b/c)', 'Quận ủy Ba Đình', 'Thị ủy Sông Công', 'Các chi bộ trực thuộc'],
    };
    expect(codes(lint(input, '2025-07-01'))).toEqual([
      'district-level-body issuer.superior',
      'district-level-body recipients[0]',
      'district-level-body recipients[1]',
      'district-level-body recipients[2]',
      'district-level-code number.issuerCode',
    ]);
    // The day before, the same header was right.
    expect(codes(lint({ ...input, date: '2025-06-30' }, '2025-06-30'))).toEqual([]);
  });

  it('knows the other district-level forms: a province’s city, a town, lower case and the other tone-mark placement', () => {
    const at = (superior: string, name = 'ĐẢNG ỦY PHƯỜNG ĐÔ VINH') => codes(lint({ ...postReform(), issuer: { superior, name } }));
    expect(at('THÀNH ỦY PHAN RANG - THÁP CHÀM')).toEqual(['district-level-body issuer.superior']);
    expect(at('Đảng bộ thị xã Phổ Yên')).toEqual(['district-level-body issuer.superior']);
    expect(at('HUYỆN UỶ PHÚ LƯƠNG')).toEqual(['district-level-body issuer.superior']);
    expect(at('ĐẢNG BỘ TỈNH THÁI NGUYÊN', 'ĐẢNG ỦY THỊ TRẤN CHỢ CHU')).toEqual(['district-level-body issuer.name']);
    // Cities under the central government remain.
    expect(at('ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH')).toEqual([]);
    expect(at('THÀNH ỦY HÀ NỘI')).toEqual([]);
    // Decomposed input is read like any other.
    expect(at('ĐẢNG BỘ HUYỆN ĐỊNH HÓA'.normalize('NFD'))).toEqual(['district-level-body issuer.superior']);
  });

  it('warns when the document is dated before the meeting it reports, or after the month the meeting is for', () => {
    expect(codes(lint({ ...postReform(), date: '2025-12-20' }))).toEqual(['date-before-meeting date']);
    expect(codes(lint({ ...postReform(), date: '2026-03-02' }, '2026-03-02'))).toEqual(['date-after-meeting-month meeting']);
    // The regular meeting for a month is held at the end of the month before: no warning.
    expect(codes(lint({ ...postReform(), date: '2026-01-29' }))).toEqual([]);
    const opening = ['Ngày 06/02/2026, Ban Thường vụ Đảng ủy họp và kết luận như sau:'];
    expect(codes(lint({ ...postReform(), opening }))).toEqual(['date-before-meeting date']);
    expect(codes(lint({ ...postReform(), opening: ['Ngày 05/02/2026, Ban Thường vụ Đảng ủy họp'] }))).toEqual([]);
  });

  it('warns about a date far ahead of today', () => {
    expect(codes(lint({ ...postReform(), date: '2026-02-05' }, '2025-02-05'))).toContain('date-far-ahead date');
    expect(codes(lint(postReform(), '2026-01-20'))).not.toContain('date-far-ahead date');
  });

  it('finds the placeholders a starter file leaves, in any field', () => {
    const input = {
      ...postReform(),
      issuer: { superior: 'ĐẢNG BỘ TỈNH …', name: 'ĐẢNG ỦY XÃ …' },
      sections: [{ content: [{ text: 'Công tác xây dựng Đảng: (ghi kết quả).', bullets: ['Thật', { text: 'Thật', bullets: ['(Ghi những hạn chế)'] }] }] }],
      signature: { ...postReform().signature, name: 'Nguyễn Văn A' },
    };
    expect(codes(lint(input))).toEqual([
      'placeholder issuer.superior',
      'placeholder issuer.name',
      'placeholder sections[0].content[0].text',
      'placeholder sections[0].content[0].bullets[1].bullets[0]',
      'placeholder signature.name',
    ]);
  });

  it('checks the filing line: "Lưu", not given twice, not the state form', () => {
    expect(codes(lint({ ...postReform(), filing: 'VPĐU' }))).toEqual(['filing-without-luu filing']);
    expect(codes(lint({ ...postReform(), recipients: ['Các chi bộ', 'Lưu VPĐU'] }))).toEqual(['filing-in-recipients recipients[1]']);
    expect(codes(lint({ ...postReform(), filing: 'Lưu: VT' }))).toEqual(['state-filing-form filing']);
  });

  it('checks the signer against the signing authority', () => {
    const signed = (signature: object) => codes(lint({ ...postReform(), signature: { ...postReform().signature, ...signature } }));
    expect(signed({ authority: 'K/T', collective: 'BÍ THƯ', position: 'PHÓ BÍ THƯ' })).toEqual([]);
    expect(signed({ authority: 'K/T', collective: 'BÍ THƯ', position: 'BÍ THƯ' })).toEqual(['signer-authority signature.position']);
    expect(signed({ authority: 'K/T', position: 'PHÓ BÍ THƯ' })).toEqual(['signer-authority signature.authority']);
    expect(signed({ authority: 'T/L', position: 'BÍ THƯ' })).toEqual(['signer-authority signature.position']);
    expect(signed({ authority: 'T/M', position: 'PHÓ BÍ THƯ' })).toEqual([]);
  });

  it('checks the header: a commune names its superior, the place has no "xã", an electronic document has its number', () => {
    const { superior: _, ...issuer } = postReform().issuer;
    expect(codes(lint({ ...postReform(), issuer }))).toEqual(['missing-superior issuer.superior']);
    expect(codes(lint({ ...postReform(), place: 'xã Định Hóa' }))).toEqual(['place-with-unit-kind place']);
    expect(codes(lint({ ...postReform(), number: { issuerCode: 'ĐU' } }))).toEqual(['number-missing number.sequence']);
    expect(codes(lint({ ...postReform(), number: { issuerCode: 'ĐU' }, marks: { draft: true } }))).toEqual([]);
  });

  it('says every warning in English and Vietnamese', () => {
    const input = { ...postReform(), filing: 'VPĐU', place: 'xã Định Hóa', issuer: { superior: 'ĐẢNG BỘ HUYỆN ĐỊNH HÓA', name: 'ĐẢNG ỦY XÃ ĐỊNH HÓA' } };
    const warnings = lint(input);
    expect(warnings.length).toBeGreaterThanOrEqual(3);
    for (const w of warnings) {
      expect(w.message).not.toBe(w.messageVi);
      expect(w.messageVi).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/u);
    }
  });

  it('throws the validation error for input that is not a conclusion, as rendering would', () => {
    expect(() => lint({ issuer: {} })).toThrow(ConclusionValidationError);
  });
});

/**
 * A character the PDF's font lacks is refused naming where it came from: the input field its run
 * was built from (recorded as the document is composed, not searched for afterwards), the template
 * that printed it, or the profile's value. Through the public renderConclusion.
 *
 * Liberation Serif has "ɐ" (U+0250) but not its capital "Ɐ" (U+2C6F): text that is fine as
 * written fails once a style or a template sets it in capitals.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeDocument, type MeasureTextMm } from '../src/compose/compose.js';
import type { ConclusionWarning } from '../src/lint/warning.js';
import { MissingGlyphError, loadTemplates, parseConclusion, renderConclusion } from '../src/index.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const base = (): Json => ({
  issuer: { superior: 'ĐẢNG BỘ TỈNH THÁI NGUYÊN', name: 'ĐẢNG ỦY XÃ PHÚ ĐÌNH' },
  number: { sequence: 7, issuerCode: 'ĐU' },
  place: 'Phú Đình',
  date: '2024-10-29',
  summary: ['về công tác chuẩn bị đại hội'],
  sections: [{ heading: 'Kết quả', content: ['Một đoạn văn.', { text: 'Điểm một.', subpoints: [{ text: 'Ý a.', bullets: ['Gạch đầu dòng.'] }] }] }],
  recipients: ['Như trên'],
  signature: { name: 'Nguyễn Văn An' },
});

/** A templates folder whose default profile has the given files over the shipped ones. */
function templatesWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ket-luan-provenance-'));
  mkdirSync(join(dir, 'ket-luan-hd36'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'ket-luan-hd36', name), text);
  return dir;
}

async function glyphError(input: unknown, templates?: string): Promise<MissingGlyphError> {
  const error = await renderConclusion(input, { format: 'pdf', ...(templates !== undefined && { templates }) }).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof MissingGlyphError)) throw new Error(`expected a MissingGlyphError, got ${error === null ? 'a PDF' : String(error)}`);
  expect(error.character).toBe('Ɐ');
  expect(error.message).toContain('U+2C6F');
  return error;
}

describe('a missing glyph names the field its text came from', () => {
  it('the same text in two fields, the glyph missing only in the second: the second is named', async () => {
    const input = base();
    // The same words; only the second holds the capital the font lacks.
    input.sections[0].content = ['Tổ ɐ lập.', 'Tổ Ɐ lập.'];
    const error = await glyphError(input);
    expect(error.field).toBe('sections[0].content[1]');
    expect(error.template).toBeUndefined();
    expect(error.message).toContain('in field "sections[0].content[1]"');
    expect(error.messageVi).toContain('trong trường "sections[0].content[1]"');
  });

  it('the same text in a field the template set does not print and in one it does: the printed one is named', async () => {
    const input = base();
    // issuer.unit is printed only by the opening and closing templates, which given text replaces.
    input.issuer.unit = 'xã Tân Ɐ';
    input.opening = ['Mở đầu.'];
    input.closing = ['Kết thúc.'];
    input.sections[0].heading = 'xã Tân Ɐ';
    expect((await glyphError(input)).field).toBe('sections[0].heading');
  });

  it('a point, a subpoint and a bullet each name their own path', async () => {
    for (const [place, field] of [
      [(input: Json) => (input.sections[0].content[1].text = 'Điểm Ɐ.'), 'sections[0].content[1].text'],
      [(input: Json) => (input.sections[0].content[1].subpoints[0].text = 'Ý Ɐ.'), 'sections[0].content[1].subpoints[0].text'],
      [(input: Json) => (input.sections[0].content[1].subpoints[0].bullets[0] = 'Gạch Ɐ.'), 'sections[0].content[1].subpoints[0].bullets[0]'],
      [(input: Json) => (input.recipients = ['Như trên', 'Lưu Ɐ']), 'recipients[1]'],
      [(input: Json) => (input.signature.name = 'Nguyễn Văn Ɐ'), 'signature.name'],
    ] as const) {
      const input = base();
      place(input);
      expect((await glyphError(input)).field).toBe(field);
    }
  });

  it('text the profile sets in capitals (the superior line) names its field', async () => {
    const input = base();
    input.issuer.superior = 'Đảng bộ tỉnh ɐ';
    const error = await glyphError(input);
    expect(error.field).toBe('issuer.superior');
  });

  it('text a template upper-cases names its field and the template', async () => {
    const input = base();
    input.place = 'Phú ɐ';
    // the same words in a later field, as written: drawable, and not the one at fault
    input.sections[0].content[0] = 'Phú ɐ';
    const error = await glyphError(input, templatesWith({ 'place-date.hbs': '{{upper place}}, {{date.inWords}}' }));
    expect(error.field).toBe('place');
    expect(error.template).toBe('place-date.hbs');
    expect(error.message).toContain('in field "place" (printed by the template place-date.hbs)');
    expect(error.messageVi).toContain('trong trường "place" (được in qua mẫu place-date.hbs)');
  });

  it('a field used inside a template string (the unit in the opening) names the field and the template', async () => {
    const input = base();
    delete input.opening;
    input.meeting = { month: 10, year: 2024 };
    input.issuer.unit = 'xã Tân Ɐ';
    const error = await glyphError(input);
    expect(error.field).toBe('issuer.unit');
    expect(error.template).toBe('opening.hbs');
  });

  it('a template mixing two fields names the one that holds the character', async () => {
    const input = base();
    input.signature.authority = 'T/M';
    input.signature.collective = 'BAN Ɐ';
    const error = await glyphError(input);
    expect(error.field).toBe('signature.collective');
    expect(error.template).toBe('signature-authority.hbs');
  });

  it("the template's own text names the template, and no field", async () => {
    const error = await glyphError(base(), templatesWith({ 'recipients-label.hbs': 'Nơi nhận Ɐ:' }));
    expect(error.field).toBeUndefined();
    expect(error.template).toBe('recipients-label.hbs');
    expect(error.message).toContain('in the template recipients-label.hbs');
    expect(error.messageVi).toContain('trong mẫu recipients-label.hbs');
  });

  it("a profile value (a list marker) names the profile's key, not the bullet's text", async () => {
    const error = await glyphError(base(), templatesWith({ 'profile.json': JSON.stringify({ body: { bullet: { marker: 'Ɐ ' } } }) }));
    expect(error.field).toBeUndefined();
    expect(error.setting).toBe('body.bullet.marker');
    expect(error.message).toContain('"body.bullet.marker"');
    expect(error.messageVi).toContain('"body.bullet.marker"');
  });

  it("the monthly shortcomings, printed after the template's lead, name their field", async () => {
    const input = base();
    delete input.sections;
    input.meeting = { month: 10, year: 2024 };
    input.results = 'Đạt.';
    input.shortcomings = { text: 'Còn Ɐ.' };
    input.tasks = ['Làm tiếp.'];
    expect((await glyphError(input)).field).toBe('shortcomings.text');
  });
});

describe('a header line that wraps names the field it came from', () => {
  /** The field the wrapping warning names for the line starting with `wide`, made wider than the text. */
  function wrapField(input: Json, wide: string): string | undefined {
    const warnings: ConclusionWarning[] = [];
    const measure: MeasureTextMm = (text) => (text.startsWith(wide) ? 200 : 10);
    composeDocument(parseConclusion(input), loadTemplates(), measure, (w) => warnings.push(w));
    return warnings.find((w) => w.code === 'header-line-wraps' && w.message.includes(`"${wide}`))?.field;
  }

  it('the urgency mark, not the secrecy mark beside it', () => {
    const input = base();
    input.marks = { secrecy: 'MẬT', urgency: 'KHẨN' };
    expect(wrapField(input, 'KHẨN')).toBe('marks.urgency');
    expect(wrapField(input, 'MẬT')).toBe('marks.secrecy');
  });

  it("a template's line: the one field it prints, else the template", () => {
    // "Phú Đình, ngày 29 tháng 10 năm 2024" prints the place alone of the input's text fields
    expect(wrapField(base(), 'Phú Đình,')).toBe('place');
    // "Số 07-KL/ĐU": the issuer's code (the type code comes from the profile)
    expect(wrapField(base(), 'Số')).toBe('number.issuerCode');
    const both = base();
    both.number.typeCode = 'KL';
    expect(wrapField(both, 'Số')).toBe('number.hbs');
  });
});

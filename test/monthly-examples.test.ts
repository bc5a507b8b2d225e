/**
 * The clerk's monthly inputs hold only their content; the templates supply every fixed phrase.
 * Each renders to a complete document whose headings name the right months, across a year's end.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderConclusion } from '../src/index.js';
import { ROOT } from './helpers/cli.js';
import { docxBodyParagraphs } from './helpers/docx-text.js';

const DATA = join(ROOT, 'examples', 'monthly', 'data');

const EXPECTED: Record<string, { summary: string; headings: string[] }> = {
  '2024-12': {
    summary: 'tại Hội nghị thường kỳ tháng 12/2024',
    headings: ['I. Kết quả thực hiện nhiệm vụ tháng 11/2024', 'II. Nhiệm vụ lãnh đạo, chỉ đạo trọng tâm tháng 12/2024'],
  },
  '2025-01': {
    summary: 'tại Hội nghị thường kỳ tháng 01/2025',
    headings: ['I. Kết quả thực hiện nhiệm vụ tháng 12/2024', 'II. Nhiệm vụ lãnh đạo, chỉ đạo trọng tâm tháng 01/2025'],
  },
};

const CASES = Object.keys(EXPECTED).flatMap((month) => readdirSync(join(DATA, month)).map((file) => [month, file] as const));

describe.each(CASES)('%s/%s', (month, file) => {
  const input = JSON.parse(readFileSync(join(DATA, month, file), 'utf8'));

  it('holds content only: no fixed phrase is written in the input', () => {
    for (const phrase of ['title', 'summary', 'opening', 'closing', 'recipients', 'filing', 'sections']) expect(input).not.toHaveProperty(phrase);
  });

  it('renders a complete document with the month’s headings', async () => {
    const paragraphs = await docxBodyParagraphs(await renderConclusion(input, { format: 'docx' }));
    const expected = EXPECTED[month]!;
    expect(paragraphs).toContain('KẾT LUẬN');
    expect(paragraphs).toContain(expected.summary);
    for (const heading of expected.headings) expect(paragraphs).toContain(heading);
    expect(paragraphs.some((p) => p.startsWith('Trên đây là Kết luận'))).toBe(true);
    expect(paragraphs).toContain('Nơi nhận:');
    expect(paragraphs).toContain('- Lưu VPĐU.');
    expect(paragraphs).toContain(input.signature.name);
  });
});

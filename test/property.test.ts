/**
 * Property tests: renderConclusion on generated conclusions (test/helpers/arbitraries.ts).
 *
 * (a) every part of the DOCX package is well-formed XML;
 * (b) every input text is in the DOCX, paragraph for paragraph and in document order, and NFD
 *     input gives the same bytes as its NFC form;
 * (c) the same for the text pdftotext reads out of the PDF;
 * (d) nothing but ConclusionValidationError is ever thrown, for arbitrary values and for
 *     mutated valid inputs;
 * (e) LibreOffice opens generated DOCX files and lays them out to at least one page;
 * (f) text of every class the text rules refuse (a run of over 30 combining marks, a bidi control,
 *     a right-to-left letter, nothing visible, emphasis around nothing), put in any text field,
 *     is an error on exactly that field with that class's message;
 * (g) a profile with random values in range either is refused with a TemplateError naming the
 *     file and a key, or renders a PDF with no blank page and nothing off the page.
 *
 * Runs are bounded (numRuns below) and seeded, so a run is the same every time. A failure prints
 * fast-check's seed and path; to replay exactly that case:
 *
 *   FC_SEED=<seed> FC_PATH=<path> npx vitest run test/property.test.ts -t '<test name>'
 *
 * FC_SEED alone runs the whole properties with another seed (to explore); FC_RUNS multiplies
 * numRuns (e.g. FC_RUNS=10 for a long soak).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConclusionValidationError, profileSchema, renderConclusion, TemplateError } from '../src/index.js';
import { FontError } from '../src/fonts/errors.js';
import {
  anyValue,
  badTextArb,
  conclusionArb,
  expectedParagraphs,
  missingInFlowText,
  missingParagraphs,
  mutate,
  mutationArb,
  fieldName,
  profileOverrideArb,
  textFieldsOf,
} from './helpers/arbitraries.js';
import { docxParagraphs, zipEntries } from './helpers/docx-text.js';
import { pdfPageCount, pdfPages, pdfPageTexts } from './helpers/pdf-text.js';
import { convertWithLibreOffice } from './helpers/libreoffice.js';

/** The fixed seed of every property here; FC_SEED replaces it. */
export const SEED = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : 20_241_029;
const FACTOR = process.env.FC_RUNS !== undefined ? Number(process.env.FC_RUNS) : 1;

function params(numRuns: number): fc.Parameters<unknown> {
  return {
    numRuns: Math.max(1, Math.round(numRuns * FACTOR)),
    seed: SEED,
    ...(process.env.FC_PATH !== undefined && { path: process.env.FC_PATH }),
    // Shrinking re-renders; keep a failing run from taking forever, and still report what it has.
    interruptAfterTimeLimit: 45_000,
    markInterruptAsFailure: false,
  };
}

/** The top of the page where the page number stands (7 mm from the top edge; text starts at 20 mm). */
const PAGE_NUMBER_BAND_PT = (15 / 25.4) * 72;

/** One message for all the problems of a run, with the first lines of the input's JSON. */
function report(problems: string[], input: unknown): string {
  return `${problems.length} problem(s):\n  ${problems.slice(0, 20).join('\n  ')}\ninput: ${JSON.stringify(input).slice(0, 600)}…`;
}

function isPolluted(): boolean {
  const probe = {} as Record<string, unknown>;
  return ['polluted', 'x', 'isAdmin', 'name', 'text', 'issuer'].some((k) => probe[k] !== undefined) || Object.keys(Object.prototype).length > 0;
}

describe('generated valid conclusions → DOCX', () => {
  it('(a) every .xml and .rels part of the DOCX is well-formed XML', async () => {
    await fc.assert(
      fc.asyncProperty(conclusionArb, async (input) => {
        const docx = await renderConclusion(input, { format: 'docx' });
        const entries = await zipEntries(docx);
        const xmlParts = [...entries.keys()].filter((name) => /\.(xml|rels)$/.test(name));
        expect(xmlParts).toContain('word/document.xml');
        expect(xmlParts).toContain('[Content_Types].xml');
        for (const name of xmlParts) {
          const result = XMLValidator.validate(entries.get(name)!);
          if (result !== true) throw new Error(`${name}: ${result.err.code} ${result.err.msg} at line ${result.err.line}, column ${result.err.col}`);
        }
      }),
      params(40),
    );
  });

  it('(b) every input text is in the DOCX: upper-cased where the layout capitalises, numbered, in order', async () => {
    await fc.assert(
      fc.asyncProperty(conclusionArb, async (input) => {
        const docx = await renderConclusion(input, { format: 'docx' });
        const entries = await zipEntries(docx);
        const paragraphs = docxParagraphs(entries.get('word/document.xml')!);
        const problems = missingParagraphs(paragraphs, expectedParagraphs(input));
        if (problems.length > 0) throw new Error(report(problems, input));
      }),
      params(40),
    );
  });

  it('(b) an input and the same input in NFC give byte-identical DOCX files (normalisation is complete)', async () => {
    await fc.assert(
      fc.asyncProperty(conclusionArb, async (input) => {
        const composed = JSON.parse(JSON.stringify(input).normalize('NFC'));
        const a = await renderConclusion(input, { format: 'docx' });
        const b = await renderConclusion(composed, { format: 'docx' });
        expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
      }),
      params(25),
    );
  });
});

describe('generated valid conclusions → PDF', () => {
  it('(c) every input text is in the PDF text that pdftotext reads, in order', async () => {
    await fc.assert(
      fc.asyncProperty(conclusionArb, async (input) => {
        const pdf = await renderConclusion(input, { format: 'pdf' });
        expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
        // Content-stream order keeps each column of the header and footer together; the band at the
        // top of each page holds only the page number, which would otherwise split a paragraph.
        const pages = await pdfPageTexts(pdf, { raw: true, cropTopPt: PAGE_NUMBER_BAND_PT });
        const problems = missingInFlowText(pages.join('\n'), expectedParagraphs(input));
        // Hyphenation is off: no soft hyphen is drawn, and no word is cut with a "-" at a line end
        // (a "-" that ends a line is always one the input has, which the comparison above checks).
        if (pages.some((p) => p.includes('\u00AD'))) problems.push('a soft hyphen was drawn');
        if (problems.length > 0) throw new Error(report(problems, input));
      }),
      params(10),
    );
  });
});

describe('nothing throws but ConclusionValidationError', () => {
  async function outcome(input: unknown, format: 'docx' | 'pdf'): Promise<'rendered' | Error> {
    try {
      const bytes = await renderConclusion(input, { format });
      expect(bytes.length).toBeGreaterThan(0);
      return 'rendered';
    } catch (error) {
      return error as Error;
    }
  }

  function expectValidationError(error: unknown, input: unknown): void {
    if (!(error instanceof ConclusionValidationError)) {
      throw new Error(`expected ConclusionValidationError, got ${String((error as Error)?.name)}: ${String((error as Error)?.message).slice(0, 500)}\ninput: ${safeJson(input)}`);
    }
    expect(error.problems.length).toBeGreaterThan(0);
    for (const p of error.problems) {
      expect(typeof p.field).toBe('string');
      expect(p.field.length).toBeGreaterThan(0);
      expect(p.message.length).toBeGreaterThan(0);
      expect(p.messageVi.length).toBeGreaterThan(0);
    }
  }

  it('(d) arbitrary values (objects with __proto__/constructor keys, arrays, boxed values, Maps …) are rejected with ConclusionValidationError', async () => {
    await fc.assert(
      fc.asyncProperty(anyValue, async (value) => {
        const result = await outcome(value, 'docx');
        // None of these is a conclusion.
        expectValidationError(result, value);
        expect(isPolluted()).toBe(false);
      }),
      params(300),
    );
  });

  it('(d) arbitrary objects in place of every top-level field are rejected or rendered, never anything else', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ issuer: anyValue, number: anyValue, place: anyValue, date: anyValue, sections: anyValue, signature: anyValue, meeting: anyValue, tasks: anyValue }, { requiredKeys: [] }),
        async (value) => {
          const result = await outcome(value, 'docx');
          if (result !== 'rendered') expectValidationError(result, value);
          expect(isPolluted()).toBe(false);
        },
      ),
      params(150),
    );
  });

  it('(d) mutated valid inputs render to DOCX or are rejected with ConclusionValidationError', async () => {
    await fc.assert(
      fc.asyncProperty(conclusionArb, fc.array(mutationArb, { minLength: 1, maxLength: 4 }), async (valid, mutations) => {
        const input = mutate(valid, mutations);
        const result = await outcome(input, 'docx');
        if (result !== 'rendered') expectValidationError(result, input);
        expect(isPolluted()).toBe(false);
      }),
      params(60),
    );
  });

  it('(d) mutated valid inputs render to PDF or are rejected with ConclusionValidationError (or, for a glyph the font lacks, FontError naming the field)', async () => {
    await fc.assert(
      fc.asyncProperty(conclusionArb, fc.array(mutationArb, { minLength: 1, maxLength: 3 }), async (valid, mutations) => {
        const input = mutate(valid, mutations);
        const result = await outcome(input, 'pdf');
        if (result instanceof FontError) {
          // Documented: "A character missing from the font is an error naming the character and its field."
          expect(result.message).toMatch(/U\+[0-9A-F]{4,6}/);
          expect(result.message, result.message).toMatch(/in field "/);
          return;
        }
        if (result !== 'rendered') expectValidationError(result, input);
        expect(isPolluted()).toBe(false);
      }),
      params(25),
    );
  });
});

describe('text the rules refuse, in any field', () => {
  it('(f) a bad text of each class in one text field → ConclusionValidationError on that field alone, with the class\'s message', async () => {
    await fc.assert(
      fc.asyncProperty(conclusionArb, badTextArb, fc.nat(), async (valid, bad, pick) => {
        const fields = textFieldsOf(valid).filter((f) => f.paragraph || !bad.paragraphOnly);
        const { path } = fields[pick % fields.length]!;
        const input = structuredClone(valid) as unknown as Record<string, unknown>;
        const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], input) as Record<string | number, unknown>;
        parent[path[path.length - 1]!] = bad.text;
        const error = await renderConclusion(input, { format: 'docx' }).then(
          () => null,
          (e: unknown) => e,
        );
        const field = fieldName(path);
        if (!(error instanceof ConclusionValidationError)) throw new Error(`${bad.kind} in ${field}: expected ConclusionValidationError, got ${error === null ? 'a document' : String(error)}`);
        const problems = error.problems.map((p) => `${p.field}: ${p.message}`);
        expect(problems, JSON.stringify(bad.text)).toHaveLength(1);
        expect(error.problems[0]!.field).toBe(field);
        expect(error.problems[0]!.message).toMatch(bad.message);
        expect(error.problems[0]!.messageVi.length).toBeGreaterThan(0);
      }),
      params(150),
    );
  });
});

describe('profiles with values in range', () => {
  /** Whether a dotted path is a key of the profile schema (element styles' keys are optional). */
  const hasKey = (path: string) => {
    let schema: unknown = profileSchema;
    for (const key of path.split('.')) {
      while (schema instanceof z.ZodOptional) schema = schema.unwrap();
      schema = (schema as { shape?: Record<string, unknown> }).shape?.[key];
      if (schema === undefined) return false;
    }
    return true;
  };
  const INPUT = {
    issuer: { superior: 'ĐẢNG BỘ TỈNH THÁI NGUYÊN', name: 'ĐẢNG ỦY XÃ PHÚ ĐÌNH' },
    number: { sequence: 7, issuerCode: 'ĐU' },
    place: 'Phú Đình',
    date: '2024-10-29',
    summary: ['về công tác chuẩn bị đại hội'],
    sections: [{ heading: 'Kết quả', content: ['Tiếp tục chỉ đạo các chi bộ tổ chức quán triệt, triển khai thực hiện nghiêm túc.', { text: 'Điểm một.', bullets: ['Gạch đầu dòng.'] }] }],
    recipients: ['Như trên'],
    signature: { name: 'Nguyễn Văn An' },
  };

  it('(g) is refused with a TemplateError naming profile.json and a key, or renders a PDF with no blank page and nothing off the page', async () => {
    await fc.assert(
      fc.asyncProperty(profileOverrideArb, async (override) => {
        const dir = mkdtempSync(join(tmpdir(), 'ket-luan-profile-property-'));
        mkdirSync(join(dir, 'ket-luan-hd36'));
        const file = join(dir, 'ket-luan-hd36', 'profile.json');
        writeFileSync(file, JSON.stringify(override));
        const outcome = await renderConclusion(INPUT, { format: 'pdf', templates: dir }).then(
          (pdf) => pdf,
          (e: unknown) => e,
        );
        if (!(outcome instanceof Uint8Array)) {
          if (!(outcome instanceof TemplateError)) throw new Error(`expected a TemplateError or a PDF, got ${String(outcome)}`);
          const named = new RegExp(`^(.+/profile\\.json): ([A-Za-z.]+): `).exec(outcome.message);
          expect(named, outcome.message).not.toBeNull();
          expect(hasKey(named![2]!), outcome.message).toBe(true);
          return;
        }
        const pages = await pdfPages(outcome);
        pages.forEach((page, i) => {
          // Every page holds something besides its number.
          expect(page.words.some((w) => !/^\d+$/.test(w.text)), `page ${i + 1} of ${pages.length} is blank`).toBe(true);
          for (const w of page.words) {
            const inside = w.xMin >= -0.5 && w.yMin >= -0.5 && w.xMax <= page.width + 0.5 && w.yMax <= page.height + 0.5;
            expect(inside, `page ${i + 1}: "${w.text}" at ${w.xMin.toFixed(1)}–${w.xMax.toFixed(1)} × ${w.yMin.toFixed(1)}–${w.yMax.toFixed(1)} on a ${page.width.toFixed(1)} × ${page.height.toFixed(1)} page`).toBe(true);
          }
        });
      }),
      params(60),
    );
  }, 300_000);
});

describe('LibreOffice reads the generated DOCX', () => {
  it('(e) converts 3 generated DOCX files to PDF of at least one page, with the input text', async () => {
    const inputs = fc.sample(conclusionArb, { numRuns: 3, seed: SEED });
    // converted together: one soffice process for the three
    const pdfs = await Promise.all(inputs.map(async (input) => convertWithLibreOffice(await renderConclusion(input, { format: 'docx' }), { timeoutMs: 110_000 })));
    for (const [index, input] of inputs.entries()) {
      const pdf = pdfs[index]!;
      expect(await pdfPageCount(pdf)).toBeGreaterThanOrEqual(1);
      // Content-stream order: LibreOffice writes lines in layout order, cells of a table row one after the other.
      const pages = await pdfPageTexts(pdf, { raw: true, cropTopPt: PAGE_NUMBER_BAND_PT });
      const problems = missingInFlowText(pages.join('\n'), expectedParagraphs(input));
      if (problems.length > 0) throw new Error(report(problems, input));
    }
  }, 300_000);
});

function safeJson(value: unknown): string {
  try {
    return (JSON.stringify(value) ?? String(value)).slice(0, 600);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

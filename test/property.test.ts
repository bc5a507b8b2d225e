/**
 * Property tests: renderConclusion on generated conclusions (test/helpers/arbitraries.ts).
 *
 * (a) every part of the DOCX package is well-formed XML;
 * (b) every input text is in the DOCX, paragraph for paragraph and in document order, and NFD
 *     input gives the same bytes as its NFC form;
 * (c) the same for the text pdftotext reads out of the PDF;
 * (d) nothing but ConclusionValidationError is ever thrown, for arbitrary values and for
 *     mutated valid inputs;
 * (e) LibreOffice opens generated DOCX files and lays them out to at least one page.
 *
 * Runs are bounded (numRuns below) and seeded, so a run is the same every time. A failure prints
 * fast-check's seed and path; to replay exactly that case:
 *
 *   FC_SEED=<seed> FC_PATH=<path> npx vitest run test/property.test.ts -t '<test name>'
 *
 * FC_SEED alone runs the whole properties with another seed (to explore); FC_RUNS multiplies
 * numRuns (e.g. FC_RUNS=10 for a long soak).
 */
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { ConclusionValidationError, renderConclusion } from '../src/index.js';
import { FontError } from '../src/fonts/errors.js';
import {
  anyValue,
  conclusionArb,
  expectedParagraphs,
  missingInFlowText,
  missingParagraphs,
  mutate,
  mutationArb,
} from './helpers/arbitraries.js';
import { docxParagraphs, zipEntries } from './helpers/docx-text.js';
import { pdfPageCount, pdfPageTexts } from './helpers/pdf-text.js';
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

describe('LibreOffice reads the generated DOCX', () => {
  it('(e) converts 3 generated DOCX files to PDF of at least one page, with the input text', async () => {
    const inputs = fc.sample(conclusionArb, { numRuns: 3, seed: SEED });
    for (const input of inputs) {
      const docx = await renderConclusion(input, { format: 'docx' });
      const pdf = await convertWithLibreOffice(docx, 'docx', 'pdf', { timeoutMs: 110_000 });
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

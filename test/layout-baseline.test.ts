/**
 * The writers' output against a baseline recorded from the real output of the code before the
 * layout stage existed (test/fixtures/layout-baseline.json, written by scripts/layout-baseline.ts;
 * its `recordedFrom` names the commit): the same PDF bytes, the same text on the same lines and
 * pages, the same DOCX paragraphs, and DOCX parts that mean the same (see layout-snapshot.ts).
 * After an intended change of output, record the baseline again and say why in the commit.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalXml, layoutCases, snapshot, type LayoutSnapshot } from './helpers/layout-snapshot.js';

const baseline = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'layout-baseline.json'), 'utf8')) as {
  cases: Record<string, LayoutSnapshot>;
};

describe('output against the recorded baseline', () => {
  for (const c of layoutCases()) {
    it(`${c.name}: same lines and pages in the PDF, same DOCX paragraphs and XML meaning`, async () => {
      const before = baseline.cases[c.name];
      expect(before, `no baseline for ${c.name}`).toBeDefined();
      const now = await snapshot(c);
      expect(now.pdfPages).toBe(before?.pdfPages);
      expect(now.pdfPageTexts).toEqual(before?.pdfPageTexts);
      expect(now.docxParagraphs).toEqual(before?.docxParagraphs);
      expect(now.docxParts).toEqual(before?.docxParts);
      expect(now.pdfSha256, 'PDF bytes').toBe(before?.pdfSha256);
    });
  }
});

describe('canonicalXml', () => {
  it('reads attribute order, self-closing elements and entity spelling alike', () => {
    expect(canonicalXml('<a y="1" x="&#65;"><b/><c>t&amp;</c></a>')).toBe(canonicalXml('<a x="A" y="1"><b></b><c>t&#38;</c></a>'));
  });

  it('tells element order, attribute values and text apart', () => {
    expect(canonicalXml('<a><b/><c/></a>')).not.toBe(canonicalXml('<a><c/><b/></a>'));
    expect(canonicalXml('<a x="1"/>')).not.toBe(canonicalXml('<a x="2"/>'));
    expect(canonicalXml('<a> t</a>')).not.toBe(canonicalXml('<a>t</a>'));
  });
});

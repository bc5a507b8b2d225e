/**
 * The example `examples/cho-chu-2024-11.json` must be the reference document, word for word.
 *
 * The expected text is taken from the reference file itself (never from the JSON): the test
 * removes the artifacts of its text conversion by the rules below and then compares, in NFC,
 * paragraph by paragraph and as one sequence of words in document order.
 *
 * The reference is kept in the repository (`test/fixtures/reference/`, with its README saying
 * where it comes from); set KET_LUAN_REFERENCE to point at another copy.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Bullet, Conclusion, SectionItem } from '../src/schema/conclusion.js';
import { parseConclusion } from '../src/schema/parse.js';
import { parseInline, plainText } from '../src/text/inline.js';

const REFERENCE_PATH =
  process.env.KET_LUAN_REFERENCE ??
  fileURLToPath(new URL('./fixtures/reference/ket-luan-dang-uy-cho-chu-2024-11.txt', import.meta.url));
const EXAMPLE_PATH = fileURLToPath(new URL('../examples/cho-chu-2024-11.json', import.meta.url));

// ---------------------------------------------------------------------------------------------
// The reference, with the conversion artifacts removed
// ---------------------------------------------------------------------------------------------

interface ExpectedPoint {
  number: number;
  text: string;
}

interface ExpectedSection {
  numeral: string;
  heading: string;
  /** A string is an unnumbered paragraph, an object a numbered point. */
  content: (string | ExpectedPoint)[];
}

interface ExpectedDocument {
  title: string;
  summary: string[];
  opening: string[];
  sections: ExpectedSection[];
  closing: string[];
  recipients: string[];
  filing: string;
  signature: { authority: string; collective: string; position: string; name: string };
}

/** `I. `, `III. `, `1. `, `12. ` at the start of a paragraph. */
const SECTION_NUMERAL = /^([IVXLC]+)\.\s+/;
const POINT_NUMERAL = /^(\d+)\.\s+/;
const RECIPIENTS_LABEL = /^Nơi nhận:?$/;
const LIST_DASH = /^-\s+/;
const SIGNING_AUTHORITY = /^(T\/M|K\/T|T\/L)\s+(.+)$/;

/** Blocks of lines separated by blank lines; leading and trailing spaces of each line removed. */
function blocksOf(text: string): string[][] {
  return text
    .split(/\n[ \t]*\n/)
    .map((block) => block.split('\n').map((line) => line.trim()).filter((line) => line !== ''))
    .filter((lines) => lines.length > 0);
}

/**
 * A blank line inside a paragraph is a page break of the conversion: the block after it goes on
 * with the sentence (it starts in lower case or with a digit that is not a numeral `N. `) and the
 * block before it stops mid-sentence (no `.`, `:`, `;` at its end).
 */
function continuesPrevious(previous: string[], block: string[]): boolean {
  const last = previous[previous.length - 1] ?? '';
  const first = block[0] ?? '';
  return !/[.:;!?]$/u.test(last) && !POINT_NUMERAL.test(first) && !SECTION_NUMERAL.test(first) && /^[\p{Ll}\d]/u.test(first);
}

/** Hard-wrapped lines of one paragraph joined with a single space. */
function paragraph(lines: string[]): string {
  return lines.join(' ').replace(/\s+/gu, ' ').trim();
}

function stripBoldMarkers(text: string): string {
  return text.replace(/\*\*/g, '');
}

function expectedFromReference(raw: string): ExpectedDocument {
  const text = raw.normalize('NFC').replace(/\r\n?/g, '\n');
  const blocks = blocksOf(text);

  const labelAt = blocks.findIndex((block) => RECIPIENTS_LABEL.test(block[0] ?? ''));
  if (labelAt < 0) throw new Error('the reference has no "Nơi nhận:" line');

  // Title block: the type name, then the summary lines.
  const [titleBlock, ...bodyBlocks] = blocks.slice(0, labelAt);
  if (!titleBlock || bodyBlocks.length < 2) throw new Error('the reference has no title or body');
  const [title, ...summary] = titleBlock;
  if (!title) throw new Error('the reference has no title');

  // Body: join the page-break continuations, then hard-wrapped lines.
  const merged: string[][] = [];
  for (const block of bodyBlocks) {
    const previous = merged[merged.length - 1];
    if (previous && continuesPrevious(previous, block)) previous.push(...block);
    else merged.push([...block]);
  }
  const paragraphs = merged.map(paragraph);

  // The last paragraph before "Nơi nhận:" closes the body; what comes before the first section
  // heading opens it.
  const closing = [paragraphs.pop()!];
  const opening: string[] = [];
  const sections: ExpectedSection[] = [];
  for (const para of paragraphs) {
    const sectionMatch = SECTION_NUMERAL.exec(para);
    const pointMatch = POINT_NUMERAL.exec(para);
    const current = sections[sections.length - 1];
    if (sectionMatch) {
      sections.push({ numeral: sectionMatch[1]!, heading: para.slice(sectionMatch[0].length), content: [] });
    } else if (!current) {
      opening.push(para);
    } else if (pointMatch) {
      current.content.push({ number: Number(pointMatch[1]), text: para.slice(pointMatch[0].length) });
    } else {
      current.content.push(para);
    }
  }

  // Recipients: the "- " lines after the label, without the dash and the end punctuation; the
  // last one ("Lưu …") is the filing line.
  const after = blocks.slice(labelAt + 1);
  const listLines: string[] = [];
  while (after.length > 0 && after[0]!.every((line) => LIST_DASH.test(line))) listLines.push(...after.shift()!);
  const listed = listLines.map((line) => line.replace(LIST_DASH, '').replace(/[;,.]$/u, ''));
  const filing = listed.pop();
  if (filing === undefined || !/^Lưu\b/u.test(filing)) throw new Error('the reference has no "- Lưu …" line');

  // Signature: authority and collective, position (bold markers dropped), then the name.
  const signatureLines = after.flat().map(stripBoldMarkers).map((line) => line.trim()).filter((line) => line !== '');
  if (signatureLines.length !== 3) throw new Error(`expected three signature lines, found ${signatureLines.length}`);
  const authority = SIGNING_AUTHORITY.exec(signatureLines[0]!);
  if (!authority) throw new Error(`no signing authority in "${signatureLines[0]}"`);

  return {
    title,
    summary,
    opening,
    sections,
    closing,
    recipients: listed,
    filing,
    signature: { authority: authority[1]!, collective: authority[2]!, position: signatureLines[1]!, name: signatureLines[2]! },
  };
}

/** Every text of the reference in document order, as a reader sees it (no `**`). */
function referenceTexts(doc: ExpectedDocument): string[] {
  return [
    doc.title,
    ...doc.summary,
    ...doc.opening,
    ...doc.sections.flatMap((s) => [s.heading, ...s.content.map((item) => (typeof item === 'string' ? item : item.text))]),
    ...doc.closing,
    ...doc.recipients,
    doc.filing,
    `${doc.signature.authority} ${doc.signature.collective}`,
    doc.signature.position,
    doc.signature.name,
  ].map(stripBoldMarkers);
}

// ---------------------------------------------------------------------------------------------
// The example, read the way the library reads it
// ---------------------------------------------------------------------------------------------

/** The text of a paragraph field as a reader sees it: emphasis markers gone, line breaks kept. */
function readerText(text: string): string {
  return plainText(parseInline(text));
}

/** A section item's texts in document order: a point's text, its subpoints (each with its bullets), its bullets (each with its own). */
function itemTexts(item: SectionItem): string[] {
  if (typeof item === 'string') return [item];
  const bullets = (list: readonly Bullet[] = []) => list.flatMap((b) => (typeof b === 'string' ? [b] : [b.text, ...(b.bullets ?? []).map((c) => (typeof c === 'string' ? c : c.text))]));
  return [item.text, ...(item.subpoints ?? []).flatMap((sub) => [sub.text, ...bullets(sub.bullets)]), ...bullets(item.bullets)];
}

/** Every text of the example in document order (points: text, then subpoints, then bullets). */
function exampleTexts(doc: Conclusion): string[] {
  const items = (doc.sections ?? []).flatMap((section) => [...(section.heading === undefined ? [] : [section.heading]), ...section.content.flatMap(itemTexts)]);
  const { signature } = doc;
  return [
    doc.title ?? '',
    ...(doc.summary ?? []),
    ...(doc.opening ?? []),
    ...items,
    ...(doc.closing ?? []),
    ...(doc.recipients ?? []),
    doc.filing ?? '',
    [signature.authority, signature.collective].filter(Boolean).join(' '),
    signature.position ?? '',
    signature.name,
  ]
    .filter((text) => text !== '')
    .map(readerText);
}

function words(texts: readonly string[]): string[] {
  return texts.flatMap((text) => text.split(/\s+/u)).filter((word) => word !== '');
}

/** Null when equal; otherwise where the two word sequences part, with a little context. */
function firstDifference(actual: readonly string[], expected: readonly string[]): string | null {
  const length = Math.max(actual.length, expected.length);
  for (let i = 0; i < length; i++) {
    if (actual[i] !== expected[i]) {
      const around = (list: readonly string[]) => list.slice(Math.max(0, i - 8), i + 8).join(' ');
      return `word ${i}: example has ${JSON.stringify(actual[i])}, reference has ${JSON.stringify(expected[i])}\n  example:   … ${around(actual)} …\n  reference: … ${around(expected)} …`;
    }
  }
  return null;
}

/** The `**bold**` spans of the reference body, and the bold runs of the example's body. */
function referenceBoldSpans(doc: ExpectedDocument): string[] {
  const body = [...doc.opening, ...doc.sections.flatMap((s) => [s.heading, ...s.content.map((i) => (typeof i === 'string' ? i : i.text))]), ...doc.closing];
  return body.flatMap((text) => [...text.matchAll(/\*\*(.+?)\*\*/gsu)].map((m) => m[1]!));
}

function exampleBoldRuns(doc: Conclusion): string[] {
  const body = [
    ...(doc.opening ?? []),
    ...(doc.sections ?? []).flatMap((s) => [...(s.heading === undefined ? [] : [s.heading]), ...s.content.flatMap(itemTexts)]),
    ...(doc.closing ?? []),
  ];
  return body.flatMap((text) => parseInline(text).flatMap((run) => (run.kind === 'text' && run.bold ? [run.text] : [])));
}

// ---------------------------------------------------------------------------------------------

describe('examples/cho-chu-2024-11.json is the reference document', () => {
  if (!existsSync(REFERENCE_PATH)) {
    throw new Error(`reference text not found at ${REFERENCE_PATH} (set KET_LUAN_REFERENCE)`);
  }
  const exampleSource = readFileSync(EXAMPLE_PATH, 'utf8');
  const raw: unknown = JSON.parse(exampleSource);
  const expected = expectedFromReference(readFileSync(REFERENCE_PATH, 'utf8'));

  it('validates with parseConclusion and is already canonical (NFC, nothing changed by parsing)', () => {
    const parsed = parseConclusion(raw);
    expect(parsed).toEqual(raw);
    expect(exampleSource).toBe(exampleSource.normalize('NFC'));
  });

  it('reads the reference as expected (sanity check of the artifact rules)', () => {
    expect(expected.sections.length).toBe(2);
    for (const section of expected.sections) {
      const numbers = section.content.flatMap((item) => (typeof item === 'string' ? [] : [item.number]));
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    }
    const all = referenceTexts(expected).join('\n');
    expect(all).not.toMatch(/ {2}|^ | $/mu);
    expect(expected.closing[0]).toMatch(/\.\/\.$/u);
    expect(expected.filing).toBe('Lưu VPĐU');
  });

  describe('paragraph by paragraph', () => {
    // Parsed lazily, so that an invalid example fails the first test rather than the collection.
    let parsed: Conclusion | undefined;
    const example = (): Conclusion => (parsed ??= parseConclusion(raw));

    it('title and summary', () => {
      expect(example().title).toBe(expected.title);
      expect(example().summary).toEqual(expected.summary);
    });

    it('opening and closing', () => {
      expect(example().opening).toEqual(expected.opening);
      expect(example().closing).toEqual(expected.closing);
    });

    it('sections: headings without their numerals, points numbered by the layout', () => {
      const sections = example().sections ?? [];
      expect(sections.map((s) => s.heading)).toEqual(expected.sections.map((s) => s.heading));
      sections.forEach((section, i) => {
        const want = expected.sections[i]!.content;
        expect(section.content.length).toBe(want.length);
        section.content.forEach((item, j) => {
          const target = want[j]!;
          if (typeof target === 'string') {
            expect(item).toBe(target);
          } else {
            expect(typeof item).toBe('object');
            if (typeof item === 'string') return;
            expect(item.text).toBe(target.text);
            expect(item.subpoints ?? []).toEqual([]);
            expect(item.bullets ?? []).toEqual([]);
          }
        });
      });
    });

    it('recipients, filing and signature', () => {
      expect(example().recipients).toEqual(expected.recipients);
      expect(example().filing).toBe(expected.filing);
      expect(example().signature).toEqual(expected.signature);
    });

    it('the bold emphasis inside sentences, and no other', () => {
      expect(exampleBoldRuns(example())).toEqual(referenceBoldSpans(expected));
      expect(referenceBoldSpans(expected)).toEqual(['xong trước ngày 15/11/2024']);
    });

    it('date and meeting as the reference states them', () => {
      const day = /^Ngày (\d{1,2})\/(\d{1,2})\/(\d{4}),/u.exec(expected.opening[0] ?? '');
      expect(day).not.toBeNull();
      const [, d, m, y] = day!;
      expect(example().date).toBe(`${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`);
      const month = /tháng (\d{1,2})\/(\d{4})$/u.exec(expected.summary[expected.summary.length - 1] ?? '');
      expect(month).not.toBeNull();
      expect(example().meeting).toEqual({ month: Number(month![1]), year: Number(month![2]) });
      expect(expected.opening[0]).toContain(example().issuer.unit);
    });
  });

  it('every word of the reference, in order, and nothing more', () => {
    const doc = parseConclusion(raw);
    const want = words(referenceTexts(expected));
    const got = words(exampleTexts(doc));
    expect(firstDifference(got, want)).toBeNull();
    expect(got.length).toBe(want.length);
  });
});

import { Header, PageNumber, type ISectionOptions } from 'docx';
import type { PageNumberLayout } from '../../layout/index.js';
import { toDocxAlignment } from './alignment.js';
import type { DocxDefaults } from './defaults.js';
import { toDocxParagraph } from './paragraphs.js';
import type { ParagraphSpec } from './spec.js';

export interface PageNumberSection {
  /** The header paragraphs: the numbered one, then the blank first-page one if there is one. */
  paragraphs: ParagraphSpec[];
  /** Whether page 1 has its own (empty) header: w:titlePg. */
  titlePage: boolean;
  /** w:pgMar/@w:header, the distance from the page's top edge to the header's top. */
  headerTwips?: number;
}

/**
 * Page numbers as a PAGE field in the header. When page 1 must stay unnumbered the section gets
 * titlePage and an empty first-page header; both headers use the number's size so the body starts
 * at the same height on every page whatever a consumer does with header height. The header lines
 * are single-spaced ("auto" 240), no indent, no space around: the PDF writer places the number as
 * LibreOffice lays out such a line.
 */
export function pageNumberSpecs(numbering: PageNumberLayout | null): PageNumberSection {
  if (numbering === null) return { paragraphs: [], titlePage: false };
  const base = {
    spacing: { before: 0, after: 0, line: 240, lineRule: 'auto' as const },
    indent: { left: 0, right: 0, firstLine: 0 },
    keepNext: false,
    keepLines: false,
    halfPoints: numbering.sizeHalfPoints,
  };
  const numbered: ParagraphSpec = {
    ...base,
    alignment: toDocxAlignment(numbering.align),
    runs: [{ bold: false, italic: false, underline: false, breaks: 0, children: [PageNumber.CURRENT] }],
  };
  const headerTwips = numbering.fromTopTwips;
  if (numbering.onFirstPage) return { paragraphs: [numbered], titlePage: false, headerTwips };
  // empty, so its alignment does not show
  const blank: ParagraphSpec = { ...base, alignment: undefined, runs: [] };
  return { paragraphs: [numbered, blank], titlePage: true, headerTwips };
}

export function toDocxHeaders(section: PageNumberSection, defaults: DocxDefaults): ISectionOptions['headers'] | undefined {
  const [numbered, blank] = section.paragraphs.map((paragraph) => new Header({ children: [toDocxParagraph(paragraph, defaults)] }));
  if (numbered === undefined) return undefined;
  return blank === undefined ? { default: numbered } : { default: numbered, first: blank };
}

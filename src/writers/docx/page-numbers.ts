import { Header, PageNumber, Paragraph, TextRun, type ISectionOptions } from 'docx';
import type { FontSetup, PageNumbering } from '../../model/document.js';
import { toDocxAlignment } from './alignment.js';
import { runFonts } from './fonts.js';
import { PARAGRAPH_BASE } from './paragraphs.js';
import { mmToTwips, ptToHalfPoints } from './units.js';

export interface PageNumberSection {
  headers?: ISectionOptions['headers'];
  /** Whether page 1 has its own (empty) header: w:titlePg. */
  titlePage: boolean;
  /** w:pgMar/@w:header, the distance from the page's top edge to the header's top. */
  headerTwips?: number;
}

/**
 * Page numbers as a PAGE field in the header. When page 1 must stay unnumbered the section gets
 * titlePage and an empty first-page header; both headers use the number's size so the body starts
 * at the same height on every page whatever a consumer does with header height.
 */
export function toPageNumberSection(numbering: PageNumbering | null, font: FontSetup): PageNumberSection {
  if (numbering === null) return { titlePage: false };
  const size = ptToHalfPoints(numbering.sizePt);
  const mark = { font: runFonts(font), size, color: font.color };
  const numbered = new Header({
    children: [
      new Paragraph({
        ...PARAGRAPH_BASE,
        alignment: toDocxAlignment(numbering.align),
        spacing: { before: 0, after: 0 },
        run: mark,
        children: [new TextRun({ ...mark, children: [PageNumber.CURRENT] })],
      }),
    ],
  });
  const headerTwips = mmToTwips(numbering.fromTopMm);
  if (numbering.onFirstPage) return { headers: { default: numbered }, titlePage: false, headerTwips };
  const blank = new Header({
    children: [new Paragraph({ ...PARAGRAPH_BASE, spacing: { before: 0, after: 0 }, run: mark, children: [] })],
  });
  return { headers: { default: numbered, first: blank }, titlePage: true, headerTwips };
}

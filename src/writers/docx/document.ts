import { Document, PageOrientation, type FileChild } from 'docx';
import type { DocumentLayout, PageLayout } from '../../layout/index.js';
import type { FontSetup } from '../../model/document.js';
import { allParagraphs, chooseDefaults, normalStyle, type DocxDefaults } from './defaults.js';
import { runFonts } from './fonts.js';
import { pageNumberSpecs, toDocxHeaders, type PageNumberSection } from './page-numbers.js';
import { bodySpecs } from './paragraph-specs.js';
import type { BodySpec } from './spec.js';

/**
 * Everything of a DOCX but its body and its core properties: page, font, language, the chosen
 * defaults and the page-number headers. Documents of one profile usually share it, which is
 * what lets the writer build its parts once (package-frame.ts).
 */
export interface DocxLayout {
  page: PageLayout;
  font: FontSetup;
  language: string;
  defaultTabStopTwips: number;
  defaults: DocxDefaults;
  numbers: PageNumberSection;
}

/** A laid-out document in the DOCX's terms: its body as paragraph and table specs, and the rest. */
export function docxLayout(layout: DocumentLayout): { layout: DocxLayout; body: BodySpec[] } {
  const body = bodySpecs(layout.body);
  const numbers = pageNumberSpecs(layout.pageNumbers);
  const defaults = chooseDefaults(allParagraphs(body, numbers.paragraphs));
  const { page, font, defaultTabStopTwips } = layout;
  return { layout: { page, font, language: layout.metadata.language, defaultTabStopTwips, defaults, numbers }, body };
}

/**
 * The docx object tree for a layout and body children: styles, settings and the one section.
 * Core properties (title, author, dates) are not given to docx: the writer always supplies
 * docProps/core.xml itself, with the document's own date (reproducible-package.ts).
 */
export function docxDocument(layout: DocxLayout, children: FileChild[]): Document {
  const { page, font, language, defaults, numbers } = layout;
  const { widthTwips, heightTwips } = page;
  const margin = { top: page.margin.topTwips, bottom: page.margin.bottomTwips, left: page.margin.leftTwips, right: page.margin.rightTwips };
  const landscape = widthTwips > heightTwips;
  const headers = toDocxHeaders(numbers, defaults);

  return new Document({
    // Hyphenation would let Word and LibreOffice break words the PDF writer keeps whole.
    hyphenation: { autoHyphenation: false },
    defaultTabStop: layout.defaultTabStopTwips,
    // A justified line ending in a manual break is set flush left, as a PDF writer naturally
    // sets it, instead of Word's default of stretching its words across the column.
    compatibility: { doNotExpandShiftReturn: true },
    styles: {
      default: {
        // Font, colour and the most common size are said once, here, for every run and mark.
        document: {
          run: {
            font: runFonts(font),
            color: font.color,
            size: defaults.halfPoints,
            language: { value: language, eastAsia: language, bidirectional: language },
          },
        },
      },
      paragraphStyles: [normalStyle(defaults)],
    },
    sections: [
      {
        properties: {
          page: {
            // docx swaps width and height for landscape, so hand them over pre-swapped.
            size: landscape
              ? { width: heightTwips, height: widthTwips, orientation: PageOrientation.LANDSCAPE }
              : { width: widthTwips, height: heightTwips, orientation: PageOrientation.PORTRAIT },
            margin: { ...margin, ...(numbers.headerTwips === undefined ? {} : { header: numbers.headerTwips }) },
          },
          ...(numbers.titlePage ? { titlePage: true } : {}),
        },
        ...(headers ? { headers } : {}),
        children,
      },
    ],
  });
}

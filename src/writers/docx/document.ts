import { Document, PageOrientation, type FileChild } from 'docx';
import type { DocumentModel, FontSetup, PageSetup } from '../../model/document.js';
import { bodySpecs } from './blocks.js';
import { allParagraphs, chooseDefaults, normalStyle, type DocxDefaults } from './defaults.js';
import { runFonts } from './fonts.js';
import { pageNumberSpecs, toDocxHeaders, type PageNumberSection } from './page-numbers.js';
import type { BodySpec } from './spec.js';
import { mmToTwips } from './units.js';

/**
 * Everything of a DOCX but its body and its core properties: page, font, language, the chosen
 * defaults and the page-number headers. Documents of one profile usually share it, which is
 * what lets the writer build its parts once (package-frame.ts).
 */
export interface DocxLayout {
  page: PageSetup;
  font: FontSetup;
  language: string;
  defaults: DocxDefaults;
  numbers: PageNumberSection;
}

/** A model laid out for docx: its body as paragraph and table descriptions, and the rest. */
export function docxLayout(model: DocumentModel): { layout: DocxLayout; body: BodySpec[] } {
  const { page, font } = model;
  const body = bodySpecs(model.blocks, { font, widthTwips: textWidthTwips(page) });
  const numbers = pageNumberSpecs(model.pageNumbers);
  const defaults = chooseDefaults(allParagraphs(body, numbers.paragraphs));
  return { layout: { page, font, language: model.metadata.language, defaults, numbers }, body };
}

function textWidthTwips(page: PageSetup): number {
  return mmToTwips(page.widthMm) - mmToTwips(page.margin.leftMm) - mmToTwips(page.margin.rightMm);
}

/**
 * The docx object tree for a layout and body children: styles, settings and the one section.
 * Core properties (title, author, dates) are not given to docx: the writer always supplies
 * docProps/core.xml itself, with the document's own date (reproducible-package.ts).
 */
export function layoutDocument(layout: DocxLayout, children: FileChild[]): Document {
  const { page, font, language, defaults, numbers } = layout;
  const widthTwips = mmToTwips(page.widthMm);
  const heightTwips = mmToTwips(page.heightMm);
  const margin = {
    top: mmToTwips(page.margin.topMm),
    bottom: mmToTwips(page.margin.bottomMm),
    left: mmToTwips(page.margin.leftMm),
    right: mmToTwips(page.margin.rightMm),
  };
  const landscape = widthTwips > heightTwips;
  const headers = toDocxHeaders(numbers, defaults);

  return new Document({
    // Hyphenation would let Word and LibreOffice break words the PDF writer keeps whole.
    hyphenation: { autoHyphenation: false },
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

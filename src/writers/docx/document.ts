import { Document, PageOrientation } from 'docx';
import type { DocumentModel } from '../../model/document.js';
import { bodySpecs, toDocxBody } from './blocks.js';
import { allParagraphs, chooseDefaults, normalStyle } from './defaults.js';
import { runFonts } from './fonts.js';
import { pageNumberSpecs, toDocxHeaders } from './page-numbers.js';
import { mmToTwips } from './units.js';

/** The docx object tree for a model: styles, settings, metadata and the one section. */
export function toDocxDocument(model: DocumentModel): Document {
  const { page, font, metadata } = model;
  const widthTwips = mmToTwips(page.widthMm);
  const heightTwips = mmToTwips(page.heightMm);
  const margin = {
    top: mmToTwips(page.margin.topMm),
    bottom: mmToTwips(page.margin.bottomMm),
    left: mmToTwips(page.margin.leftMm),
    right: mmToTwips(page.margin.rightMm),
  };
  const textWidthTwips = widthTwips - margin.left - margin.right;
  const landscape = widthTwips > heightTwips;

  const body = bodySpecs(model.blocks, { font, widthTwips: textWidthTwips });
  const numbers = pageNumberSpecs(model.pageNumbers);
  const defaults = chooseDefaults(allParagraphs(body, numbers.paragraphs));
  const headers = toDocxHeaders(numbers, defaults);

  return new Document({
    title: metadata.title,
    creator: metadata.author,
    lastModifiedBy: metadata.author,
    subject: metadata.subject,
    keywords: metadata.keywords.join(', '),
    revision: 1,
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
            language: { value: metadata.language, eastAsia: metadata.language, bidirectional: metadata.language },
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
        children: toDocxBody(body, defaults),
      },
    ],
  });
}

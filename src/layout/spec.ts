import type { DocumentMetadata, FontSetup, HorizontalAlign } from '../model/document.js';

/**
 * The document laid out for the writers: page geometry and the body as paragraph and table
 * specs, every decision both writers need already taken and every length in whole twips
 * (units.ts). The DOCX writer serialises these specs; the PDF writer breaks their lines and
 * pages as LibreOffice does for that DOCX, and draws them. A writer adds nothing of its own to
 * the layout: no spacing, indent, width or rule that is not here.
 */
export interface DocumentLayout {
  page: PageLayout;
  font: FontSetup;
  pageNumbers: PageNumberLayout | null;
  metadata: DocumentMetadata;
  /** The distance between default tab stops, counted from the left edge of a paragraph's box. */
  defaultTabStopTwips: number;
  body: BodySpec[];
}

export interface PageLayout {
  /** The page size as the model gives it, for formats that store it finer than twips (the PDF). */
  widthPt: number;
  heightPt: number;
  widthTwips: number;
  heightTwips: number;
  margin: { topTwips: number; bottomTwips: number; leftTwips: number; rightTwips: number };
  /** The width between the side margins: the box of every paragraph of the page flow. */
  textWidthTwips: number;
}

export interface PageNumberLayout {
  sizeHalfPoints: number;
  /** Whether page 1 carries a number. */
  onFirstPage: boolean;
  /** From the page's top edge to the top of the header paragraph holding the number. */
  fromTopTwips: number;
  align: HorizontalAlign;
}

/** One run: `breaks` line breaks, then its text, sharing a formatting. */
export interface RunSpec {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  breaks: number;
  text?: string;
}

/**
 * What a paragraph is for the writers: text, a rule (an empty paragraph whose top border is the
 * line) or room only (an empty paragraph of an exact height: spacers, the gaps around tables).
 */
type ParagraphContent = 'text' | 'rule' | 'space';

export interface ParagraphSpec {
  kind: 'paragraph';
  content: ParagraphContent;
  /** The model block's role; the gaps around a table carry the table's role with ":before"/":after". */
  role: string;
  /** Space before and after, and the exact distance between baselines. */
  spacing: { beforeTwips: number; afterTwips: number; lineTwips: number };
  /** undefined when the paragraph has neither text nor border, so its indents do not show. */
  indent: { leftTwips: number; rightTwips: number; firstLineTwips: number } | undefined;
  /** undefined when the paragraph has no text, so its alignment does not show. */
  align: HorizontalAlign | undefined;
  /** A rule's line, drawn at the top of the paragraph between its indents. */
  topBorder?: { eighths: number; color: string };
  keepWithNext: boolean;
  keepLines: boolean;
  /** Size of the text and of the paragraph mark. */
  sizeHalfPoints: number;
  runs: RunSpec[];
  /** The width of the box the paragraph stands in: the text area or its table column. */
  boxTwips: number;
  /** Pictures anchored to the paragraph (a spacer's images), each over the ones before; absent when none. */
  images?: ImageSpec[];
}

/**
 * A picture anchored to a paragraph: it takes no room in the flow; both writers put it at the same
 * place, relative to the paragraph's box and the top of its first line.
 */
export interface ImageSpec {
  /** e.g. "signature-image", "seal-image". */
  role: string;
  /** The PNG file's bytes, embedded as they are. */
  png: Uint8Array;
  widthTwips: number;
  heightTwips: number;
  /** From the left edge of the paragraph's box; may be negative. */
  leftTwips: number;
  /** From the top of the paragraph's first line; may be negative. */
  topTwips: number;
}

/** A one-row borderless table: the model's side-by-side columns. */
export interface TableSpec {
  kind: 'table';
  role: string;
  widthsTwips: number[];
  /** The row may not split across pages. */
  cantSplit: boolean;
  /** Each cell's paragraphs; every cell holds at least one. */
  cells: ParagraphSpec[][];
}

export type BodySpec = ParagraphSpec | TableSpec;

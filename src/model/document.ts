/**
 * The layout-neutral document model: what every writer renders.
 *
 * Values are already resolved from the layout profile (sizes in points, lengths in millimetres),
 * so a writer only maps them onto its own format and never needs to know what a conclusion is.
 */

export interface DocumentModel {
  page: PageSetup;
  font: FontSetup;
  /** Page numbers, or null for none at all. */
  pageNumbers: PageNumbering | null;
  metadata: DocumentMetadata;
  blocks: Block[];
}

export interface PageSetup {
  widthMm: number;
  heightMm: number;
  margin: { topMm: number; bottomMm: number; leftMm: number; rightMm: number };
}

export interface FontSetup {
  /** Family name written into the DOCX and used to pick the PDF font, e.g. "Times New Roman". */
  family: string;
  /** Text colour as six hex digits, e.g. "000000". */
  color: string;
}

export interface PageNumbering {
  sizePt: number;
  /** Whether page 1 carries a number; the official layout numbers from page 2. */
  onFirstPage: boolean;
  /** Distance from the top edge of the page to the top of the number. */
  fromTopMm: number;
  align: HorizontalAlign;
}

export interface DocumentMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** The document's own date; writers use it for every timestamp so output is reproducible. */
  date: Date;
  language: string;
}

export type HorizontalAlign = 'left' | 'center' | 'right' | 'justify';

export interface TextRun {
  kind: 'text';
  text: string;
  bold: boolean;
  italic: boolean;
  underline: boolean;
}

/** A line break inside a paragraph (not a new paragraph). */
export interface LineBreak {
  kind: 'break';
}

export type Run = TextRun | LineBreak;

export interface ParagraphStyle {
  sizePt: number;
  align: HorizontalAlign;
  /**
   * Indent of the first line beyond leftIndentMm; negative for a hanging indent (the first line
   * starts left of the others, down to the left edge when it equals -leftIndentMm).
   */
  firstLineIndentMm: number;
  /** Indent of every line from the left edge of the text area (or column). */
  leftIndentMm: number;
  spaceBeforePt: number;
  spaceAfterPt: number;
  /** Exact distance between baselines; exact rather than "multiple" so DOCX and PDF agree. */
  lineHeightPt: number;
  /** Keep the end of this paragraph on the same page as the start of the next block. */
  keepWithNext: boolean;
  /** Never split this paragraph across pages. */
  keepLines: boolean;
}

export interface ParagraphBlock {
  kind: 'paragraph';
  /** A stable name of what the paragraph is (e.g. "issuer", "body"), for tests and writers' tagging. */
  role: string;
  runs: Run[];
  style: ParagraphStyle;
}

/** A solid horizontal line, centred in its column (or the text area). */
export interface RuleBlock {
  kind: 'rule';
  role: string;
  lengthMm: number;
  thicknessPt: number;
  spaceBeforePt: number;
  spaceAfterPt: number;
}

/** Empty vertical room, e.g. for the hand signature and seal. */
export interface SpacerBlock {
  kind: 'spacer';
  role: string;
  heightMm: number;
}

export type ColumnContent = ParagraphBlock | RuleBlock | SpacerBlock;

export interface Column {
  widthMm: number;
  blocks: ColumnContent[];
}

/** Side-by-side columns with no visible borders (the header, the recipients and signature). */
export interface ColumnsBlock {
  kind: 'columns';
  role: string;
  columns: Column[];
  spaceBeforePt: number;
  spaceAfterPt: number;
  /** Never split across pages. */
  keepTogether: boolean;
}

export type Block = ParagraphBlock | RuleBlock | SpacerBlock | ColumnsBlock;

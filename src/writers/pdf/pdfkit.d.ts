/**
 * The slice of pdfkit 0.18's API (CommonJS `module.exports = PDFDocument`) this writer uses.
 * pdfkit ships no types of its own.
 */
declare module 'pdfkit' {
  export interface PdfkitOptions {
    size: [number, number];
    /** Pages are added one by one as the plan has them. */
    autoFirstPage: false;
    /** No default font: none of the 14 standard fonts is ever loaded or referenced. */
    font: null;
    pdfVersion: '1.7';
    subset?: 'PDF/A-2b';
    lang: string;
    displayTitle: boolean;
    compress: boolean;
    info: Record<string, string | Date>;
  }

  /** The options of text() and of its private _fragment(), which pdfkit-document.ts calls. */
  export interface TextOptions {
    lineBreak: false;
    /** 'alphabetic': y is the baseline. */
    baseline: 'alphabetic';
    /** Added to every gap between words; pdfkit then draws the words without their spaces. */
    wordSpacing?: number;
  }

  class PDFDocument {
    constructor(options: PdfkitOptions);
    addPage(): this;
    registerFont(name: string, source: Uint8Array): this;
    font(name: string, size?: number): this;
    fillColor(color: string): this;
    moveTo(x: number, y: number): this;
    lineTo(x: number, y: number): this;
    lineWidth(width: number): this;
    stroke(color?: string): this;
    rect(x: number, y: number, width: number, height: number): this;
    fill(color?: string): this;
    on(event: 'data', listener: (chunk: Uint8Array) => void): this;
    on(event: 'end', listener: () => void): this;
    on(event: 'error', listener: (error: Error) => void): this;
    end(): void;
    appendXML(xml: string, newline?: boolean): void;
    /** pdfkit's private XMP writer for the Info fields; replaced per document (see pdf-metadata.ts). */
    _addInfo?: () => void;
  }

  export default PDFDocument;
}

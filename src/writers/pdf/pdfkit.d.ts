/**
 * The slice of pdfkit's API this writer uses (0.18's CommonJS `module.exports = PDFDocument`,
 * 0.20's default export). pdfkit ships no types of its own.
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

  /** An indirect object: written to the file when ended, with `data` as its dictionary. */
  export interface PDFReference {
    readonly id: number;
    data: Record<string, unknown>;
    /** Ends the object, with `chunk` as (the rest of) its stream; a string gets a newline. */
    end(chunk?: Uint8Array | string): void;
  }

  export interface PDFPage {
    readonly width: number;
    readonly height: number;
  }

  class PDFDocument {
    constructor(options: PdfkitOptions);
    addPage(): this;
    /** The page being drawn on. */
    readonly page: PDFPage;
    /** A new indirect object with `data` as its dictionary. */
    ref(data?: Record<string, unknown>): PDFReference;
    /**
     * Appends PDF operators to the current page's content stream: a string with a newline after
     * it, bytes as they are (its content stream's write takes either, as every stream's does).
     */
    addContent(operators: string | Uint8Array): this;
    fillColor(color: string): this;
    moveTo(x: number, y: number): this;
    lineTo(x: number, y: number): this;
    lineWidth(width: number): this;
    stroke(color?: string): this;
    rect(x: number, y: number, width: number, height: number): this;
    fill(color?: string): this;
    /** Draws a PNG or JPEG file's bytes with its top left at (x, y), scaled to width × height. */
    image(source: Buffer, x: number, y: number, options: { width: number; height: number }): this;
    on(event: 'data', listener: (chunk: Uint8Array) => void): this;
    on(event: 'end', listener: () => void): this;
    on(event: 'error', listener: (error: Error) => void): this;
    end(): void;
    appendXML(xml: string, newline?: boolean): void;
  }

  export default PDFDocument;
}

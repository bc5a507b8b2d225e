/**
 * The slice of pdfmake 0.3's server API (CommonJS `module.exports = new pdfmake()`) this writer
 * uses. pdfmake ships no types; document definitions are built by our own typed code
 * (pdfmake-nodes.ts) and passed through as plain objects.
 */
declare module 'pdfmake' {
  export interface PdfmakeFontDescriptor {
    normal: string;
    bold: string;
    italics: string;
    bolditalics: string;
  }

  /** The pdfkit document pdfmake has laid out and drawn, before `end()` writes the trailer. */
  export interface PdfkitDocument {
    on(event: 'data', listener: (chunk: Buffer) => void): this;
    on(event: 'end', listener: () => void): this;
    on(event: 'error', listener: (error: Error) => void): this;
    end(): void;
    appendXML(xml: string, newline?: boolean): void;
    /** pdfkit's private XMP writer for the Info fields; replaced per document (see pdf-metadata.ts). */
    _addInfo?: () => void;
  }

  export interface PdfmakeOutput {
    getStream(): Promise<PdfkitDocument>;
  }

  export interface PdfmakeServer {
    virtualfs: {
      existsSync(filename: string): boolean;
      writeFileSync(filename: string, content: Buffer): void;
    };
    setFonts(fonts: Record<string, PdfmakeFontDescriptor>): void;
    setUrlAccessPolicy(callback: (url: string) => boolean): void;
    setLocalAccessPolicy(callback: (path: string) => boolean): void;
    createPdf(docDefinition: object, options?: object): PdfmakeOutput;
  }

  const pdfmake: PdfmakeServer;
  export default pdfmake;
}

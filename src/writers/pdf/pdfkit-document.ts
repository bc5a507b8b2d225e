import PDFDocument from 'pdfkit';
import type { FontStyleName } from '../../fonts/font-files.js';
import { ContentBytes } from './content-bytes.js';
import type { ShapedWord } from './font-shaping.js';
import { DocumentFont } from './pdf-font.js';
import type { PdfFontFamily } from './pdf-fonts.js';

/**
 * The one place that creates pdfkit documents, draws their text and collects their bytes.
 *
 * pdfkit makes the document: pages, graphics, metadata, PDF/A, compression. The text and its
 * fonts are written here (pdf-font.ts) from the layout's own shaping, as pdfkit would write
 * them: pdfkit's text path shaped every word again and rebuilt its positions for each call,
 * most of the cost of a render. A face becomes a font of the document when it is first chosen.
 */

interface DocumentSetup {
  widthPt: number;
  heightPt: number;
  info: Record<string, string | Date>;
  language: string;
  pdfa: boolean;
}

export class WriterDocument {
  private readonly pdf: PDFDocument;
  /** Text operators drawn since anything else was: written in one piece, before the next drawing of any other kind. */
  private readonly pending = new ContentBytes();
  private readonly fonts = new Map<FontStyleName, DocumentFont>();
  private current: DocumentFont | undefined;
  private sizePt = 0;

  constructor(
    setup: DocumentSetup,
    private readonly family: PdfFontFamily,
  ) {
    this.pdf = new PDFDocument({
      size: [setup.widthPt, setup.heightPt],
      autoFirstPage: false,
      font: null,
      pdfVersion: '1.7',
      ...(setup.pdfa ? { subset: 'PDF/A-2b' as const } : {}),
      lang: setup.language,
      displayTitle: true,
      compress: true,
      info: setup.info,
    });
  }

  /**
   * The pdfkit document, for pages and drawing anything but text: the text drawn so far is
   * written out first, so the page's content keeps the order of the drawing.
   */
  get doc(): PDFDocument {
    this.flush();
    return this.pdf;
  }

  /** Makes `style` at `sizePt` the font of the text drawn next. */
  font(style: FontStyleName, sizePt: number): void {
    let font = this.fonts.get(style);
    if (!font) {
      font = new DocumentFont(this.pdf, this.family.faces[style], `F${this.fonts.size + 1}`);
      this.fonts.set(style, font);
    }
    this.current = font;
    this.sizePt = sizePt;
  }

  /** Draws `text` in the current font with its baseline at (x, y), never wrapped. */
  text(text: string, x: number, y: number): void {
    this.currentFont().draw(this.pending, text, x, y, this.sizePt);
  }

  /** As text(words.join(' '), …), for shaped words that hold no white space, with wordSpacing added to each gap between them. */
  words(words: readonly ShapedWord[], x: number, y: number, wordSpacing: number): void {
    this.currentFont().drawWords(this.pending, words, x, y, this.sizePt, wordSpacing);
  }

  private currentFont(): DocumentFont {
    if (!this.current) throw new Error('ket-luan: text drawn before a font was chosen');
    return this.current;
  }

  /**
   * pdfkit ends each piece of content given as a string with a newline, and takes bytes as they
   * are: each drawing's operators end with their newline already, so the bytes are the same.
   */
  private flush(): void {
    if (this.pending.isEmpty) return;
    this.pdf.addContent(this.pending.take());
  }

  /** Writes the fonts, ends the document and resolves with the whole file. */
  finish(): Promise<Uint8Array> {
    this.flush();
    for (const font of this.fonts.values()) font.embed();
    return new Promise<Uint8Array>((resolve, reject) => {
      const chunks: Uint8Array[] = [];
      // a bound push, not an arrow function made for each document (V8 optimises each anew)
      this.pdf.on('data', chunks.push.bind(chunks));
      this.pdf.on('end', () => {
        const pdf = concatBytes(chunks);
        for (const font of this.fonts.values()) font.learnFrom(pdf);
        resolve(pdf);
      });
      this.pdf.on('error', reject);
      this.pdf.end();
    });
  }
}

function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((length, chunk) => length + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

import pdfmake, { type PdfkitDocument } from 'pdfmake';
import type { FontStyleName } from '../../fonts/font-files.js';
import type { PdfFontFamily } from './pdf-fonts.js';

/**
 * The one place that talks to pdfmake's process-wide server instance.
 *
 * Fonts are handed over through pdfmake's virtual file system, keyed by their real paths: the
 * unkerned copies made once per process (pdf-fonts.ts) are reused by every render, and pdfmake
 * never reads the files themselves.
 * Both access policies are set on every render: no URL may be fetched, and the only local files
 * pdfmake may open are the font files registered here.
 */

const STYLES: FontStyleName[] = ['normal', 'bold', 'italics', 'bolditalics'];
const registeredFontPaths = new Set<string>();

function register(family: PdfFontFamily): void {
  for (const style of STYLES) {
    const { path } = family.faces[style].loaded;
    if (!pdfmake.virtualfs.existsSync(path)) pdfmake.virtualfs.writeFileSync(path, family.faces[style].drawing.data);
    registeredFontPaths.add(path);
  }
}

export interface RenderHooks {
  /** Runs on the drawn pdfkit document just before it is finished (metadata). */
  beforeEnd?: (document: PdfkitDocument) => void;
}

export async function renderPdf(definition: object, family: PdfFontFamily, hooks: RenderHooks = {}): Promise<Uint8Array> {
  register(family);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => registeredFontPaths.has(path));
  // A fresh descriptor object per render: pdfmake's printer keeps (and rewrites) the one it is
  // given, so concurrent renders with different fonts never share it.
  pdfmake.setFonts({
    [family.key]: {
      normal: family.faces.normal.loaded.path,
      bold: family.faces.bold.loaded.path,
      italics: family.faces.italics.loaded.path,
      bolditalics: family.faces.bolditalics.loaded.path,
    },
  });
  const document = await pdfmake.createPdf(definition).getStream();
  hooks.beforeEnd?.(document);
  return new Promise<Uint8Array>((resolve, reject) => {
    const chunks: Buffer[] = [];
    document.on('data', (chunk) => chunks.push(chunk));
    document.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    document.on('error', reject);
    document.end();
  });
}

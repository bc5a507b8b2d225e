import { layoutDocument, type DocumentLayout } from '../../layout/index.js';
import type { DocumentModel } from '../../model/document.js';
import { bodyXml } from './body-xml.js';
import { DocxMedia } from './images.js';
import { docxLayout } from './document.js';
import { DOCUMENT_PATH, packageFrame } from './package-frame.js';
import { CORE_PROPERTIES_PATH, corePropertiesXml, setZipEntryTimes } from './reproducible-package.js';
import { deflateFile, zipDeflated } from './zip.js';

/**
 * Renders a document model to a DOCX file. Pure: the same model always gives the same bytes,
 * every timestamp inside comes from model.metadata.date.
 */
export async function writeDocx(model: DocumentModel): Promise<Uint8Array> {
  return writeDocxLayout(layoutDocument(model));
}

/**
 * A laid-out document as a DOCX. docx writes a reference package once per page layout, fonts and
 * defaults (package-frame.ts); each document then puts its own body XML (body-xml.ts) and core
 * properties into a copy of it.
 */
async function writeDocxLayout(layout: DocumentLayout): Promise<Uint8Array> {
  const { layout: docx, body } = docxLayout(layout);
  const frame = await packageFrame(docx);
  const { metadata } = layout;
  const media = new DocxMedia();
  const document = frame.documentHead + bodyXml(body, docx.defaults, media) + frame.documentTail;
  const core = corePropertiesXml({
    title: metadata.title,
    subject: metadata.subject,
    creator: metadata.author,
    keywords: metadata.keywords,
    language: metadata.language,
    date: metadata.date,
  });
  const files = media.addTo(
    frame.files.map((file) => {
      if (file.path === DOCUMENT_PATH) return deflateFile(DOCUMENT_PATH, document);
      if (file.path === CORE_PROPERTIES_PATH) return deflateFile(CORE_PROPERTIES_PATH, core);
      return file;
    }),
  );
  return setZipEntryTimes(zipDeflated(files), metadata.date);
}

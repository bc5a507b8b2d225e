import type { DocumentModel } from '../../model/document.js';
import { docxLayout } from './document.js';
import { DOCUMENT_PATH, packageFrame } from './package-frame.js';
import { bodyXml } from './blocks.js';
import { CORE_PROPERTIES_PATH, corePropertiesXml, setZipEntryTimes } from './reproducible-package.js';
import { deflateFile, zipDeflated } from './zip.js';

/**
 * Renders a document model to a DOCX file. Pure: the same model always gives the same bytes,
 * every timestamp inside comes from model.metadata.date.
 *
 * docx writes every part but the body once per layout (package-frame.ts); each document adds
 * its body, serialised as docx serialises it, and its core properties.
 */
export async function writeDocx(model: DocumentModel): Promise<Uint8Array> {
  const { layout, body } = docxLayout(model);
  const frame = await packageFrame(layout);
  const { metadata } = model;
  const document = frame.documentHead + bodyXml(body, layout.defaults) + frame.documentTail;
  const core = corePropertiesXml({
    title: metadata.title,
    subject: metadata.subject,
    creator: metadata.author,
    keywords: metadata.keywords,
    language: metadata.language,
    date: metadata.date,
  });
  const files = frame.files.map((file) => {
    if (file.path === DOCUMENT_PATH) return deflateFile(DOCUMENT_PATH, document);
    if (file.path === CORE_PROPERTIES_PATH) return deflateFile(CORE_PROPERTIES_PATH, core);
    return file;
  });
  return setZipEntryTimes(zipDeflated(files), metadata.date);
}

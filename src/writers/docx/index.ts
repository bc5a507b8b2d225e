import { Packer } from 'docx';
import type { DocumentModel } from '../../model/document.js';
import { toDocxDocument } from './document.js';
import { CORE_PROPERTIES_PATH, corePropertiesXml, setZipEntryTimes } from './reproducible-package.js';

/**
 * Renders a document model to a DOCX file. Pure: the same model always gives the same bytes,
 * every timestamp inside comes from model.metadata.date.
 */
export async function writeDocx(model: DocumentModel): Promise<Uint8Array> {
  const { metadata } = model;
  const core = corePropertiesXml({
    title: metadata.title,
    subject: metadata.subject,
    creator: metadata.author,
    keywords: metadata.keywords,
    language: metadata.language,
    date: metadata.date,
  });
  const packed = await Packer.pack(toDocxDocument(model), 'uint8array', false, [{ path: CORE_PROPERTIES_PATH, data: core }]);
  return setZipEntryTimes(packed, metadata.date);
}

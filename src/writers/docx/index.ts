import { Packer } from 'docx';
import type { DocumentModel } from '../../model/document.js';
import { toDocxDocument } from './document.js';
import { makeReproducible } from './reproducible-package.js';

/**
 * Renders a document model to a DOCX file. Pure: the same model always gives the same bytes,
 * every timestamp inside comes from model.metadata.date.
 */
export async function writeDocx(model: DocumentModel): Promise<Uint8Array> {
  const packed = await Packer.pack(toDocxDocument(model), 'uint8array');
  return makeReproducible(packed, { date: model.metadata.date, language: model.metadata.language });
}

/**
 * Whether the DOCX writer's reference package (src/writers/docx/package-frame.ts) still pays: the
 * same document written with docx packing every part for each document, through docx's public
 * classes (the columns' cells as plain paragraphs: a lower bound of docx's own cost).
 */
import { Packer } from 'docx';
import { layoutDocument } from '../src/layout/index.js';
import type { DocumentModel } from '../src/model/document.js';
import { docxDocument, docxLayout } from '../src/writers/docx/document.js';
import { toDocxParagraph } from '../src/writers/docx/paragraphs.js';
import { isTable } from '../src/writers/docx/spec.js';

export function docxWithoutReferencePackage(model: DocumentModel): () => Promise<Uint8Array> {
  return () => {
    const { layout, body } = docxLayout(layoutDocument(model));
    const paragraphs = body.flatMap((spec) => (isTable(spec) ? spec.cells.flat() : [spec]));
    return Packer.pack(docxDocument(layout, paragraphs.map((paragraph) => toDocxParagraph(paragraph, layout.defaults))), 'uint8array');
  };
}

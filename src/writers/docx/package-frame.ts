import { FileChild, Packer } from 'docx';
import { inflateSync } from 'fflate';
import { docxDocument, type DocxLayout } from './document.js';
import { CORE_PROPERTIES_PATH } from './reproducible-package.js';
import { deflatedFiles, type DeflatedFile } from './zip.js';

export const DOCUMENT_PATH = 'word/document.xml';

/**
 * A DOCX package without its body and core properties: every other part as docx wrote and
 * compressed it, and word/document.xml cut where the body goes.
 *
 * docx rebuilds and recompresses its ~20 parts (styles, theme, numbering, settings, headers…)
 * for every document, although they depend only on the layout; that fixed work was most of
 * the time to write a DOCX. The frame keeps them, so a document costs its body alone.
 */
interface PackageFrame {
  /** Every part in docx's order, as docx compressed it; document.xml and core.xml are replaced. */
  files: readonly DeflatedFile[];
  /** document.xml before and after the body's paragraphs and tables. */
  documentHead: string;
  documentTail: string;
}

const BODY_MARK = 'ket-luan:body';
const BODY_MARK_XML = `<${BODY_MARK}/>`;

/** Stands in the frame's body, to be cut out: an element docx itself never writes. */
class BodyMark extends FileChild {
  constructor() {
    super(BODY_MARK);
  }

  override prepForXml(): { [BODY_MARK]: object } {
    return { [BODY_MARK]: {} };
  }
}

async function buildPackageFrame(layout: DocxLayout): Promise<PackageFrame> {
  const packed = await Packer.pack(docxDocument(layout, [new BodyMark()]), 'uint8array');
  // docx's parts are kept as docx compressed them; only document.xml is read
  const files = deflatedFiles(packed);
  const documentFile = files.find((file) => file.path === DOCUMENT_PATH);
  if (documentFile === undefined) throw new Error(`ket-luan: docx wrote no ${DOCUMENT_PATH}`);
  if (!files.some((file) => file.path === CORE_PROPERTIES_PATH)) throw new Error(`ket-luan: docx wrote no ${CORE_PROPERTIES_PATH}`);
  const xml = new TextDecoder('utf-8', { fatal: true }).decode(inflateSync(documentFile.deflated));
  const at = xml.indexOf(BODY_MARK_XML);
  if (at < 0 || xml.indexOf(BODY_MARK_XML, at + 1) >= 0) throw new Error('ket-luan: docx wrote the body in an unexpected place');
  const documentHead = xml.slice(0, at);
  const documentTail = xml.slice(at + BODY_MARK_XML.length);
  return { files, documentHead, documentTail };
}

/**
 * Frames by layout. A few are kept: a batch usually shares one layout, and a long-running
 * service sees a handful of profiles. The oldest is dropped first.
 */
const MAX_FRAMES = 8;
const frames = new Map<string, Promise<PackageFrame>>();

export function packageFrame(layout: DocxLayout): Promise<PackageFrame> {
  const key = JSON.stringify(layout);
  let frame = frames.get(key);
  if (frame === undefined) {
    frame = buildPackageFrame(layout);
    // a failed build is not kept, so the next document tries again and gets the error itself
    const built = frame;
    built.catch(() => {
      if (frames.get(key) === built) frames.delete(key);
    });
    frames.set(key, frame);
    if (frames.size > MAX_FRAMES) frames.delete(frames.keys().next().value as string);
  } else {
    // used again: it becomes the newest
    frames.delete(key);
    frames.set(key, frame);
  }
  return frame;
}
